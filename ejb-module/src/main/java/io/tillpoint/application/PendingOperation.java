package io.tillpoint.application;

import io.tillpoint.domain.model.acquiring.OperationRequest;
import io.tillpoint.domain.model.payment.Payment;
import io.tillpoint.domain.model.payment.Refund;

/**
 * A capture, void or refund on record as asked for, before the acquirer hears of it: the
 * payment as it was, the refund when it is one (pending), and the request to send.
 */
public record PendingOperation(Payment payment, Refund refund, String followUpId, OperationRequest request) {
}
