package io.tillpoint.domain.model.payment;

/** How the customer pays. Only cards are processed in this release; the rest are reserved. */
public enum PaymentMethodType {
    CARD("card");

    private final String apiName;

    PaymentMethodType(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }
}
