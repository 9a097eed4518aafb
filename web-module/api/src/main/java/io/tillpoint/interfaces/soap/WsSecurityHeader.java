package io.tillpoint.interfaces.soap;

import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * Tells the SOAP runtime that the endpoint understands {@code wsse:Security}: WS-Security clients
 * send it with {@code mustUnderstand="1"}, which Metro otherwise answers with a MustUnderstand
 * fault before the endpoint runs. The endpoint reads the header's UsernameToken itself
 * ({@link UsernameToken}); this handler passes every message on unchanged.
 */
public class WsSecurityHeader implements SOAPHandler<SOAPMessageContext> {

    @Override
    public Set<QName> getHeaders() {
        return Set.of(UsernameToken.SECURITY);
    }

    @Override
    public boolean handleMessage(SOAPMessageContext context) {
        return true;
    }

    @Override
    public boolean handleFault(SOAPMessageContext context) {
        return true;
    }

    @Override
    public void close(MessageContext context) {
    }
}
