package io.tillpoint.interfaces.rest;

import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.infrastructure.json.Jsons;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JSON object field by field, so that every wrong type, missing field or unknown
 * field is a 400 that names the field ({@code param}), with a dotted path for nested ones.
 * Error messages never echo the submitted value.
 */
public final class JsonBody {

    private final JsonObject object;
    private final String path;

    private JsonBody(JsonObject object, String path) {
        this.object = object;
        this.path = path;
    }

    public static JsonBody empty() {
        return new JsonBody(JsonValue.EMPTY_JSON_OBJECT, "");
    }

    public static JsonBody parse(byte[] body) {
        JsonValue value;
        try (JsonParser parser = Jsons.parser(new ByteArrayInputStream(body))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new InvalidInputException("malformed_json", null, "The request body must be a JSON object");
            }
            value = parser.getObject();
            if (parser.hasNext()) {
                throw new InvalidInputException("malformed_json", null, "The request body has content after the JSON object");
            }
        } catch (JsonParsingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber() + ")";
            throw new InvalidInputException("malformed_json", null, "The request body is not valid JSON" + where);
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            // JSON-P implementations refuse absurd input (thousand-digit numbers, deep nesting)
            // with assorted runtime exceptions: all of them are the client's malformed JSON.
            throw new InvalidInputException("malformed_json", null, "The request body is not valid JSON");
        }
        return new JsonBody((JsonObject) value, "");
    }

    /** Refuses fields this endpoint does not know, so a typo is not silently ignored. */
    public JsonBody allowOnly(String... names) {
        Set<String> allowed = Set.of(names);
        for (String key : object.keySet()) {
            if (!allowed.contains(key)) {
                throw new InvalidInputException(param(key), "is not a known field");
            }
        }
        return this;
    }

    public boolean has(String name) {
        return object.containsKey(name) && object.get(name).getValueType() != JsonValue.ValueType.NULL;
    }

    public long requiredLong(String name) {
        if (!has(name)) {
            throw new InvalidInputException(param(name), "is required");
        }
        return longValue(name);
    }

    public Long optionalLong(String name) {
        return has(name) ? longValue(name) : null;
    }

    private long longValue(String name) {
        JsonValue v = object.get(name);
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
            throw new InvalidInputException(param(name), "must be an integer");
        }
        try {
            return n.bigDecimalValue().longValueExact();
        } catch (ArithmeticException tooBig) {
            throw new InvalidInputException(param(name), "is out of range");
        }
    }

    public Integer optionalInt(String name) {
        Long value = optionalLong(name);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new InvalidInputException(param(name), "is out of range");
        }
        return value.intValue();
    }

    public boolean requiredBoolean(String name) {
        if (!has(name)) {
            throw new InvalidInputException(param(name), "is required");
        }
        JsonValue v = object.get(name);
        if (v.getValueType() != JsonValue.ValueType.TRUE && v.getValueType() != JsonValue.ValueType.FALSE) {
            throw new InvalidInputException(param(name), "must be true or false");
        }
        return v.getValueType() == JsonValue.ValueType.TRUE;
    }

    public String requiredString(String name, int maxLength) {
        if (!has(name)) {
            throw new InvalidInputException(param(name), "is required");
        }
        return optionalString(name, maxLength);
    }

    public String optionalString(String name, int maxLength) {
        if (!has(name)) {
            return null;
        }
        JsonValue v = object.get(name);
        if (!(v instanceof JsonString s)) {
            throw new InvalidInputException(param(name), "must be a string");
        }
        String value = s.getString();
        if (value.length() > maxLength) {
            throw new InvalidInputException(param(name), "must be at most " + maxLength + " characters");
        }
        return value;
    }

    /** A non-empty array of at most {@code maxItems} strings, each at most {@code maxLength} characters. */
    public java.util.List<String> requiredStringList(String name, int maxItems, int maxLength) {
        if (!has(name)) {
            throw new InvalidInputException(param(name), "is required");
        }
        if (!(object.get(name) instanceof jakarta.json.JsonArray array) || array.isEmpty() || array.size() > maxItems) {
            throw new InvalidInputException(param(name), "must be an array of 1 to " + maxItems + " strings");
        }
        java.util.List<String> values = new java.util.ArrayList<>(array.size());
        for (JsonValue v : array) {
            if (!(v instanceof JsonString s) || s.getString().length() > maxLength) {
                throw new InvalidInputException(param(name), "must be an array of strings of at most " + maxLength
                        + " characters");
            }
            values.add(s.getString());
        }
        return values;
    }

    public JsonBody requiredObject(String name) {
        if (!has(name)) {
            throw new InvalidInputException(param(name), "is required");
        }
        return optionalObject(name);
    }

    public JsonBody optionalObject(String name) {
        if (!has(name)) {
            return null;
        }
        JsonValue v = object.get(name);
        if (!(v instanceof JsonObject o)) {
            throw new InvalidInputException(param(name), "must be an object");
        }
        return new JsonBody(o, param(name) + ".");
    }

    /** An object whose values must all be strings (metadata). */
    public Map<String, String> optionalStringMap(String name) {
        JsonBody nested = optionalObject(name);
        Map<String, String> values = new LinkedHashMap<>();
        if (nested == null) {
            return values;
        }
        for (Map.Entry<String, JsonValue> e : nested.object.entrySet()) {
            if (!(e.getValue() instanceof JsonString s)) {
                throw new InvalidInputException(nested.param(e.getKey()), "must be a string");
            }
            values.put(e.getKey(), s.getString());
        }
        return values;
    }

    /** The object itself, for checks that look at all of it. */
    JsonObject object() {
        return object;
    }

    public String param(String name) {
        return path + name;
    }

    @Override
    public String toString() {
        return "JsonBody[" + path + "]";
    }

    static String utf8(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
