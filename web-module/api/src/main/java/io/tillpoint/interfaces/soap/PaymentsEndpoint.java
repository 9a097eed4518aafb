package io.tillpoint.interfaces.soap;

import io.tillpoint.application.InvalidClientException;
import io.tillpoint.application.TooManyAttemptsException;
import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.domain.shared.Ids;
import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.infrastructure.json.Jsons;
import io.tillpoint.interfaces.rest.Caller;
import io.tillpoint.interfaces.rest.ProblemMapper;
import jakarta.annotation.Resource;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.jws.HandlerChain;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPHeader;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.WebServiceProvider;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.soap.SOAPBinding;
import java.io.ByteArrayInputStream;
import java.util.Iterator;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * /soap/payments: the WSDL's eight operations, each handed to {@link SoapPayments} as the REST
 * call it stands for, with the caller that the bearer token (HTTP {@code Authorization}, verified
 * by the API's authentication module before this runs) or a WS-Security UsernameToken names.
 * The published WSDL is the hand-written one ({@code wsdlLocation}), never one made from code.
 * The handler chain only declares {@code wsse:Security} understood ({@link WsSecurityHeader}).
 */
@WebServiceProvider(serviceName = "PaymentsService", portName = "PaymentsPort", targetNamespace = SoapXml.NS,
        wsdlLocation = "WEB-INF/wsdl/payments-v1.wsdl")
@ServiceMode(Service.Mode.MESSAGE)
@HandlerChain(file = "handlers.xml")
@BindingType(SOAPBinding.SOAP11HTTP_BINDING)
public class PaymentsEndpoint implements Provider<SOAPMessage> {

    private static final QName IDEMPOTENCY_KEY = new QName(SoapXml.NS, "IdempotencyKey");

    @Resource
    WebServiceContext context;

    private volatile SoapPayments operations;

    @Override
    public SOAPMessage invoke(SOAPMessage request) {
        MessageContext messageContext = context.getMessageContext();
        HttpServletRequest http = (HttpServletRequest) messageContext.get(MessageContext.SERVLET_REQUEST);
        String requestId = Ids.newId("req");
        SoapAnswer answer;
        String operation = null;
        try {
            Element call = operationOf(request);
            operation = call.getLocalName();
            String merchant;
            try {
                merchant = merchantOf(http, request);
            } catch (InvalidClientException | TooManyAttemptsException refused) {
                return refusedSignIn(messageContext, refused, requestId);
            }
            if (merchant == null) {
                messageContext.put(MessageContext.HTTP_RESPONSE_CODE, 401);
                return SoapFaults.of(unauthorized(requestId), null);
            }
            answer = dispatch(operation, merchant, idempotencyKey(request), SoapXml.toJson(call), requestId);
        } catch (RuntimeException failed) {
            answer = SoapAnswer.fresh(SoapPayments.problem(failed, requestId));
        }
        if (!answer.failed()) {
            try {
                return response(operation, answer);
            } catch (RuntimeException failed) {
                answer = SoapAnswer.fresh(SoapPayments.problem(failed, requestId));
            }
        }
        messageContext.put(MessageContext.HTTP_RESPONSE_CODE, 500);
        return SoapFaults.of(answer.response());
    }

    private SoapAnswer dispatch(String operation, String merchant, String key, JsonObject call, String requestId) {
        SoapPayments soap = operations();
        return switch (operation) {
            case "Authorize" -> soap.authorize(merchant, key, call, requestId);
            case "Capture" -> soap.capture(merchant, key, paymentId(call), without(call, "payment_id"), requestId);
            case "Void" -> soap.voidPayment(merchant, key, paymentId(without(call)), requestId);
            case "Refund" -> soap.refund(merchant, key, paymentId(call), without(call, "payment_id"), requestId);
            case "Confirm" -> soap.confirm(merchant, key, paymentId(call), without(call, "payment_id"), requestId);
            case "GetPayment" -> soap.get(merchant, paymentId(without(call)));
            case "ListRefunds" -> soap.refunds(merchant, paymentId(without(call)));
            case "ListPayments" -> soap.list(merchant, call);
            default -> throw new InvalidInputException("unknown_operation", null,
                    "No operation " + operation.substring(0, Math.min(operation.length(), 64))
                            + "; the WSDL at ?wsdl lists them");
        };
    }

    /** The body's one element: the operation's wrapper. */
    private static Element operationOf(SOAPMessage request) {
        try {
            for (Node child = request.getSOAPBody().getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element) {
                    if (!SoapXml.NS.equals(element.getNamespaceURI())) {
                        throw new InvalidInputException("unknown_operation", null,
                                "The body's element must be one of the operations in " + SoapXml.NS);
                    }
                    return element;
                }
            }
        } catch (SOAPException e) {
            throw new InvalidInputException(null, "The SOAP body could not be read");
        }
        throw new InvalidInputException(null, "The SOAP body holds no operation");
    }

    private static String idempotencyKey(SOAPMessage request) {
        try {
            SOAPHeader header = request.getSOAPHeader();
            if (header == null) {
                return null;
            }
            Iterator<jakarta.xml.soap.Node> keys = header.getChildElements(IDEMPOTENCY_KEY);
            String key = keys.hasNext() ? keys.next().getTextContent() : null;
            // An empty element is no key: JAX-WS clients send the header empty when given none.
            return key == null || key.isEmpty() ? null : key;
        } catch (SOAPException e) {
            throw new InvalidInputException(null, "The SOAP header could not be read");
        }
    }

    /**
     * The merchant of the caller: the verified bearer token's, or the UsernameToken's client, whose
     * secret is checked here as the token endpoint checks it. Null when there is neither; both at
     * once are refused. A client without a merchant (a platform client) is 403.
     */
    private String merchantOf(HttpServletRequest http, SOAPMessage request) {
        Caller bearer = http == null ? null : Caller.of(http.getUserPrincipal());
        Optional<UsernameToken> token = UsernameToken.in(header(request));
        if (bearer != null && token.isPresent()) {
            throw new InvalidInputException("wsse:Security",
                    "must not come with an Authorization header: send either a bearer token or a UsernameToken");
        }
        String merchant;
        if (bearer != null) {
            merchant = bearer.merchantId();
        } else if (token.isPresent()) {
            merchant = operations().signIn(token.get(), http == null ? null : http.getRemoteAddr()).merchantId();
        } else {
            return null;
        }
        if (merchant == null) {
            throw new jakarta.ws.rs.ForbiddenException();
        }
        return merchant;
    }

    private static SOAPHeader header(SOAPMessage request) {
        try {
            return request.getSOAPHeader();
        } catch (SOAPException e) {
            throw new InvalidInputException(null, "The SOAP header could not be read");
        }
    }

    /**
     * A refused UsernameToken as the token endpoint refuses the secret: HTTP 401 {@code
     * invalid_client}, or 429 {@code too_many_attempts} with {@code Retry-After} during a lock-out
     * (the fault's {@code retry_after} too).
     */
    private static SOAPMessage refusedSignIn(MessageContext messageContext, RuntimeException refused, String requestId) {
        jakarta.ws.rs.core.Response problem = ProblemMapper.problemFor(refused, requestId);
        messageContext.put(MessageContext.HTTP_RESPONSE_CODE, problem.getStatus());
        Integer retryAfter = null;
        if (refused instanceof TooManyAttemptsException tooMany) {
            retryAfter = (int) tooMany.retryAfter().seconds();
            // On the servlet response itself: Metro leaves a Provider's HTTP_RESPONSE_HEADERS out.
            if (messageContext.get(MessageContext.SERVLET_RESPONSE) instanceof HttpServletResponse http) {
                http.setHeader("Retry-After", String.valueOf(retryAfter));
            }
        }
        return SoapFaults.of((JsonObject) problem.getEntity(), retryAfter);
    }

    private static JsonObject unauthorized(String requestId) {
        return Jsons.object().add("status", 401).add("code", "unauthorized")
                .add("detail", "A valid bearer token (HTTP Authorization: Bearer <token>) or a WS-Security UsernameToken is required")
                .add("request_id", requestId).build();
    }

    private static String paymentId(JsonObject call) {
        String id = call.getString("payment_id", null);
        if (id == null || id.isEmpty()) {
            throw new InvalidInputException("payment_id", "is required");
        }
        return id;
    }

    /** {@code call} with only its payment id, which must be all it holds. */
    private static JsonObject without(JsonObject call) {
        for (String name : call.keySet()) {
            if (!"payment_id".equals(name)) {
                throw new InvalidInputException(name, "is not a known field");
            }
        }
        return call;
    }

    private static JsonObject without(JsonObject call, String name) {
        JsonObjectBuilder rest = Jsons.object(call);
        rest.remove(name);
        return rest.build();
    }

    /** The operation's response element with the REST answer's object(s) in it. */
    private static SOAPMessage response(String operation, SoapAnswer answer) {
        StoredResponse stored = answer.response();
        JsonObject json;
        try (JsonReader reader = Jsons.reader(new ByteArrayInputStream(stored.body()))) {
            json = reader.readObject();
        }
        try {
            SOAPMessage message = MessageFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL).createMessage();
            message.getSOAPPart().getEnvelope().addNamespaceDeclaration(SoapXml.PREFIX, SoapXml.NS);
            if (answer.replayed()) {
                message.getSOAPHeader().addChildElement(new QName(SoapXml.NS, "IdempotentReplayed", SoapXml.PREFIX))
                        .addTextNode("true");
            }
            SOAPElement body = message.getSOAPBody()
                    .addChildElement(new QName(SoapXml.NS, operation + "Response", SoapXml.PREFIX));
            switch (operation) {
                case "ListPayments" -> {
                    SoapXml.write(body, "payment", json.get("data"));
                    SoapXml.write(body, "has_more", json.get("has_more"));
                }
                case "ListRefunds" -> {
                    SoapXml.write(body, "refund", json.get("data"));
                    SoapXml.write(body, "has_more", json.get("has_more"));
                }
                case "Refund" -> SoapXml.write(body, "refund", json);
                case "Capture", "Void" -> {
                    SoapXml.write(body, "payment", json);
                    if (stored.status() == 202) {
                        SoapXml.write(body, "pending", jakarta.json.JsonValue.TRUE);
                    }
                }
                default -> SoapXml.write(body, "payment", json);
            }
            message.saveChanges();
            return message;
        } catch (SOAPException e) {
            throw new IllegalStateException("could not write the SOAP response", e);
        }
    }

    private SoapPayments operations() {
        SoapPayments known = operations;
        if (known == null) {
            known = CDI.current().select(SoapPayments.class).get();
            operations = known;
        }
        return known;
    }
}
