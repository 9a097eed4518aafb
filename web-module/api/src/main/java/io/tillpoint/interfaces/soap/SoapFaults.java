package io.tillpoint.interfaces.soap;

import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.infrastructure.json.Jsons;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.xml.soap.Detail;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.soap.SOAPMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.namespace.QName;

/**
 * SOAP 1.1 faults that say what REST's problem+json says: {@code faultcode} Client for a 4xx
 * (Server for a 5xx), {@code faultstring} the problem's detail, and the typed detail element
 * {@code PaymentFault} with its status, code, param, detail and request id. Never a stack trace,
 * class name or SQL: the fault is built from the problem and nothing else.
 */
final class SoapFaults {

    private SoapFaults() {
    }

    static JsonObject problemJson(StoredResponse problem) {
        try (JsonReader reader = Jsons.reader(new ByteArrayInputStream(problem.body()))) {
            return reader.readObject();
        }
    }

    /** The fault message for a problem answer (REST's status 4xx or 5xx and its problem+json). */
    static SOAPMessage of(StoredResponse problem) {
        return of(problemJson(problem), null);
    }

    /** The fault message for {@code problem}; {@code retryAfter} seconds, or null. */
    static SOAPMessage of(JsonObject problem, Integer retryAfter) {
        try {
            int status = problem.getInt("status", 500);
            String detail = problem.getString("detail", "Request failed");
            SOAPMessage message = MessageFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL).createMessage();
            message.getSOAPPart().getEnvelope().addNamespaceDeclaration(SoapXml.PREFIX, SoapXml.NS);
            SOAPFault fault = message.getSOAPBody().addFault(
                    new QName(SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE, status >= 500 ? "Server" : "Client"), detail);
            Detail details = fault.addDetail();
            SOAPElement typed = details.addDetailEntry(new QName(SoapXml.NS, "PaymentFault", SoapXml.PREFIX));
            add(typed, "status", String.valueOf(status));
            add(typed, "code", problem.getString("code", "internal_error"));
            if (problem.get("param") instanceof JsonString param) {
                add(typed, "param", param.getString());
            }
            add(typed, "detail", detail);
            if (problem.get("request_id") instanceof JsonString id) {
                add(typed, "request_id", id.getString());
            }
            JsonValue retry = problem.get("retry_after");
            if (retryAfter != null) {
                add(typed, "retry_after", String.valueOf(retryAfter));
            } else if (retry instanceof JsonNumber seconds) {
                add(typed, "retry_after", seconds.toString());
            }
            message.saveChanges();
            return message;
        } catch (SOAPException e) {
            throw new IllegalStateException("could not build a SOAP fault", e);
        }
    }

    /** A fault as bytes, for what answers before the SOAP runtime (the request filter, error pages). */
    static byte[] bytes(int status, String code, String detail, String requestId) {
        JsonObject problem = Jsons.object().add("status", status).add("code", code).add("detail", detail)
                .add("request_id", requestId).build();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            of(problem, null).writeTo(out);
            return out.toByteArray();
        } catch (java.io.IOException | SOAPException e) {
            throw new IllegalStateException("could not write a SOAP fault", e);
        }
    }

    private static void add(SOAPElement parent, String name, String text) throws SOAPException {
        parent.addChildElement(new QName(SoapXml.NS, name, SoapXml.PREFIX)).addTextNode(text);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
