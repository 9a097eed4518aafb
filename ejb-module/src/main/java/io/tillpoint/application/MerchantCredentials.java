package io.tillpoint.application;

/** A new merchant's id and API credentials; the secret exists in clear only in this answer. */
public record MerchantCredentials(String merchantId, String clientId, String clientSecret) {

    @Override
    public String toString() {
        return "MerchantCredentials[" + merchantId + ", " + clientId + ", secret=********]";
    }
}
