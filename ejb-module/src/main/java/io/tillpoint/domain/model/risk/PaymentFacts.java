package io.tillpoint.domain.model.risk;

import io.tillpoint.domain.shared.Money;
import java.util.Locale;

/**
 * What risk control knows of a card payment before the acquirer is called: no card data, only
 * the gateway's internal fingerprint, the BIN and the issuing country. The email is lower case
 * and the IP address canonical ({@link IpAddress}); the payer's country is the customer's, or the
 * one the IP address is in (null when neither is known).
 */
public record PaymentFacts(String merchantId, Money amount, String cardFingerprint, String bin, String cardCountry,
        String customerId, String email, String ip, String payerCountry) {

    public PaymentFacts {
        email = normalizedEmail(email);
        ip = ip == null ? null : IpAddress.canonical(ip);
    }

    /** An email address as blocklists match it: without surrounding space, in lower case. */
    public static String normalizedEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Keys of the in-memory sets: what a freeze of {@code kind} would be keyed by for this payment
     * (null: none). A card has a second key, of its freeze at this payment's merchant only
     * ({@link #merchantCardFreezeKey}).
     */
    String freezeKey(SubjectKind kind) {
        return switch (kind) {
            case CARD -> RiskKeys.of(kind, cardFingerprint, null);
            case CUSTOMER -> RiskKeys.of(kind, customerId, merchantId);
            case IP -> RiskKeys.of(kind, ip, null);
            case MERCHANT -> RiskKeys.of(kind, merchantId, null);
        };
    }

    /** The key of a freeze of this card at this payment's merchant only (a public test card's). */
    String merchantCardFreezeKey() {
        return RiskKeys.of(SubjectKind.CARD, cardFingerprint, merchantId);
    }

    String blocklistKey(BlocklistKind kind) {
        return switch (kind) {
            case CARD -> RiskKeys.of(kind, cardFingerprint, null);
            case BIN -> RiskKeys.of(kind, bin, null);
            case IP -> RiskKeys.of(kind, ip, null);
            case EMAIL -> RiskKeys.of(kind, email, null);
            case CUSTOMER_ID -> RiskKeys.of(kind, customerId, merchantId);
        };
    }
}
