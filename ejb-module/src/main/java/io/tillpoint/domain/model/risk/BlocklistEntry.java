package io.tillpoint.domain.model.risk;

import io.tillpoint.domain.shared.Ids;
import io.tillpoint.domain.shared.InvalidInputException;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One blocklist entry: a payment that matches it is declined ({@code risk_blocked}) before the
 * acquirer hears of it. A card entry's value is the gateway's internal fingerprint, which is
 * never shown; its BIN and last four digits say which card it is. A customer id is one
 * merchant's ({@code merchantId}).
 */
public record BlocklistEntry(String id, BlocklistKind kind, String value, String merchantId, String cardBin,
        String cardLast4, String reason, Instant createdAt, String createdBy, Instant removedAt, String removedBy,
        String removalReason) {

    private static final Pattern BIN = Pattern.compile("[0-9]{6}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

    public BlocklistEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * A new entry of {@code kind} for {@code value} as given (an email is matched in lower case,
     * an IP address in its canonical form). Card entries come from {@link #newCard}.
     */
    public static BlocklistEntry newEntry(BlocklistKind kind, String value, String merchantId, String reason,
            Instant now, String by) {
        String checked = matched(kind, value);
        if (kind == BlocklistKind.CUSTOMER_ID && merchantId == null) {
            throw new InvalidInputException("merchant_id", "is required for a customer_id entry");
        }
        if (kind != BlocklistKind.CUSTOMER_ID && merchantId != null) {
            throw new InvalidInputException("merchant_id", "is only for customer_id entries");
        }
        return new BlocklistEntry(Ids.newId("bl"), kind, checked, merchantId, null, null, reason, now, by, null, null,
                null);
    }

    /**
     * {@code value} as an entry of {@code kind} keeps and matches it (checked; an email in lower
     * case, an IP address canonical). Not for cards, which are named by a payment.
     */
    public static String matched(BlocklistKind kind, String value) {
        return switch (kind) {
            case BIN -> {
                if (value == null || !BIN.matcher(value).matches()) {
                    throw new InvalidInputException("value", "must be the six digits of a BIN");
                }
                yield value;
            }
            case IP -> {
                String ip = IpAddress.canonical(value);
                if (ip == null) {
                    throw new InvalidInputException("value", "must be an IPv4 or IPv6 address");
                }
                yield ip;
            }
            case EMAIL -> {
                if (value == null || value.length() > 320 || !EMAIL.matcher(value.strip()).matches()) {
                    throw new InvalidInputException("value", "must be an email address");
                }
                yield PaymentFacts.normalizedEmail(value);
            }
            case CUSTOMER_ID -> {
                if (value == null || value.isEmpty() || value.length() > 255) {
                    throw new InvalidInputException("value", "must be a customer id of 1 to 255 characters");
                }
                yield value;
            }
            case CARD -> throw new InvalidInputException("kind", "card entries are named by a payment (payment_id)");
        };
    }

    /** An entry for the card of a payment, by its internal fingerprint. */
    public static BlocklistEntry newCard(String internalFingerprint, String bin, String last4, String reason,
            Instant now, String by) {
        return new BlocklistEntry(Ids.newId("bl"), BlocklistKind.CARD, internalFingerprint, null, bin, last4, reason,
                now, by, null, null, null);
    }

    public boolean active() {
        return removedAt == null;
    }

    /** The value as an operator may see it: a card's fingerprint is never shown. */
    public String shownValue() {
        return kind == BlocklistKind.CARD ? null : value;
    }

    String key() {
        return RiskKeys.of(kind, value, merchantId);
    }
}
