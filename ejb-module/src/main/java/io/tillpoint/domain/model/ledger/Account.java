package io.tillpoint.domain.model.ledger;

/**
 * The gateway's ledger accounts, kept per merchant and currency. Debits are positive,
 * credits negative; every journal sums to zero per currency.
 *
 * <ul>
 * <li>{@link #CARDHOLDER_AUTHORIZATIONS} / {@link #MERCHANT_PENDING_AUTHORIZATIONS}: the memo
 * pair for funds held on a card by an authorization that is not captured yet.</li>
 * <li>{@link #ACQUIRER_RECEIVABLE}: captured funds the acquirer owes us, less refunds.</li>
 * <li>{@link #MERCHANT_PAYABLE}: what we owe the merchant (before fees, which settlement posts).</li>
 * </ul>
 */
public enum Account {
    CARDHOLDER_AUTHORIZATIONS,
    MERCHANT_PENDING_AUTHORIZATIONS,
    ACQUIRER_RECEIVABLE,
    MERCHANT_PAYABLE
}
