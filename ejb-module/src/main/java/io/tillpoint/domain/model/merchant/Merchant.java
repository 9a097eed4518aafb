package io.tillpoint.domain.model.merchant;

import io.tillpoint.domain.shared.UtcTime;
import io.tillpoint.domain.shared.CurrencyCode;
import io.tillpoint.domain.shared.Ids;
import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.domain.shared.InvalidStateException;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Set;

/** A business that takes payments through the gateway. */
@Entity
@Table(name = "merchant")
public class Merchant {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @Id
    @Column(length = 40)
    private String id;

    @Version
    private long version;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 2)
    private String country;

    @Column(name = "default_currency", nullable = false, length = 3)
    private String defaultCurrency;

    @Embedded
    private Pricing pricing;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(name = "status_reason", length = 500)
    private String statusReason;

    @Column(name = "status_changed_at")
    private OffsetDateTime statusChangedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected Merchant() {
    }

    public static Merchant register(String name, String country, CurrencyCode defaultCurrency, Pricing pricing, Instant now) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInputException("name", "is required, at most 200 characters");
        }
        Merchant m = new Merchant();
        m.id = Ids.newId("mer");
        m.name = name.strip();
        m.country = requireCountry(country, "country");
        m.defaultCurrency = defaultCurrency.code();
        m.pricing = pricing;
        m.status = MerchantStatus.ACTIVE.wire();
        m.createdAt = UtcTime.of(now);
        return m;
    }

    /** ISO 3166-1 alpha-2, upper case. */
    public static String requireCountry(String country, String param) {
        if (country == null || !COUNTRIES.contains(country)) {
            throw new InvalidInputException(param, "must be an ISO 3166-1 alpha-2 country code (upper case)");
        }
        return country;
    }

    /**
     * Suspends the merchant: from its next request on, on every instance, it is refused (403
     * {@code merchant_suspended}), whatever its tokens say. A suspended merchant cannot be
     * suspended again (409).
     */
    public void suspend(Reason reason, Instant now) {
        changeStatus(MerchantStatus.SUSPENDED, reason, now);
    }

    /** A new name and pricing (an operator's edit); the pricing applies to payments from now on. */
    public void changeDetails(String newName, Pricing newPricing) {
        if (newName == null || newName.isBlank() || newName.length() > 200) {
            throw new InvalidInputException("name", "is required, at most 200 characters");
        }
        name = newName.strip();
        pricing = newPricing;
    }

    /** Lets a suspended merchant use the gateway again; an active one cannot be reactivated (409). */
    public void reactivate(Reason reason, Instant now) {
        changeStatus(MerchantStatus.ACTIVE, reason, now);
    }

    private void changeStatus(MerchantStatus to, Reason reason, Instant now) {
        if (status() == to) {
            throw new InvalidStateException("The merchant is already " + to.wire());
        }
        status = to.wire();
        statusReason = reason.text();
        statusChangedAt = UtcTime.of(now);
    }

    public MerchantStatus status() {
        return MerchantStatus.ofWire(status);
    }

    public boolean suspended() {
        return status() == MerchantStatus.SUSPENDED;
    }

    /** Why the status last changed; null while it never did. */
    public String statusReason() {
        return statusReason;
    }

    public Instant statusChangedAt() {
        return UtcTime.instant(statusChangedAt);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String country() {
        return country;
    }

    public String defaultCurrency() {
        return defaultCurrency;
    }

    public Pricing pricing() {
        return pricing;
    }

    public Instant createdAt() {
        return UtcTime.instant(createdAt);
    }
}
