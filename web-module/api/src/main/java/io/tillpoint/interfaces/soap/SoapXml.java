package io.tillpoint.interfaces.soap;

import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.infrastructure.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The WSDL's elements and the REST API's JSON are the same shapes under the same (snake_case)
 * names: a request element becomes the JSON body REST would have received, and a REST object
 * is written back as elements in its members' order. Only two things differ: {@code metadata} is a
 * list of {@code <entry key="...">} elements (a key need not be an XML name), and a JSON array is
 * its element repeated.
 */
final class SoapXml {

    static final String NS = "http://tillpoint.io/soap/payments/v1";
    static final String PREFIX = "tp";

    /** Elements that hold other elements (everything else holds text). */
    private static final Set<String> OBJECTS = Set.of("customer", "payment_method", "card");
    /** Text elements whose JSON is a number (when the text is one; otherwise REST's own refusal applies). */
    private static final Set<String> NUMBERS = Set.of("amount", "exp_month", "exp_year");
    private static final String METADATA = "metadata";

    private SoapXml() {
    }

    /** The JSON body a request element stands for; its children's names are its members. */
    static JsonObject toJson(Element element) {
        return object(element, "");
    }

    private static JsonObject object(Element element, String path) {
        JsonObjectBuilder json = Jsons.object();
        Set<String> seen = new HashSet<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                if (!child.getNodeValue().isBlank()) {
                    throw new InvalidInputException(path.isEmpty() ? null : path, "must hold elements, not text");
                }
                continue;
            }
            if (child.getNodeType() != Node.ELEMENT_NODE) {
                continue;
            }
            Element member = (Element) child;
            String name = nameOf(member, path);
            String param = path.isEmpty() ? name : path + "." + name;
            if (!seen.add(name)) {
                throw new InvalidInputException(param, "must appear at most once");
            }
            if (METADATA.equals(name)) {
                json.add(name, metadata(member, param));
            } else if (OBJECTS.contains(name)) {
                json.add(name, object(member, param));
            } else {
                String text = text(member, param);
                if (NUMBERS.contains(name) && isInteger(text)) {
                    json.add(name, Long.parseLong(text.strip()));
                } else {
                    json.add(name, text);
                }
            }
        }
        return json.build();
    }

    private static JsonObject metadata(Element element, String path) {
        JsonObjectBuilder json = Jsons.object();
        Set<String> keys = new HashSet<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() != Node.ELEMENT_NODE) {
                continue;
            }
            Element entry = (Element) child;
            if (!"entry".equals(nameOf(entry, path)) || !entry.hasAttribute("key")) {
                throw new InvalidInputException(path, "must hold only <entry key=\"...\"> elements");
            }
            String key = entry.getAttribute("key");
            if (!keys.add(key)) {
                throw new InvalidInputException(path, "must not repeat a key");
            }
            json.add(key, text(entry, path + "." + key));
        }
        return json.build();
    }

    private static String nameOf(Element element, String path) {
        if (!NS.equals(element.getNamespaceURI())) {
            throw new InvalidInputException(path.isEmpty() ? element.getLocalName() : path,
                    "must be in the namespace " + NS);
        }
        return element.getLocalName();
    }

    private static String text(Element element, String param) {
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                throw new InvalidInputException(param, "must hold text, not elements");
            }
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        return text.toString();
    }

    private static boolean isInteger(String text) {
        String s = text.strip();
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i)) && !(i == 0 && s.charAt(i) == '-' && s.length() > 1)) {
                return false;
            }
        }
        return true;
    }

    /** Writes {@code value} under {@code parent} as the element(s) {@code name}; a null writes nothing. */
    static void write(SOAPElement parent, String name, JsonValue value) throws SOAPException {
        switch (value.getValueType()) {
            case NULL -> {
                // an absent optional element
            }
            case ARRAY -> {
                for (JsonValue item : value.asJsonArray()) {
                    write(parent, name, item);
                }
            }
            case OBJECT -> {
                SOAPElement element = parent.addChildElement(new QName(NS, name, PREFIX));
                if (METADATA.equals(name)) {
                    for (Map.Entry<String, JsonValue> entry : value.asJsonObject().entrySet()) {
                        element.addChildElement(new QName(NS, "entry", PREFIX)).addAttribute(new QName("key"), entry.getKey())
                                .addTextNode(((JsonString) entry.getValue()).getString());
                    }
                    return;
                }
                for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
                    if (!"object".equals(member.getKey())) {
                        write(element, member.getKey(), member.getValue());
                    }
                }
            }
            case STRING -> parent.addChildElement(new QName(NS, name, PREFIX)).addTextNode(((JsonString) value).getString());
            default -> parent.addChildElement(new QName(NS, name, PREFIX)).addTextNode(value.toString());
        }
    }
}
