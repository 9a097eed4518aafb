import io.tillpoint.client.soap.Authorize;
import io.tillpoint.client.soap.AuthorizeResponse;
import io.tillpoint.client.soap.Capture;
import io.tillpoint.client.soap.CaptureMode;
import io.tillpoint.client.soap.CardInput;
import io.tillpoint.client.soap.GetPayment;
import io.tillpoint.client.soap.ListPayments;
import io.tillpoint.client.soap.ListPaymentsResponse;
import io.tillpoint.client.soap.ListRefunds;
import io.tillpoint.client.soap.Metadata;
import io.tillpoint.client.soap.Payment;
import io.tillpoint.client.soap.PaymentChanged;
import io.tillpoint.client.soap.PaymentFault_Exception;
import io.tillpoint.client.soap.PaymentMethodInput;
import io.tillpoint.client.soap.Payments;
import io.tillpoint.client.soap.PaymentsService;
import io.tillpoint.client.soap.Refund;
import io.tillpoint.client.soap.RefundResponse;
import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPHeader;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.handler.Handler;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;

/**
 * A merchant's program on the Java client that wsimport made from the live WSDL
 * (GeneratedClientsIT compiles it against that client and runs it on the server's JAX-WS
 * runtime). It goes through a payment's life, signs in with a bearer token and with a
 * WS-Security UsernameToken, and sends an XXE payload; it prints what each step answered, one
 * {@code name=value} a line, and the test asserts on the lines. Arguments: base URL, client id,
 * client secret, another merchant's payment id, a file the XXE payload names.
 */
public class SoapLifecycle {

    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String NS = "http://tillpoint.io/soap/payments/v1";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        URL wsdl = URI.create(base + "/soap/payments?wsdl").toURL();
        PaymentsService service = new PaymentsService(wsdl);
        String token = token(base, args[1], args[2]);
        Payments payments = withBearer(service.getPaymentsPort(), token);

        String key = UUID.randomUUID().toString();
        Authorize create = authorize(5000, CaptureMode.MANUAL, "4242424242424242", "soap-" + UUID.randomUUID());
        Payment first = payments.authorize(create, key).getPayment();
        Payment replay = payments.authorize(create, key).getPayment();
        String id = first.getId();
        print("create.status", first.getStatus().value());
        print("create.last4", first.getPaymentMethod().getCard().getLast4());
        print("replay.same_id", replay.getId().equals(id));
        print("replay.same_created_at", replay.getCreatedAt().equals(first.getCreatedAt()));
        print("reused_key", fault(() -> payments.authorize(authorize(5001, CaptureMode.MANUAL, "4242424242424242", "x"), key)));

        Capture capture = new Capture();
        capture.setPaymentId(id);
        capture.setAmount(4000L);
        PaymentChanged captured = payments.capture(capture, UUID.randomUUID().toString());
        print("capture.status", captured.getPayment().getStatus().value());
        print("capture.amount_captured", captured.getPayment().getAmountCaptured());
        for (long amount : new long[] {1000, 1500}) {
            RefundResponse refund = payments.refund(refund(id, amount), UUID.randomUUID().toString());
            print("refund." + amount + ".status", refund.getRefund().getStatus().value());
        }
        print("refund.too_much", fault(() -> payments.refund(refund(id, 1501), null)));
        ListRefunds listRefunds = new ListRefunds();
        listRefunds.setPaymentId(id);
        print("refunds.count", payments.listRefunds(listRefunds).getRefund().size());
        Payment got = payments.getPayment(get(id)).getPayment();
        print("get.status", got.getStatus().value());
        print("get.amount_refunded", got.getAmountRefunded());

        Payment toVoid = payments.authorize(authorize(700, CaptureMode.MANUAL, "4242424242424242", "v"), null).getPayment();
        io.tillpoint.client.soap.Void voidIt = new io.tillpoint.client.soap.Void();
        voidIt.setPaymentId(toVoid.getId());
        print("void.status", payments.voidPayment(voidIt, UUID.randomUUID().toString()).getPayment().getStatus().value());

