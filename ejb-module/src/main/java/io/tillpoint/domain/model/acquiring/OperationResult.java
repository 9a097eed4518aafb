package io.tillpoint.domain.model.acquiring;

/** What an acquirer answered to a capture, void, refund or reversal. */
public sealed interface OperationResult {

    /** Done (or done already, for a resend). */
    record Acknowledged() implements OperationResult {
    }

    /** It will not do it, for {@code reason} (an acquirer's code, e.g. {@code refund_declined}). */
    record Refused(String reason) implements OperationResult {
    }

    /** No answer in time: send it again later. */
    record Unknown(String reason) implements OperationResult {
    }
}
