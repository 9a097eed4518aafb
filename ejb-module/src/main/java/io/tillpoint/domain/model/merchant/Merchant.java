package io.tillpoint.domain.model.merchant;

import io.tillpoint.domain.shared.UtcTime;
import io.tillpoint.domain.shared.CurrencyCode;
import io.tillpoint.domain.shared.Ids;
import io.tillpoint.domain.shared.InvalidInputException;
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
        m.status = "active";
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
