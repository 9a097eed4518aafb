package io.tillpoint.interfaces.rest;

import io.tillpoint.domain.model.card.CardNumbersInText;
import io.tillpoint.domain.shared.InvalidInputException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * Card numbers where none belongs: in the free text of a request (a reference, a description,
 * metadata keys and values, a customer id, a holder name, a refund reason...), a path id or a
 * query parameter. Each is a 400 {@code card_number_in_text} that names the place ({@code param})
 * and never the number. The only place a card number belongs is the {@code number} of a
 * {@code card} object ({@code payment_method.card.number}).
 */
public final class CardNumbersInRequest {

    static final String CODE = "card_number_in_text";

    private CardNumbersInRequest() {
    }

    /** Refuses a body that holds a card number in any member name or string value but a card's number. */
    public static void refuseInBody(JsonObject body) {
        object(body, "", false);
    }

    /** Refuses {@code value} (of a path or query parameter, a header) when it holds a card number. */
    static void refuseIn(String param, String value) {
        if (CardNumbersInText.contains(value)) {
            throw refusal(param, "must not hold a card number");
        }
    }

    /** The same for every value of each parameter. */
    static void refuseInParameters(Map<String, List<String>> parameters) {
        parameters.forEach((name, values) -> {
            if (CardNumbersInText.contains(name)) {
                throw refusal(null, "A parameter name must not hold a card number");
            }
            for (String value : values) {
                refuseIn(name, value);
            }
        });
    }

    private static void object(JsonObject object, String path, boolean isCard) {
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            String name = member.getKey();
            if (CardNumbersInText.contains(name)) {
                throw path.isEmpty() ? refusal(null, "A member name must not hold a card number")
                        : refusal(path, "must not hold a card number in a member name");
            }
            if (isCard && "number".equals(name)) {
                continue;
            }
            value(member.getValue(), path.isEmpty() ? name : path + "." + name, "card".equals(name));
        }
    }

    private static void value(JsonValue value, String path, boolean isCard) {
        switch (value.getValueType()) {
            case OBJECT -> object(value.asJsonObject(), path, isCard);
            case ARRAY -> {
                JsonArray array = (JsonArray) value;
                for (int i = 0; i < array.size(); i++) {
                    value(array.get(i), path + "[" + i + "]", false);
                }
            }
            case STRING -> refuseIn(path, ((JsonString) value).getString());
            default -> {
                // numbers, true, false, null: not text
            }
        }
    }

    private static InvalidInputException refusal(String param, String message) {
        return new InvalidInputException(CODE, param,
                message + "; card data goes in payment_method.card only");
    }
}
