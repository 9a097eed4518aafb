package io.tillpoint.interfaces.rest;

import static io.tillpoint.interfaces.rest.Refusals.assertRefused;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every wrong type, missing or unknown field is a 400 naming the field, with a dotted path when nested. */
class JsonBodyTest {

    private static JsonBody parse(String json) {
        return JsonBody.parse(json.getBytes(UTF_8));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", " ", "{", "{\"amount\":}", "{\"amount\":1999,}", "{'amount':1999}", "{amount:1999}",
        "nul", "{\"a\":1"})
    void malformedJsonIsRefused(String json) {
        assertRefused(() -> parse(json), "malformed_json", null);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"[]", "[{\"amount\":1999}]", "\"text\"", "1999", "true", "null"})
    void onlyAnObjectIsABody(String json) {
        assertRefused(() -> parse(json), "malformed_json", null);
    }

    @Test
    void readsTheFieldsItIsAskedFor() {
        JsonBody body = parse("{\"amount\":1999,\"currency\":\"USD\",\"customer\":{\"country\":\"US\"}}");

        assertThat(body.requiredLong("amount")).isEqualTo(1999);
        assertThat(body.requiredString("currency", 3)).isEqualTo("USD");
        assertThat(body.optionalObject("customer").optionalString("country", 2)).isEqualTo("US");
        assertThat(body.optionalString("reference", 255)).isNull();
        assertThat(body.optionalLong("missing")).isNull();
        assertThat(body.optionalObject("missing")).isNull();
    }

    @Test
    void nullIsTheSameAsAbsent() {
        JsonBody body = parse("{\"reference\":null,\"amount\":null}");

        assertThat(body.has("reference")).isFalse();
        assertThat(body.optionalString("reference", 255)).isNull();
        assertRefused(() -> body.requiredLong("amount"), "invalid_request", "amount");
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        JsonBody body = parse("{}");

        assertRefused(() -> body.requiredLong("amount"), "invalid_request", "amount");
        assertRefused(() -> body.requiredString("currency", 3), "invalid_request", "currency");
        assertRefused(() -> body.requiredObject("payment_method"), "invalid_request", "payment_method");
    }

    @Test
    void aWrongTypeDeepInsideNamesTheDottedPath() {
        JsonBody card = parse("{\"payment_method\":{\"card\":{\"exp_month\":\"12\",\"number\":4242424242424242}}}")
                .requiredObject("payment_method").requiredObject("card");

        assertRefused(() -> card.optionalInt("exp_month"), "invalid_request", "payment_method.card.exp_month");
        assertRefused(() -> card.requiredString("number", 32), "invalid_request", "payment_method.card.number");
    }

    @Test
    void aStringWhereAnObjectBelongsIsNamed() {
        JsonBody method = parse("{\"payment_method\":{\"card\":\"4242424242424242\"}}").requiredObject("payment_method");

        assertRefused(() -> method.requiredObject("card"), "invalid_request", "payment_method.card");
    }

    @ParameterizedTest(name = "amount {0}")
    @ValueSource(strings = {"1.5", "1.0", "19.99", "1e3", "\"1999\"", "true", "[1999]", "{}"})
    void anAmountMustBeAJsonInteger(String amount) {
        JsonBody body = parse("{\"amount\":" + amount + "}");

        assertRefused(() -> body.requiredLong("amount"), "invalid_request", "amount");
    }

    @ParameterizedTest(name = "amount {0}")
    @ValueSource(strings = {"9223372036854775808", "-9223372036854775809", "123456789012345678901234567890"})
    void anIntegerBeyondALongIsOutOfRange(String amount) {
        JsonBody body = parse("{\"amount\":" + amount + "}");

        assertThat(assertRefused(() -> body.requiredLong("amount"), "invalid_request", "amount"))
                .hasMessage("is out of range");
    }

    @Test
    void theLargestLongIsStillALong() {
        assertThat(parse("{\"amount\":9223372036854775807}").requiredLong("amount")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void anIntegerBeyondAnIntIsOutOfRangeForIntFields() {
        JsonBody card = parse("{\"card\":{\"exp_year\":2147483648}}").requiredObject("card");

        assertThat(assertRefused(() -> card.optionalInt("exp_year"), "invalid_request", "card.exp_year"))
                .hasMessage("is out of range");
    }

    @Test
    void unknownFieldsAreRefusedByName() {
        JsonBody body = parse("{\"amount\":1999,\"amout\":1999}");

        assertRefused(() -> body.allowOnly("amount", "currency"), "invalid_request", "amout");
    }

    @Test
    void unknownNestedFieldsAreRefusedWithTheirPath() {
        JsonBody card = parse("{\"payment_method\":{\"card\":{\"number\":\"4242424242424242\",\"pin\":\"1234\"}}}")
                .requiredObject("payment_method").requiredObject("card");

        assertRefused(() -> card.allowOnly("number", "exp_month", "exp_year", "cvc", "holder_name"),
                "invalid_request", "payment_method.card.pin");
    }

    @Test
    void knownFieldsPass() {
        JsonBody body = parse("{\"amount\":1999}");

        assertThat(body.allowOnly("amount", "currency")).isSameAs(body);
    }

    @Test
    void aTooLongStringIsNamed() {
        JsonBody body = parse("{\"reference\":\"" + "r".repeat(256) + "\"}");

        assertThat(body.optionalString("reference", 256)).hasSize(256);
        assertRefused(() -> body.optionalString("reference", 255), "invalid_request", "reference");
    }

    @Test
    void metadataValuesMustBeStrings() {
        JsonBody body = parse("{\"metadata\":{\"order\":\"o-1\",\"count\":2}}");

        assertRefused(() -> body.optionalStringMap("metadata"), "invalid_request", "metadata.count");
        assertThat(parse("{}").optionalStringMap("metadata")).isEmpty();
        assertThat(parse("{\"metadata\":{\"order\":\"o-1\"}}").optionalStringMap("metadata"))
                .containsExactly(Map.entry("order", "o-1"));
    }

    @Test
    void aRefusalNeverEchoesTheSubmittedValue() {
        JsonBody body = parse("{\"amount\":\"4242424242424242\",\"cvc\":424242424242424242}");

        assertThat(Refusals.invalidInput(() -> body.requiredLong("amount")).getMessage()).doesNotContain("4242");
        assertThat(Refusals.invalidInput(() -> body.optionalString("cvc", 4)).getMessage()).doesNotContain("4242");
        assertThat(Refusals.invalidInput(() -> parse("{\"number\":\"4242424242424242\"")).getMessage())
                .doesNotContain("4242");
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"{} x", "{}{}", "{\"amount\":1999}{\"amount\":1}", "{\"amount\":1999} 1"})
    void trailingContentAfterTheObjectIsMalformed(String json) {
        assertRefused(() -> parse(json), "malformed_json", null);
    }

    @Test
    void aNumberWithThousandsOfDigitsIsA400NotA500() {
        String json = "{\"amount\":" + "9".repeat(1101) + "}";

        Refusals.invalidInput(() -> parse(json).requiredLong("amount"));
    }

    @Test
    void deeplyNestedJsonIsMalformedNotA500() {
        String deep = "{\"metadata\":" + "[".repeat(2000) + "]".repeat(2000) + "}";

        assertRefused(() -> parse(deep), "malformed_json", null);
    }
}
