package io.tillpoint.domain.model.payment;

/** Why a payment was declined, as the contract names it. */
public enum DeclineCode {
    CARD_DECLINED("card_declined"),
    INSUFFICIENT_FUNDS("insufficient_funds"),
    EXPIRED_CARD("expired_card"),
    INCORRECT_CVC("incorrect_cvc"),
    PROCESSING_ERROR("processing_error"),
    RISK_BLOCKED("risk_blocked"),
    INVALID_ACCOUNT("invalid_account");

    private final String apiName;

    DeclineCode(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }
}
