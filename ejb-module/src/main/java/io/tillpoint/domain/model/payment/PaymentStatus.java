package io.tillpoint.domain.model.payment;

import static io.tillpoint.domain.model.payment.PaymentEvent.*;

import io.tillpoint.domain.shared.InvalidStateException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The payment lifecycle as one explicit state machine. A status changes only through
 * {@link #on(PaymentEvent)}; an event that has no transition from the current status
 * is refused with {@link InvalidStateException} (409 {@code invalid_state}).
 *
 * <pre>
 * PROCESSING --approved--> AUTHORIZED --capture--> CAPTURED --refund--> PARTIALLY_REFUNDED --refund--> REFUNDED
 *     |  \--declined--> DECLINED     \--void--> VOIDED      \--full refund--> REFUNDED
 *     |--unknown--> UNKNOWN --approved|declined--> ...
 *     |--challenge--> REQUIRES_ACTION --confirm--> PROCESSING
 *     \--approved, held for review--> IN_REVIEW --review approved--> AUTHORIZED
 *                                            \--void (review rejected)--> VOIDED
 * </pre>
 * A payment in review is authorized at the acquirer, its amount held; only an analyst moves it on
 * (a merchant may still void it).
 */
public enum PaymentStatus {
    PROCESSING("processing"),
    UNKNOWN("processing"),
    REQUIRES_ACTION("requires_action"),
    AUTHORIZED("authorized"),
    CAPTURED("captured"),
    PARTIALLY_REFUNDED("partially_refunded"),
    REFUNDED("refunded"),
    VOIDED("voided"),
    DECLINED("declined"),
    IN_REVIEW("in_review");

    private static final Map<PaymentStatus, Map<PaymentEvent, PaymentStatus>> TRANSITIONS = new EnumMap<>(PaymentStatus.class);

    static {
        for (PaymentStatus s : values()) {
            TRANSITIONS.put(s, new EnumMap<>(PaymentEvent.class));
        }
        allow(PROCESSING, AUTHORIZATION_APPROVED, AUTHORIZED);
        allow(PROCESSING, AUTHORIZATION_DECLINED, DECLINED);
        allow(PROCESSING, OUTCOME_UNKNOWN, UNKNOWN);
        allow(PROCESSING, CHALLENGE_REQUIRED, REQUIRES_ACTION);
        allow(PROCESSING, HELD_FOR_REVIEW, IN_REVIEW);
        allow(UNKNOWN, HELD_FOR_REVIEW, IN_REVIEW);
        allow(IN_REVIEW, REVIEW_APPROVED, AUTHORIZED);
        allow(IN_REVIEW, VOID, VOIDED);
        allow(UNKNOWN, AUTHORIZATION_APPROVED, AUTHORIZED);
        allow(UNKNOWN, AUTHORIZATION_DECLINED, DECLINED);
        allow(REQUIRES_ACTION, CHALLENGE_SUBMITTED, PROCESSING);
        allow(REQUIRES_ACTION, AUTHORIZATION_DECLINED, DECLINED);
        allow(AUTHORIZED, CAPTURE, CAPTURED);
        allow(AUTHORIZED, VOID, VOIDED);
        allow(CAPTURED, PARTIAL_REFUND, PARTIALLY_REFUNDED);
        allow(CAPTURED, FULL_REFUND, REFUNDED);
        allow(PARTIALLY_REFUNDED, PARTIAL_REFUND, PARTIALLY_REFUNDED);
        allow(PARTIALLY_REFUNDED, FULL_REFUND, REFUNDED);
    }

    private final String apiName;

    PaymentStatus(String apiName) {
        this.apiName = apiName;
    }

    private static void allow(PaymentStatus from, PaymentEvent event, PaymentStatus to) {
        TRANSITIONS.get(from).put(event, to);
    }

    /** The status after {@code event}, or {@link InvalidStateException} when the event is not allowed now. */
    public PaymentStatus on(PaymentEvent event) {
        PaymentStatus next = TRANSITIONS.get(this).get(event);
        if (next == null) {
            throw new InvalidStateException("Cannot " + event.verb() + " a payment whose status is " + apiName);
        }
        return next;
    }

    public boolean allows(PaymentEvent event) {
        return TRANSITIONS.get(this).containsKey(event);
    }

    /** The status as the API shows it (PROCESSING and UNKNOWN both read "processing"). */
    public String apiName() {
        return apiName;
    }

    /** True while the acquirer's answer to the authorization is not on record (PROCESSING, UNKNOWN). */
    public boolean awaitsAuthorization() {
        return this == PROCESSING || this == UNKNOWN;
    }

    public boolean isFinal() {
        return TRANSITIONS.get(this).isEmpty();
    }

    /** Every status the API shows under {@code name} ("processing" is PROCESSING and UNKNOWN); empty when none. */
    public static Set<PaymentStatus> shownAs(String name) {
        Set<PaymentStatus> statuses = EnumSet.noneOf(PaymentStatus.class);
        for (PaymentStatus s : values()) {
            if (s.apiName.equals(name)) {
                statuses.add(s);
            }
        }
        return statuses;
    }

    public static PaymentStatus fromApiName(String name) {
        for (PaymentStatus s : values()) {
            if (s.apiName.equals(name)) {
                return s;
            }
        }
        return null;
    }
}
