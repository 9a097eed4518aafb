package io.tillpoint.domain.model.ledger;

/**
 * The gateway's ledger accounts, kept per merchant and currency. Debits are positive,
 * credits negative; every journal sums to zero per currency.
 *
 * <ul>
 * <li>{@link #CARDHOLDER_AUTHORIZATIONS} / {@link #MERCHANT_PENDING_AUTHORIZATIONS}: the memo
 * pair for funds held on a card by an authorization that is not captured yet.</li>
 * <li>{@link #ACQUIRER_RECEIVABLE}: captured funds the acquirer owes us, less refunds.</li>
 * <li>{@link #MERCHANT_PAYABLE}: the merchant's pending balance: captures less refunds that no
 * settlement has taken yet (before fees).</li>
 * <li>{@link #MERCHANT_SETTLED}: what settlement made payable to the merchant, fees taken; a debit
 * balance is a negative net carried over to the next settlement.</li>
 * <li>{@link #GATEWAY_FEE_REVENUE}: the gateway's fees, posted by settlement.</li>
 * <li>{@link #MERCHANT_PAYOUTS}: payouts instructed (pain.001) and not yet confirmed by the bank.</li>
 * </ul>
 */
public enum Account {
    CARDHOLDER_AUTHORIZATIONS,
    MERCHANT_PENDING_AUTHORIZATIONS,
    ACQUIRER_RECEIVABLE,
    MERCHANT_PAYABLE,
    MERCHANT_SETTLED,
    GATEWAY_FEE_REVENUE,
    MERCHANT_PAYOUTS
}
