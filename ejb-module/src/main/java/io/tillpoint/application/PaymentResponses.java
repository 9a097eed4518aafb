package io.tillpoint.application;

import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.domain.model.payment.Payment;
import io.tillpoint.domain.model.payment.Refund;
import io.tillpoint.infrastructure.json.Jsons;
import io.tillpoint.infrastructure.json.PaymentJson;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import java.nio.charset.StandardCharsets;

/**
 * The answers a key keeps for its replays, the same bytes whether the request that made them
 * answered at once or recovery completed them later.
 */
public final class PaymentResponses {

    private PaymentResponses() {
    }

    /** 201 with the payment and its address: a created payment. */
    public static StoredResponse created(Payment payment) {
        return json(201, PaymentJson.of(payment), "/api/v1/payments/" + payment.id());
    }

    /** 200 with the payment: a capture or void. */
    public static StoredResponse changed(Payment payment) {
        return json(200, PaymentJson.of(payment), null);
    }

    /** 201 with the refund and its address. */
    public static StoredResponse refunded(Refund refund) {
        return json(201, PaymentJson.of(refund), "/api/v1/payments/" + refund.paymentId() + "/refunds/" + refund.id());
    }

    /** A problem+json answer (RFC 9457) with the contract's {@code code}, as the API's own. */
    public static StoredResponse problem(int status, String code, String detail) {
        JsonObjectBuilder problem = Jsons.object()
                .add("type", "https://tillpoint.io/problems/" + code)
                .add("title", status == 409 ? "Conflict" : "Error")
                .add("status", status)
                .add("detail", detail)
                .add("code", code)
                .addNull("param");
        return new StoredResponse(status, "application/problem+json",
                problem.build().toString().getBytes(StandardCharsets.UTF_8), null);
    }

    public static StoredResponse json(int status, JsonStructure body, String location) {
        return new StoredResponse(status, "application/json", body.toString().getBytes(StandardCharsets.UTF_8),
                location);
    }
}