        ListPayments list = new ListPayments();
        list.setLimit(10);
        ListPaymentsResponse page = payments.listPayments(list);
        print("list.count", page.getPayment().size());
        print("list.has_more", page.isHasMore());

        Payments wrongToken = withBearer(service.getPaymentsPort(), token + "x");
        print("wrong_token", fault(() -> wrongToken.getPayment(get(id))));
        print("other_merchant", fault(() -> payments.getPayment(get(args[3]))));
        print("invalid_card", fault(() -> payments.authorize(authorize(900, CaptureMode.AUTOMATIC, "4242424242424241", "c"), null)));

        Payments signedIn = withUsernameToken(service.getPaymentsPort(), args[1], args[2]);
        print("username_token.status", signedIn.getPayment(get(id)).getPayment().getStatus().value());
        print("username_token.other_merchant", fault(() -> signedIn.getPayment(get(args[3]))));
        Payments wrongSecret = withUsernameToken(service.getPaymentsPort(), args[1], "not-the-secret");
        print("username_token.wrong_secret", fault(() -> wrongSecret.getPayment(get(id))));

        // XXE: a document type with an external entity. The client's own runtime refuses to send it
        // (it parses what it sends, with no DTD support)...
        Dispatch<Source> raw = service.createDispatch(new QName(NS, "PaymentsPort"), Source.class, Service.Mode.MESSAGE);
        raw.getRequestContext().put(MessageContext.HTTP_REQUEST_HEADERS, Map.of("Authorization", List.of("Bearer " + token)));
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"" + URI.create("file://" + args[4]) + "\">]>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:tp=\"" + NS + "\">"
                + "<soapenv:Body><tp:Authorize><tp:amount>100</tp:amount><tp:currency>USD</tp:currency>"
                + "<tp:reference>&x;</tp:reference><tp:payment_method><tp:type>card</tp:type><tp:card>"
                + "<tp:number>4242424242424242</tp:number><tp:exp_month>12</tp:exp_month><tp:exp_year>2040</tp:exp_year>"
                + "</tp:card></tp:payment_method></tp:Authorize></soapenv:Body></soapenv:Envelope>";
        try {
            raw.invoke(new StreamSource(new StringReader(xxe)));
            print("xxe.dispatch", "sent and accepted");
        } catch (SOAPFaultException e) {
            print("xxe.dispatch", "server fault " + detailCode(e.getFault().getDetail()));
        } catch (WebServiceException e) {
            print("xxe.dispatch", "not sent: " + (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName());
        }
        // ...so the same bytes go to the port's address (from the generated service) over plain HTTP.
        String address = (String) ((BindingProvider) payments).getRequestContext().get(BindingProvider.ENDPOINT_ADDRESS_PROPERTY);
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(address))
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(xxe)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher code = Pattern.compile("<[a-z]+:code>([a-z_]+)</").matcher(refused.body());
        print("xxe.http", refused.statusCode() + " " + (code.find() ? code.group(1) : "-"));
        print("xxe.http.leaked", refused.body().contains(java.nio.file.Files.readString(java.nio.file.Path.of(args[4])).strip()));
        // ...and the same payload as a reference: the client escapes it, so it is text, never markup.
        Authorize asText = authorize(100, CaptureMode.AUTOMATIC, "4242424242424242",
                "<!DOCTYPE e [<!ENTITY x SYSTEM \"file://" + args[4] + "\">]>&x;");
        try {
            Payment text = payments.authorize(asText, null).getPayment();
            print("xxe.as_text.reference_kept", text.getReference().equals(asText.getReference()));
        } catch (PaymentFault_Exception e) {
            print("xxe.as_text.reference_kept", "fault " + e.getFaultInfo().getCode());
        }
    }

    static String detailCode(jakarta.xml.soap.Detail detail) {
        return detail == null ? "-" : detail.getElementsByTagNameNS(NS, "code").item(0).getTextContent();
    }

    /** A token from the REST token endpoint (the SOAP client has nothing to do with it). */
    static String token(String base, String id, String secret) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(answer.body());
        if (!m.find()) {
            throw new IllegalStateException("no token: " + answer.statusCode());
        }
        return m.group(1);
    }

    static Payments withBearer(Payments port, String token) {
        ((BindingProvider) port).getRequestContext().put(MessageContext.HTTP_REQUEST_HEADERS,
                Map.of("Authorization", List.of("Bearer " + token)));
        return port;
    }

    /** The client id and secret in a WS-Security UsernameToken header (mustUnderstand), as WS-Security stacks send it. */
    static Payments withUsernameToken(Payments port, String clientId, String secret) {
        SOAPHandler<SOAPMessageContext> security = new SOAPHandler<>() {
            @Override
            public boolean handleMessage(SOAPMessageContext context) {
                if (!(Boolean) context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY)) {
                    return true;
                }
                try {
                    SOAPHeader header = context.getMessage().getSOAPHeader();
                    if (header == null) {
                        header = context.getMessage().getSOAPPart().getEnvelope().addHeader();
                    }
                    SOAPElement sec = header.addChildElement("Security", "wsse", WSSE);
                    sec.addAttribute(new QName("http://schemas.xmlsoap.org/soap/envelope/", "mustUnderstand", "soapenv"), "1");
                    SOAPElement ut = sec.addChildElement("UsernameToken", "wsse");
                    ut.addChildElement("Username", "wsse").addTextNode(clientId);
                    ut.addChildElement("Password", "wsse").addTextNode(secret).setAttribute("Type",
                            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText");
                    context.getMessage().saveChanges();
                } catch (jakarta.xml.soap.SOAPException e) {
                    throw new WebServiceException(e);
                }
                return true;
            }

            @Override
            public boolean handleFault(SOAPMessageContext context) {
                return true;
            }

            @Override
            public void close(MessageContext context) {
            }

            @Override
            public Set<QName> getHeaders() {
                return Set.of();
            }
        };
        List<Handler> chain = new ArrayList<>();
        chain.add(security);
        ((BindingProvider) port).getBinding().setHandlerChain(chain);
        return port;
    }

    static Authorize authorize(long amount, CaptureMode capture, String number, String reference) {
        Authorize a = new Authorize();
        a.setAmount(amount);
        a.setCurrency("USD");
        a.setCapture(capture);
        a.setReference(reference);
        Metadata metadata = new Metadata();
        Metadata.Entry entry = new Metadata.Entry();
        entry.setKey("erp order");
        entry.setValue("4711");
        metadata.getEntry().add(entry);
        a.setMetadata(metadata);
        CardInput card = new CardInput();
        card.setNumber(number);
        card.setExpMonth(12);
        card.setExpYear(java.time.Year.now().getValue() + 3);
        card.setCvc("123");
        PaymentMethodInput method = new PaymentMethodInput();
        method.setType("card");
        method.setCard(card);
        a.setPaymentMethod(method);
        return a;
    }

    static Refund refund(String id, long amount) {
        Refund r = new Refund();
        r.setPaymentId(id);
        r.setAmount(amount);
        return r;
    }

    static GetPayment get(String id) {
        GetPayment g = new GetPayment();
        g.setPaymentId(id);
        return g;
    }

    interface Call {
        Object run() throws PaymentFault_Exception;
    }

    /** The refusal a call met: {@code <status> <code> <param>} from the typed fault, or the transport's HTTP status. */
    static String fault(Call call) {
        try {
            call.run();
            return "no refusal";
        } catch (PaymentFault_Exception e) {
            return e.getFaultInfo().getStatus() + " " + e.getFaultInfo().getCode() + " "
                    + (e.getFaultInfo().getParam() == null ? "-" : e.getFaultInfo().getParam());
        } catch (SOAPFaultException e) {
            return "untyped " + detailCode(e.getFault().getDetail());
        } catch (WebServiceException e) {
            Matcher status = Pattern.compile("\\b(4\\d\\d)\\b").matcher(String.valueOf(e.getMessage()));
            return "transport " + (status.find() ? status.group(1) : e.getClass().getSimpleName());
        }
    }

    static void print(String name, Object value) {
        System.out.println(name + "=" + value);
    }
}
