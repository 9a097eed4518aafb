package io.tillpoint.it;

import static io.tillpoint.it.Gateway.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.it.Gateway.Merchant;
import io.tillpoint.it.Gateway.Reply;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The SOAP endpoint as an ERP's SOAP stack sees it: envelopes over HTTP. Every answer is checked
 * against the schema of the WSDL the server publishes; payments cross between SOAP and REST.
 */
@ExtendWith(ArquillianExtension.class)
class SoapIT {

    static final String NS = "http://tillpoint.io/soap/payments/v1";
    static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    private static Schema schema;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ear();
    }

    @BeforeAll
    static void publishedSchema() throws Exception {
        Reply wsdl = get("/soap/payments?wsdl", null);
        assertThat(wsdl.status()).isEqualTo(200);
        Document doc = parse(wsdl.body());
        assertThat(doc.getDocumentElement().getAttribute("targetNamespace")).isEqualTo(NS);
        Element inline = (Element) doc.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "schema").item(0);
        Document alone = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().newDocument();
        Element copy = (Element) alone.importNode(inline, true);
        copy.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:tp", NS);
        copy.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xsd", XMLConstants.W3C_XML_SCHEMA_NS_URI);
        alone.appendChild(copy);
        schema = SchemaFactory.newDefaultInstance().newSchema(new DOMSource(alone));
    }

    /** One SOAP exchange: its HTTP status, the body's first element, the header's. */
    record Soap(int status, String raw, Element body, Element header) {
        String text(String name) {
            Node n = body.getElementsByTagNameNS(NS, name).item(0);
            return n == null ? null : n.getTextContent();
        }

        Element payment() {
            return (Element) body.getElementsByTagNameNS(NS, "payment").item(0);
        }

        boolean replayed() {
            return header != null && header.getElementsByTagNameNS(NS, "IdempotentReplayed").getLength() == 1;
        }

        String faultCode() {
            assertThat(body.getLocalName()).as(raw).isEqualTo("Fault");
            return text("code");
        }

        /** The operation's response element, valid against the published schema. */
        Element valid(String response) throws Exception {
            assertThat(body.getLocalName()).as(raw).isEqualTo(response);
            schema.newValidator().validate(new DOMSource(body));
            return body;
        }
    }

    static Soap call(String token, String key, String operation, String inner) throws Exception {
        String header = key == null ? "" : "<soapenv:Header><tp:IdempotencyKey>" + key + "</tp:IdempotencyKey></soapenv:Header>";
        return raw(token, "<soapenv:Envelope xmlns:soapenv=\"" + SOAP + "\" xmlns:tp=\"" + NS + "\">" + header
                + "<soapenv:Body><tp:" + operation + ">" + inner + "</tp:" + operation + "></soapenv:Body></soapenv:Envelope>");
    }

    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String PASSWORD_TEXT =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";

    /** A WS-Security header as WS-Security stacks send it: mustUnderstand, a timestamp, the UsernameToken. */
    static String usernameToken(String clientId, String secret) {
        return "<wsse:Security xmlns:wsse=\"" + WSSE + "\" soapenv:mustUnderstand=\"1\">"
                + "<wsu:Timestamp xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\">"
                + "<wsu:Created>" + java.time.Instant.now() + "</wsu:Created></wsu:Timestamp>"
                + "<wsse:UsernameToken><wsse:Username>" + clientId + "</wsse:Username>"
                + "<wsse:Password Type=\"" + PASSWORD_TEXT + "\">" + secret + "</wsse:Password></wsse:UsernameToken>"
                + "</wsse:Security>";
    }

    /** {@code operation} with a UsernameToken (and a bearer token, when {@code token} is not null). */
    static Soap signedIn(String token, String security, String operation, String inner) throws Exception {
        return raw(token, "<soapenv:Envelope xmlns:soapenv=\"" + SOAP + "\" xmlns:tp=\"" + NS + "\"><soapenv:Header>"
                + security + "</soapenv:Header><soapenv:Body><tp:" + operation + ">" + inner + "</tp:" + operation
                + "></soapenv:Body></soapenv:Envelope>");
    }

    static Soap raw(String token, String envelope) throws Exception {
        return exchange(token, envelope).soap();
    }

    record Exchange(Reply http, Soap soap) {
    }

    static Exchange exchange(String token, String envelope) throws Exception {
        HttpRequest.Builder b = request("/soap/payments", token).header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"\"").POST(HttpRequest.BodyPublishers.ofString(envelope));
        Reply r = send(b);
        Document doc = parse(r.body());
        Element env = doc.getDocumentElement();
        assertThat(env.getNamespaceURI()).as(r.body()).isEqualTo(SOAP);
        Element body = (Element) env.getElementsByTagNameNS(SOAP, "Body").item(0);
        Element header = (Element) env.getElementsByTagNameNS(SOAP, "Header").item(0);
        return new Exchange(r, new Soap(r.status(), r.body(), firstElement(body), header));
    }

    static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultNSInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static String authorize(long amount, String capture, String number) {
        return "<tp:amount>" + amount + "</tp:amount><tp:currency>USD</tp:currency><tp:capture>" + capture + "</tp:capture>"
                + "<tp:reference>soap-" + UUID.randomUUID() + "</tp:reference>"
                + "<tp:metadata><tp:entry key=\"erp order\">4711</tp:entry></tp:metadata>"
                + "<tp:payment_method><tp:type>card</tp:type><tp:card><tp:number>" + number + "</tp:number>"
                + "<tp:exp_month>12</tp:exp_month><tp:exp_year>" + EXP_YEAR + "</tp:exp_year><tp:cvc>123</tp:cvc>"
                + "</tp:card></tp:payment_method>";
    }

    static String id(String id) {
        return "<tp:payment_id>" + id + "</tp:payment_id>";
    }

    @Test
    void a_payment_lives_its_whole_life_over_soap_and_is_the_same_payment_over_rest() throws Exception {
        Merchant m = newMerchant();
        String key = UUID.randomUUID().toString();
        String body = authorize(5000, "manual", VISA);
        Soap first = call(m.token(), key, "Authorize", body);
        Soap replay = call(m.token(), key, "Authorize", body);
        first.valid("AuthorizeResponse");
        assertThat(first.status()).isEqualTo(200);
        String id = first.text("id");
        assertThat(first.text("status")).isEqualTo("authorized");
        assertThat(first.text("last4")).isEqualTo("4242");
        assertThat(first.raw()).doesNotContain(VISA).doesNotContain("<tp:cvc>");
        assertThat(first.replayed()).isFalse();
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.valid("AuthorizeResponse").getTextContent()).isEqualTo(first.body().getTextContent());
        assertThat(call(m.token(), key, "Authorize", authorize(5001, "manual", VISA)).faultCode())
                .isEqualTo("idempotency_key_reused");

        Reply rest = get("/api/v1/payments/" + id, m.token());
        assertThat(rest.status()).isEqualTo(200);
        assertThat(rest.json().getString("status")).isEqualTo("authorized");
        assertThat(rest.json().getJsonObject("metadata").getString("erp order")).isEqualTo("4711");

        Soap captured = call(m.token(), UUID.randomUUID().toString(), "Capture", id(id) + "<tp:amount>4000</tp:amount>");
        captured.valid("CaptureResponse");
        assertThat(captured.text("status")).isEqualTo("captured");
        assertThat(captured.text("amount_captured")).isEqualTo("4000");
        List<String> refunds = new ArrayList<>();
        for (int amount : new int[] {1000, 1500}) {
            Soap refund = call(m.token(), UUID.randomUUID().toString(), "Refund", id(id) + "<tp:amount>" + amount + "</tp:amount>");
            refund.valid("RefundResponse");
            assertThat(refund.text("status")).isEqualTo("succeeded");
            refunds.add(refund.text("id"));
        }
        assertThat(call(m.token(), null, "Refund", id(id) + "<tp:amount>1501</tp:amount>").faultCode())
                .isEqualTo("amount_too_large");
        Soap listed = call(m.token(), null, "ListRefunds", id(id));
        listed.valid("ListRefundsResponse");
        assertThat(listed.body().getElementsByTagNameNS(NS, "refund").getLength()).isEqualTo(2);
        assertThat(get("/api/v1/payments/" + id, m.token()).json().getString("status")).isEqualTo("partially_refunded");
        assertThat(get("/api/v1/payments/" + id + "/refunds", m.token()).json().getJsonArray("data")).hasSize(2);

        Soap toVoid = call(m.token(), null, "Authorize", authorize(700, "manual", VISA));
        Soap voided = call(m.token(), null, "Void", id(toVoid.text("id")));
        voided.valid("VoidResponse");
        assertThat(voided.text("status")).isEqualTo("voided");
        assertThat(call(m.token(), null, "Capture", id(toVoid.text("id"))).faultCode()).isEqualTo("invalid_state");

        Soap page = call(m.token(), null, "ListPayments", "<tp:limit>10</tp:limit>");
        page.valid("ListPaymentsResponse");
        assertThat(page.body().getElementsByTagNameNS(NS, "payment").getLength()).isEqualTo(2);
        assertThat(page.text("has_more")).isEqualTo("false");
        Soap got = call(m.token(), null, "GetPayment", id(id));
        got.valid("GetPaymentResponse");
        assertThat(got.text("amount_refunded")).isEqualTo("2500");
    }

    @Test
    void a_key_means_the_same_over_rest_and_soap() throws Exception {
        Merchant m = newMerchant();
        String key = UUID.randomUUID().toString();
        String reference = "both-" + UUID.randomUUID();
        Reply rest = post("/api/v1/payments", m.token(), "{\"amount\":1200,\"currency\":\"USD\",\"capture\":\"automatic\","
                + "\"reference\":\"" + reference + "\",\"payment_method\":{\"type\":\"card\",\"card\":{\"number\":\"" + VISA
                + "\",\"exp_month\":12,\"exp_year\":" + EXP_YEAR + ",\"cvc\":\"123\"}}}", key);
        assertThat(rest.status()).isEqualTo(201);
        Soap soap = call(m.token(), key, "Authorize", "<tp:amount>1200</tp:amount><tp:currency>USD</tp:currency>"
                + "<tp:capture>automatic</tp:capture><tp:reference>" + reference + "</tp:reference>"
                + "<tp:payment_method><tp:type>card</tp:type><tp:card><tp:number>" + VISA + "</tp:number>"
                + "<tp:exp_month>12</tp:exp_month><tp:exp_year>" + EXP_YEAR + "</tp:exp_year><tp:cvc>123</tp:cvc>"
                + "</tp:card></tp:payment_method>");
        assertThat(soap.replayed()).isTrue();
        assertThat(soap.text("id")).isEqualTo(rest.json().getString("id"));
        assertThat(get("/api/v1/payments", m.token()).json().getJsonArray("data")).hasSize(1);

        String soapKey = UUID.randomUUID().toString();
        Soap captureless = call(m.token(), soapKey, "Authorize", authorize(300, "manual", VISA));
        Reply capturedOverRest = post("/api/v1/payments/" + captureless.text("id") + "/capture", m.token(), null, soapKey + "-c");
        assertThat(capturedOverRest.status()).isEqualTo(200);
        assertThat(call(m.token(), null, "GetPayment", id(captureless.text("id"))).text("status")).isEqualTo("captured");
    }

    @Test
    void refusals_are_typed_faults_with_the_rest_codes_and_nothing_of_the_server() throws Exception {
        Merchant m = newMerchant();
        Merchant other = newMerchant();
        String theirs = call(other.token(), null, "Authorize", authorize(900, "manual", VISA)).text("id");

        Soap anonymous = call(null, null, "GetPayment", id(theirs));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.faultCode()).isEqualTo("unauthorized");
        Soap wrongToken = call(m.token() + "x", null, "GetPayment", id(theirs));
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(wrongToken.faultCode()).isEqualTo("unauthorized");
        Soap foreign = call(m.token(), null, "GetPayment", id(theirs));
        assertThat(foreign.status()).isEqualTo(500);
        assertThat(foreign.faultCode()).isEqualTo("resource_missing");
        assertThat(foreign.text("status")).isEqualTo("404");
        assertThat(foreign.body().getElementsByTagName("faultcode").item(0).getTextContent()).endsWith("Client");
        assertThat(call(m.token(), null, "Capture", id(theirs)).faultCode()).isEqualTo("resource_missing");

        Soap badCard = call(m.token(), null, "Authorize", authorize(900, "manual", "4242424242424241"));
        Reply restBadCard = post("/api/v1/payments", m.token(), cardPayment(900, "USD", "manual", "4242424242424241"));
        assertThat(restBadCard.status()).isEqualTo(400);
        assertThat(badCard.faultCode()).isEqualTo(restBadCard.json().getString("code"));
        assertThat(badCard.text("status")).isEqualTo("400");
        assertThat(badCard.text("param")).isEqualTo("payment_method.card.number");
        assertThat(call(m.token(), null, "Authorize", authorize(0, "manual", VISA)).text("param")).isEqualTo("amount");
        assertThat(call(m.token(), null, "Authorize", authorize(1, "sometimes", VISA)).text("param")).isEqualTo("capture");
        Soap cardInText = call(m.token(), null, "Refund", id(theirs) + "<tp:reason>card " + VISA + "</tp:reason>");
        assertThat(cardInText.faultCode()).isEqualTo("card_number_in_text");
        assertThat(cardInText.raw()).doesNotContain(VISA);
        assertThat(call(m.token(), null, "Shred", id(theirs)).faultCode()).isEqualTo("unknown_operation");
        assertThat(call(platformToken(), null, "GetPayment", id(theirs)).faultCode()).isEqualTo("forbidden");
        for (Soap fault : List.of(anonymous, wrongToken, foreign, badCard, cardInText)) {
            assertThat(fault.raw()).doesNotContain("Exception").doesNotContain("at io.").doesNotContain("java.")
                    .doesNotContain("SQL");
        }
    }

    @Test
    void xml_that_could_read_files_or_expand_is_refused_before_it_is_parsed() throws Exception {
        Merchant m = newMerchant();
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<soapenv:Envelope xmlns:soapenv=\"" + SOAP + "\" xmlns:tp=\"" + NS + "\"><soapenv:Body><tp:GetPayment>"
                + "<tp:payment_id>&x;</tp:payment_id></tp:GetPayment></soapenv:Body></soapenv:Envelope>";
        Soap refused = raw(m.token(), xxe);
        assertThat(refused.faultCode()).isEqualTo("dtd_not_allowed");
        assertThat(refused.raw()).doesNotContain("root:");

        StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        lol.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
        for (int i = 2; i <= 9; i++) {
            lol.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        lol.append("]><soapenv:Envelope xmlns:soapenv=\"" + SOAP + "\"><soapenv:Body><lolz>&lol9;</lolz></soapenv:Body></soapenv:Envelope>");
        assertThat(raw(m.token(), lol.toString()).faultCode()).isEqualTo("dtd_not_allowed");

        assertThat(raw(m.token(), "<soapenv:Envelope xmlns:soapenv=\"" + SOAP + "\"><soapenv:Body>").faultCode())
                .isEqualTo("malformed_xml");
        assertThat(raw(m.token(), "<html/>").faultCode()).isEqualTo("invalid_request");
        Soap tooLarge = call(m.token(), null, "GetPayment", "<!--" + "x".repeat(70_000) + "-->" + id("pay_x"));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.faultCode()).isEqualTo("body_too_large");
        assertThat(get("/api/v1/payments", m.token()).json().getJsonArray("data")).isEmpty();
    }

    @Test
    void a_username_token_signs_in_like_a_bearer_token_and_sees_only_its_merchant() throws Exception {
        Merchant m = newMerchant();
        Merchant other = newMerchant();
        String theirs = call(other.token(), null, "Authorize", authorize(900, "manual", VISA)).text("id");
        String security = usernameToken(m.clientId(), m.clientSecret());

        Soap created = signedIn(null, security, "Authorize", authorize(2500, "automatic", VISA));
        created.valid("AuthorizeResponse");
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.text("status")).isEqualTo("captured");
        String id = created.text("id");
        assertThat(get("/api/v1/payments/" + id, m.token()).status()).as("the merchant's own payment").isEqualTo(200);
        assertThat(signedIn(null, security, "Refund", id(id) + "<tp:amount>500</tp:amount>").valid("RefundResponse"))
                .isNotNull();
        assertThat(signedIn(null, security, "GetPayment", id(id)).text("status")).isEqualTo("partially_refunded");
        Soap foreign = signedIn(null, security, "GetPayment", id(theirs));
        assertThat(foreign.faultCode()).isEqualTo("resource_missing");
        assertThat(foreign.text("status")).isEqualTo("404");
        assertThat(signedIn(null, security, "ListPayments", "").body().getElementsByTagNameNS(NS, "payment").getLength())
                .isEqualTo(1);

        Soap platform = signedIn(null, usernameToken("platform", PLATFORM_SECRET), "GetPayment", id(id));
        assertThat(platform.faultCode()).isEqualTo("forbidden");
        assertThat(signedIn(m.token(), security, "GetPayment", id(id)).faultCode()).as("both at once")
                .isEqualTo("invalid_request");
        Soap digest = signedIn(null, security.replace("#PasswordText", "#PasswordDigest"), "GetPayment", id(id));
        assertThat(digest.faultCode()).isEqualTo("invalid_request");
        assertThat(digest.text("param")).isEqualTo("wsse:Password");
    }

    @Test
    void wrong_secrets_in_username_tokens_count_with_the_token_endpoint_and_lock_the_client_id_out() throws Exception {
        Merchant m = newMerchant();
        Merchant other = newMerchant();
        String list = "<tp:limit>1</tp:limit>";

        for (int i = 1; i <= 5; i++) {
            Soap wrong = signedIn(null, usernameToken(m.clientId(), "wrong-" + i), "ListPayments", list);
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.faultCode()).isEqualTo("invalid_client");
            assertThat(wrong.raw()).doesNotContain("wrong-" + i);
        }
        for (int i = 6; i <= 10; i++) {
            assertThat(tokenRequest(m.clientId(), "wrong-" + i).status()).as("the token endpoint, failure " + i)
                    .isEqualTo(401);
        }
        Exchange locked = exchange(null, "<soapenv:Envelope xmlns:soapenv=\"" + SOAP + "\" xmlns:tp=\"" + NS + "\"><soapenv:Header>"
                + usernameToken(m.clientId(), m.clientSecret()) + "</soapenv:Header><soapenv:Body><tp:ListPayments>" + list
                + "</tp:ListPayments></soapenv:Body></soapenv:Envelope>");
        assertThat(locked.soap().status()).as("the right secret during the lock-out").isEqualTo(429);
        assertThat(locked.soap().faultCode()).isEqualTo("too_many_attempts");
        long retryAfter = Long.parseLong(locked.http().header("Retry-After"));
        assertThat(retryAfter).isPositive();
        assertThat(locked.soap().text("retry_after")).isEqualTo(String.valueOf(retryAfter));
        assertThat(tokenRequest(m.clientId(), m.clientSecret()).status()).as("the token endpoint too").isEqualTo(429);
        assertThat(signedIn(null, usernameToken(other.clientId(), other.clientSecret()), "ListPayments", list).status())
                .as("another client").isEqualTo(200);
        assertThat(call(m.token(), null, "ListPayments", list).status()).as("bearer tokens issued before").isEqualTo(200);

        Thread.sleep(retryAfter * 1000 + 500);
        assertThat(signedIn(null, usernameToken(m.clientId(), m.clientSecret()), "ListPayments", list).status())
                .as("after the lock-out").isEqualTo(200);
    }
}
