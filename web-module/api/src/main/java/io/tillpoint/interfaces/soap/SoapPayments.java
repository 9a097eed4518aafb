package io.tillpoint.interfaces.soap;

import io.tillpoint.application.AuthenticatedClient;
import io.tillpoint.application.CreateCardPayment;
import io.tillpoint.application.IdempotencyService;
import io.tillpoint.application.InvalidClientException;
import io.tillpoint.application.MerchantSuspendedException;
import io.tillpoint.application.OperationRecorded;
import io.tillpoint.application.PaymentResponses;
import io.tillpoint.application.PaymentService;
import io.tillpoint.application.TokenService;
import io.tillpoint.application.TooManyAttemptsException;
import io.tillpoint.domain.model.access.AuthFailureReason;
import io.tillpoint.domain.model.idempotency.IdempotencyKey;
import io.tillpoint.domain.model.idempotency.IdempotentOutcome;
import io.tillpoint.domain.model.idempotency.KeyedRequest;
import io.tillpoint.domain.model.idempotency.RequestFingerprinter;
import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.domain.model.payment.Payment;
import io.tillpoint.domain.shared.DomainException;
import io.tillpoint.infrastructure.json.PaymentJson;
import io.tillpoint.interfaces.rest.AuthFailures;
import io.tillpoint.interfaces.rest.CardNumbersInRequest;
import io.tillpoint.interfaces.rest.JsonBody;
import io.tillpoint.interfaces.rest.PaymentMetrics;
import io.tillpoint.interfaces.rest.PaymentRequests;
import io.tillpoint.interfaces.rest.PaymentResource;
import io.tillpoint.interfaces.rest.ProblemMapper;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The SOAP operations, each the REST call it stands for: the same request body (built from the
 * XML), the same application service, the same answer. An {@code IdempotencyKey} header is the
 * REST {@code Idempotency-Key}: the same record (merchant + key), the same fingerprint of the same
 * method, path and body, so a key used over SOAP replays over REST and the reverse, and a replay
 * is the first answer's bytes.
 */
@ApplicationScoped
public class SoapPayments {

    private static final Set<String> RETRY_LATER = Set.of("operation_in_progress", "concurrent_update");

    @EJB
    PaymentService payments;

    @EJB
    IdempotencyService idempotency;

    @EJB
    TokenService tokens;

    @Inject
    RequestFingerprinter fingerprinter;

    @Inject
    PaymentMetrics metrics;

    /**
     * The client a WS-Security UsernameToken names, its secret checked by the token endpoint's
     * use case (the same failure tally and lock-out, for the same client id); every refusal goes
     * to the security log as the token endpoint's do.
     */
    AuthenticatedClient signIn(UsernameToken token, String sourceIp) {
        try {
            return tokens.authenticate(token.username(), token.password());
        } catch (InvalidClientException e) {
            AuthFailures.usernameToken(e.reason(), token.username(), sourceIp);
            throw e;
        } catch (TooManyAttemptsException e) {
            AuthFailures.usernameToken(AuthFailureReason.LOCKED_OUT, token.username(), sourceIp);
            throw e;
        } catch (MerchantSuspendedException e) {
            AuthFailures.usernameToken(AuthFailureReason.MERCHANT_SUSPENDED, token.username(), sourceIp);
            throw e;
        }
    }

    /** POST /payments: the use case claims the key itself, as for REST. */
    SoapAnswer authorize(String merchant, String key, JsonObject body, String requestId) {
        long started = System.nanoTime();
        // A card number in free text is refused before anything is kept, as REST does.
        CardNumbersInRequest.refuseInBody(body);
        KeyedRequest keyed = keyed(merchant, key, "/payments", body);
        CreateCardPayment command;
        try {
            command = PaymentRequests.createPayment(merchant, JsonBody.parse(bytes(body)));
        } catch (DomainException refused) {
            StoredResponse problem = problem(refused, requestId);
            if (keyed == null) {
                return SoapAnswer.fresh(problem);
            }
            Optional<StoredResponse> earlier = idempotency.keep(keyed, problem);
            return earlier.map(SoapAnswer::replay).orElseGet(() -> SoapAnswer.fresh(problem));
        }
        IdempotentOutcome<Payment> outcome = payments.createCardPayment(command, keyed, PaymentResponses::created);
        if (outcome instanceof IdempotentOutcome.Done<Payment> done) {
            metrics.created(done.result().status(), System.nanoTime() - started);
            return SoapAnswer.fresh(outcome.response());
        }
        return SoapAnswer.replay(outcome.response());
    }

    SoapAnswer capture(String merchant, String key, String paymentId, JsonObject body, String requestId) {
        String id = PaymentResource.paymentId(paymentId);
        return claimed(merchant, key, "/payments/" + id + "/capture", body, requestId, true, keyed -> {
            Long amount = parse(body).allowOnly("amount").optionalLong("amount");
            OperationRecorded captured = payments.capture(merchant, id, amount, keyed);
            metrics.changed(captured.payment().status());
            return captured.answer();
        });
    }

