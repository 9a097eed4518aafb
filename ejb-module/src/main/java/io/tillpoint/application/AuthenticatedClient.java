package io.tillpoint.application;

/** A client whose secret was checked just now: its id, and the merchant it acts for (null for a platform client). */
public record AuthenticatedClient(String clientId, String merchantId) {
}
