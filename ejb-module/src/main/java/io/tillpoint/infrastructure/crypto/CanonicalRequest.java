package io.tillpoint.infrastructure.crypto;

import io.tillpoint.domain.model.card.CardNumber;
import io.tillpoint.domain.model.card.CardNumbersInText;
import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.infrastructure.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The canonical form of a request, what its fingerprint is the HMAC of: the same request in any
 * JSON spelling gives the same bytes, and the bytes hold no card number and no CVC.
 * <p>
 * Method, path and body, each with its length before it. The body is, when it is JSON, the value
 * JSON-P reads from it written again: object members in the order of their names (as Java's
 * {@code String.compareTo} orders them), no whitespace, strings with only {@code "} and {@code \}
 * escaped, numbers as JSON-P reads them. Every member named {@code cvc} is left out, wherever it
 * is. A card number inside any other string (which the API refuses before, {@code
 * card_number_in_text}) stands as its fingerprint. The {@code number} of a {@code card} object is replaced by the internal fingerprint of the
 * card number (a token no JSON string can spell) when it is one by the rule payments parse it with
 * ({@link CardNumber#parse}), and its digits by {@code #} when it is not (it is refused then, and
 * the refusal is the same whatever the digits). A body that is
 * not JSON counts with every digit replaced by {@code #}: it is refused whatever its digits are,
 * and card numbers and CVCs are digits. An empty body is an empty body.
 */
final class CanonicalRequest {

    private static final String CVC = "cvc";
    private static final String CARD = "card";
    private static final String NUMBER = "number";

    private final Function<CardNumber, String> cardFingerprint;
    private final StringBuilder out = new StringBuilder(256);

    private CanonicalRequest(Function<CardNumber, String> cardFingerprint) {
        this.cardFingerprint = cardFingerprint;
    }

    /**
     * The canonical bytes of a request; {@code cardFingerprint} gives the (internal) fingerprint
     * that stands for a card number.
     */
    static byte[] of(String method, String path, byte[] body, Function<CardNumber, String> cardFingerprint) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + body.length);
        part(bytes, method.getBytes(StandardCharsets.UTF_8));
        part(bytes, path.getBytes(StandardCharsets.UTF_8));
        part(bytes, new CanonicalRequest(cardFingerprint).body(body).getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static void part(ByteArrayOutputStream bytes, byte[] part) {
        bytes.writeBytes(Integer.toString(part.length).getBytes(StandardCharsets.US_ASCII));
        bytes.write(':');
        bytes.writeBytes(part);
    }

    private String body(byte[] body) {
        if (body.length == 0) {
            return "empty";
        }
        JsonValue json = parse(body);
        if (json == null) {
            return "not-json:" + new String(body, StandardCharsets.UTF_8).replaceAll("[0-9]", "#");
        }
        out.append("json:");
        value(json, null);
        return out.toString();
    }

    /** The JSON value of the body; null when it is not one JSON value. */
    private static JsonValue parse(byte[] body) {
        try (JsonParser parser = Jsons.parser(new ByteArrayInputStream(body))) {
            if (!parser.hasNext()) {
                return null;
            }
            parser.next();
            JsonValue value = parser.getValue();
            return parser.hasNext() ? null : value;
        } catch (RuntimeException notJson) {
            // JSON-P refuses malformed and absurd input (deep nesting, huge numbers) in several ways
            return null;
        }
    }

    private void value(JsonValue value, String memberName) {
        switch (value.getValueType()) {
            case OBJECT -> object(value.asJsonObject(), CARD.equals(memberName));
            case ARRAY -> array((JsonArray) value);
            case STRING -> string(((JsonString) value).getString());
            case NUMBER -> out.append(((JsonNumber) value).toString());
            case TRUE -> out.append("true");
            case FALSE -> out.append("false");
            case NULL -> out.append("null");
        }
    }

    private void object(JsonObject object, boolean isCard) {
        List<Map.Entry<String, JsonValue>> members = new ArrayList<>(object.entrySet());
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonValue> member : members) {
            String name = member.getKey();
            if (CVC.equals(name)) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            string(name);
            out.append(':');
            if (isCard && NUMBER.equals(name) && member.getValue() instanceof JsonString number) {
                cardNumber(number.getString());
            } else {
                value(member.getValue(), name);
            }
        }
        out.append('}');
    }

    private void array(JsonArray array) {
        out.append('[');
        for (int i = 0; i < array.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            value(array.get(i), null);
        }
        out.append(']');
    }

    /** A card number as its fingerprint, unquoted (so no string can stand for it); anything else without its digits. */
    private void cardNumber(String raw) {
        CardNumber number = parsed(raw);
        if (number != null) {
            out.append("card(").append(cardFingerprint.apply(number)).append(')');
        } else {
            string(raw.replaceAll("[0-9]", "#"));
        }
    }

    private static CardNumber parsed(String raw) {
        try {
            return CardNumber.parse(raw);
        } catch (InvalidInputException notACardNumber) {
            return null;
        }
    }

    /** A string, quoted; each card number in it as {@code \c(<fingerprint>)}, which no escaped text can spell. */
    private void string(String s) {
        out.append('"');
        int copied = 0;
        for (CardNumbersInText.Found found : CardNumbersInText.find(s)) {
            escaped(s, copied, found.start());
            String digits = s.substring(found.start(), found.end()).replace(" ", "").replace("-", "");
            out.append("\\c(").append(cardFingerprint.apply(CardNumber.parse(digits))).append(')');
            copied = found.end();
        }
        escaped(s, copied, s.length());
        out.append('"');
    }

    private void escaped(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
    }
}
