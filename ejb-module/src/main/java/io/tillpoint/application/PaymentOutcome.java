package io.tillpoint.application;

import java.time.Instant;

/**
 * A payment's authorization outcome as its event tells the risk consumer: approved (authorized,
 * captured or held for review) or declined with its code; no card data, only the internal
 * fingerprint and the BIN.
 */
public record PaymentOutcome(String paymentId, String merchantId, boolean approved, String declineCode,
        String cardFingerprint, String bin, String customerId, String customerIp, String customerCountry,
        long amount, String currency, Instant at) {
}
