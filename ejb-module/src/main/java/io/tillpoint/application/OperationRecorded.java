package io.tillpoint.application;

import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.domain.model.payment.Payment;
import io.tillpoint.domain.model.payment.Refund;

/**
 * A capture, void, refund or reversal after the acquirer's answer (or the lack of one) is on
 * record: the payment and refund as they stand now, the answer for the merchant, and whether
 * the outcome is known (false: still owed, recovery sends it again).
 */
public record OperationRecorded(Payment payment, Refund refund, StoredResponse answer, boolean known) {
}
