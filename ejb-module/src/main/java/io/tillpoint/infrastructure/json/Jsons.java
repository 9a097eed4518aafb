package io.tillpoint.infrastructure.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.InputStream;
import java.io.Reader;

/**
 * JSON-P builders, readers and parsers from a provider looked up once. {@code Json.createXxx()}
 * looks the provider up on every call, which in Payara means a ServiceLoader search of the
 * class loaders: measured at a third of the gateway's CPU per payment.
 */
public final class Jsons {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsons() {
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    /** A builder that starts with the members of {@code object}. */
    public static JsonObjectBuilder object(jakarta.json.JsonObject object) {
        return PROVIDER.createObjectBuilder(object);
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonReader reader(Reader in) {
        return PROVIDER.createReader(in);
    }

    public static JsonReader reader(InputStream in) {
        return PROVIDER.createReader(in);
    }

    public static JsonParser parser(InputStream in) {
        return PROVIDER.createParser(in);
    }

    /** {@code text} as a JSON string, quoted and escaped. */
    public static String string(String text) {
        return PROVIDER.createValue(text).toString();
    }
}
