package io.tillpoint.interfaces.soap;

import io.tillpoint.domain.shared.InvalidInputException;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A WS-Security UsernameToken (UsernameToken Profile 1.0/1.1) in the SOAP header: the merchant's
 * client id as {@code wsse:Username} and its client secret as {@code wsse:Password} of type
 * {@code #PasswordText} (the default). A {@code #PasswordDigest} is refused: it needs the secret in
 * clear on the server, and the gateway keeps only a keyed hash of it. Anything else in the
 * {@code wsse:Security} header (a {@code wsu:Timestamp}, say) is ignored; it is not checked.
 */
record UsernameToken(String username, String password) {

    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final QName SECURITY = new QName(WSSE, "Security");
    static final String PASSWORD_TEXT =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";
    private static final int MAX = 1024;

    /** The token in {@code header} (the SOAP header element, or null); empty when there is none. */
    static Optional<UsernameToken> in(Element header) {
        Element security = only(header, WSSE, "Security", "wsse:Security");
        if (security == null) {
            return Optional.empty();
        }
        Element token = only(security, WSSE, "UsernameToken", "wsse:UsernameToken");
        if (token == null) {
            return Optional.empty();
        }
        Element username = only(token, WSSE, "Username", "wsse:Username");
        Element password = only(token, WSSE, "Password", "wsse:Password");
        if (username == null || password == null) {
            throw new InvalidInputException("wsse:UsernameToken", "needs a wsse:Username and a wsse:Password");
        }
        String type = password.getAttributeNS(null, "Type");
        if (!type.isEmpty() && !PASSWORD_TEXT.equals(type)) {
            throw new InvalidInputException("wsse:Password",
                    "must be of type #PasswordText (the client secret; a digest cannot be checked against the stored hash)");
        }
        return Optional.of(new UsernameToken(text(username, "wsse:Username"), text(password, "wsse:Password")));
    }

    /** The one child {@code ns:name} of {@code parent}; null for none; two are refused. */
    private static Element only(Element parent, String ns, String name, String param) {
        Element found = null;
        for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                if (found != null) {
                    throw new InvalidInputException(param, "must appear at most once");
                }
                found = e;
            }
        }
        return found;
    }

    private static String text(Element element, String param) {
        String text = element.getTextContent().strip();
        if (text.isEmpty() || text.length() > MAX) {
            throw new InvalidInputException(param, "must hold 1 to " + MAX + " characters");
        }
        return text;
    }

    @Override
    public String toString() {
        return "UsernameToken[username=" + username + "]";
    }
}
