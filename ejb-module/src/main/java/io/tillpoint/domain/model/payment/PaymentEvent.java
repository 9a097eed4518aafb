package io.tillpoint.domain.model.payment;

/** Everything that can happen to a payment; the state machine says which are allowed where. */
public enum PaymentEvent {
    AUTHORIZATION_APPROVED("authorize"),
    AUTHORIZATION_DECLINED("decline"),
    OUTCOME_UNKNOWN("mark unknown"),
    CHALLENGE_REQUIRED("ask for a challenge"),
    CHALLENGE_SUBMITTED("confirm"),
    /** Approved by the acquirer, but risk control holds it for an analyst. */
    HELD_FOR_REVIEW("hold for review"),
    /** An analyst approved a payment held for review. */
    REVIEW_APPROVED("approve the review of"),
    CAPTURE("capture"),
    VOID("void"),
    PARTIAL_REFUND("refund"),
    FULL_REFUND("refund");

    private final String verb;

    PaymentEvent(String verb) {
        this.verb = verb;
    }

    public String verb() {
        return verb;
    }
}