    SoapAnswer voidPayment(String merchant, String key, String paymentId, String requestId) {
        String id = PaymentResource.paymentId(paymentId);
        return claimed(merchant, key, "/payments/" + id + "/void", null, requestId, true, keyed -> {
            OperationRecorded voided = payments.voidPayment(merchant, id, keyed);
            metrics.changed(voided.payment().status());
            return voided.answer();
        });
    }

    SoapAnswer refund(String merchant, String key, String paymentId, JsonObject body, String requestId) {
        CardNumbersInRequest.refuseInBody(body);
        String id = PaymentResource.paymentId(paymentId);
        return claimed(merchant, key, "/payments/" + id + "/refunds", body, requestId, true, keyed -> {
            JsonBody json = parse(body).allowOnly("amount", "reason");
            String reason = json.optionalString("reason", 255);
            OperationRecorded refunded = payments.refund(merchant, id, json.optionalLong("amount"), reason, keyed);
            metrics.refunded();
            return refunded.answer();
        });
    }

    SoapAnswer confirm(String merchant, String key, String paymentId, JsonObject body, String requestId) {
        String id = PaymentResource.paymentId(paymentId);
        return claimed(merchant, key, "/payments/" + id + "/confirm", body, requestId, false, keyed -> {
            String code = parse(body).allowOnly("code").requiredString("code", 16);
            Payment confirmed = payments.confirm(merchant, id, code);
            metrics.changed(confirmed.status());
            return PaymentResponses.json(200, PaymentJson.of(confirmed), null);
        });
    }

    SoapAnswer get(String merchant, String paymentId) {
        Payment payment = payments.get(merchant, PaymentResource.paymentId(paymentId));
        return SoapAnswer.fresh(PaymentResponses.json(200, PaymentJson.of(payment), null));
    }

    SoapAnswer list(String merchant, JsonObject query) {
        return SoapAnswer.fresh(PaymentResponses.json(200, PaymentResource.listed(payments, merchant,
                query.getString("status", null), query.getString("reference", null),
                query.getString("created_gte", null), query.getString("created_lt", null),
                query.getString("limit", null), query.getString("starting_after", null)), null));
    }

    SoapAnswer refunds(String merchant, String paymentId) {
        return SoapAnswer.fresh(PaymentResponses.json(200, PaymentResource.refundsOf(payments, merchant, paymentId), null));
    }

    /**
     * A POST whose key is claimed before its use case runs (REST's idempotency filter): a taken key
     * replays; a refusal is kept for the key, except a "retry later" 409, which releases it; an
     * unexpected failure releases it too. {@code storedByUseCase}: the use case completes the key
     * with its answer in the transaction of its effect; otherwise it is completed here.
     */
    private SoapAnswer claimed(String merchant, String key, String path, JsonObject body, String requestId,
            boolean storedByUseCase, Function<KeyedRequest, StoredResponse> work) {
        KeyedRequest keyed = keyed(merchant, key, path, body);
        if (keyed != null) {
            Optional<StoredResponse> replay = idempotency.claim(keyed);
            if (replay.isPresent()) {
                return SoapAnswer.replay(replay.get());
            }
        }
        StoredResponse answer;
        try {
            answer = work.apply(keyed);
        } catch (RuntimeException failed) {
            StoredResponse problem = problem(failed, requestId);
            if (keyed != null) {
                if (problem.status() >= 500 || RETRY_LATER.contains(codeOf(problem))) {
                    idempotency.release(keyed);
                } else {
                    idempotency.complete(keyed, problem);
                }
            }
            return SoapAnswer.fresh(problem);
        }
        if (keyed != null && !storedByUseCase) {
            idempotency.complete(keyed, answer);
        }
        return SoapAnswer.fresh(answer);
    }

    /** The request's key as REST's filter makes it: the merchant's, over the fingerprint of POST, path and body. */
    private KeyedRequest keyed(String merchant, String key, String path, JsonObject body) {
        if (key == null) {
            return null;
        }
        return new KeyedRequest(merchant, new IdempotencyKey(key), fingerprinter.fingerprint("POST", path, bytes(body)));
    }

    /** The body REST would have read: nothing for an empty one (a POST without a body). */
    private static byte[] bytes(JsonObject body) {
        return body == null || body.isEmpty() ? new byte[0] : body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonBody parse(JsonObject body) {
        return body == null || body.isEmpty() ? JsonBody.empty() : JsonBody.parse(bytes(body));
    }

    /** The problem+json REST answers for {@code failure}, as an answer a key may keep. */
    static StoredResponse problem(Throwable failure, String requestId) {
        jakarta.ws.rs.core.Response problem = ProblemMapper.problemFor(failure, requestId);
        JsonObject json = (JsonObject) problem.getEntity();
        return new StoredResponse(problem.getStatus(), "application/problem+json",
                json.toString().getBytes(StandardCharsets.UTF_8), null);
    }

    private static String codeOf(StoredResponse problem) {
        return SoapFaults.problemJson(problem).getString("code", "");
    }
}
