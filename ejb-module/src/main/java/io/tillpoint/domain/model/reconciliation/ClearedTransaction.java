package io.tillpoint.domain.model.reconciliation;

/**
 * One transaction as one side knows it: the acquirer's clearing file (its row's transaction id) or our
 * ledger (the journal). Matched on the acquirer's reference and the type.
 *
 * @param type {@code capture} or {@code refund}
 */
public record ClearedTransaction(String transactionId, String merchantId, String acquirerReference, String paymentId,
        String type, long amount, String currency) {

    String key() {
        return acquirerReference + " " + type;
    }
}
