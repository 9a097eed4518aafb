package io.tillpoint.interfaces.rest;

import static io.tillpoint.interfaces.rest.Refusals.assertRefused;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tillpoint.domain.shared.InvalidInputException;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Contract: a card number in reference, description, metadata or customer.id is a 400
 * card_number_in_text; the number is never echoed. Issue 17, point 3: and in any other free text
 * of a request, in path ids and query parameters.
 */
class CardNumbersInRequestTest {

    private static final String CARD = "4242424242424242";

    /** A payment with {@code text} in the place {@code where} names (a JSON path with dots). */
    private static JsonObject payment(String where, String text) {
        String json = switch (where) {
            case "reference", "description" -> "{\"amount\":100,\"" + where + "\":\"" + text + "\"}";
            case "metadata.order_note" -> "{\"metadata\":{\"gift\":\"no\",\"order_note\":\"" + text + "\"}}";
            case "customer.id", "customer.email" -> "{\"customer\":{\"" + where.substring(9) + "\":\"" + text + "\"}}";
            case "payment_method.card.holder_name" ->
                "{\"payment_method\":{\"type\":\"card\",\"card\":{\"number\":\"" + CARD + "\",\"holder_name\":\""
                        + text + "\"}}}";
            case "reason" -> "{\"amount\":100,\"reason\":\"" + text + "\"}";
            case "unknown_field" -> "{\"unknown_field\":\"" + text + "\"}";
            case "items[1].name" -> "{\"items\":[{\"name\":\"tea\"},{\"name\":\"" + text + "\"}]}";
            default -> throw new IllegalArgumentException(where);
        };
        return JsonBody.parse(json.getBytes(UTF_8)).object();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"reference", "description", "metadata.order_note", "customer.id", "customer.email",
        "payment_method.card.holder_name", "reason", "unknown_field", "items[1].name"})
    void aCardNumberInFreeTextIsRefusedNamingTheFieldAndNeverTheNumber(String where) {
        InvalidInputException refusal = assertRefused(
                () -> CardNumbersInRequest.refuseInBody(payment(where, "card 4242 4242 4242 4242 please")),
                "card_number_in_text", where);

        assertThat(refusal.getMessage()).doesNotContain("4242");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"reference", "description", "metadata.order_note", "customer.id", "reason"})
    void textWithoutACardNumberPasses(String where) {
        CardNumbersInRequest.refuseInBody(payment(where, "order 2026-11-25 #12345678901 ref 4242424242424241"));
    }

    @Test
    void theCardsOwnNumberIsWhereACardNumberBelongs() {
        CardNumbersInRequest.refuseInBody(payment("payment_method.card.holder_name", "A B"));
        CardNumbersInRequest.refuseInBody(JsonBody.parse(("{\"card\":{\"number\":\"" + CARD + "\"}}").getBytes(UTF_8))
                .object());
    }

    @Test
    void aNumberMemberOutsideACardIsFreeText() {
        assertRefused(() -> CardNumbersInRequest.refuseInBody(JsonBody.parse(
                ("{\"metadata\":{\"number\":\"" + CARD + "\"}}").getBytes(UTF_8)).object()),
                "card_number_in_text", "metadata.number");
    }

    @Test
    void aMetadataKeyThatHoldsACardNumberIsRefusedWithoutNamingTheKey() {
        InvalidInputException refusal = assertRefused(() -> CardNumbersInRequest.refuseInBody(JsonBody.parse(
                ("{\"metadata\":{\"" + CARD + "\":\"x\"}}").getBytes(UTF_8)).object()), "card_number_in_text", "metadata");

        assertThat(refusal.getMessage()).doesNotContain("4242");
    }

    @Test
    void numbersAreNotText() {
        CardNumbersInRequest.refuseInBody(JsonBody.parse("{\"amount\":4242424242424242}".getBytes(UTF_8)).object());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"id, 4242424242424242", "id, pay_4242-4242-4242-4242", "reference, order 5555 5555 5555 4444"})
    void aCardNumberInAPathOrQueryParameterIsRefusedNamingTheParameter(String name, String value) {
        InvalidInputException refusal = assertRefused(
                () -> CardNumbersInRequest.refuseInParameters(Map.of(name, List.of(value))), "card_number_in_text", name);

        assertThat(refusal.getMessage()).doesNotContain("4242").doesNotContain("5555");
    }

    @Test
    void ordinaryIdsPass() {
        CardNumbersInRequest.refuseInParameters(Map.of("id", List.of("pay_01JDZ8K3Q2W9XH7V6T5R4S3P2N")));
        assertThat(catchThrowable(() -> CardNumbersInRequest.refuseInParameters(Map.of("id", List.of("4242424242424241")))))
                .isNull();
    }
}
