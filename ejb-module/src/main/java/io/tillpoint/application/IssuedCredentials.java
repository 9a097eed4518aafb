package io.tillpoint.application;

/** A new API client of a merchant; the secret exists in clear only in this answer. */
public record IssuedCredentials(String merchantId, String clientId, String clientSecret) {

    @Override
    public String toString() {
        return "IssuedCredentials[" + merchantId + ", " + clientId + ", secret=********]";
    }
}
