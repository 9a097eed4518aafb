package io.tillpoint.domain.model.merchant;

import static io.tillpoint.domain.shared.DomainAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.domain.shared.CurrencyCode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract: countries are ISO 3166-1 alpha-2, upper case. */
class MerchantTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"US", "CN", "DE", "BR", "GB"})
    void acceptsUpperCaseAlpha2Countries(String country) {
        assertThat(Merchant.requireCountry(country, "country")).isEqualTo(country);
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"us", "Us", "USA", "U", "XX", "ZZ", "UK", " US"})
    void refusesAnythingElseNamingTheParam(String country) {
        assertRefused(() -> Merchant.requireCountry(country, "customer.country"), "invalid_request", "customer.country");
    }

    @Test
    void registersAnActiveMerchant() {
        Merchant merchant = Merchant.register("  Coffee Shop  ", "US", CurrencyCode.of("USD"), Pricing.of(290, 30), NOW);

        assertThat(merchant.id()).startsWith("mer_");
        assertThat(merchant.name()).isEqualTo("Coffee Shop");
        assertThat(merchant.country()).isEqualTo("US");
        assertThat(merchant.defaultCurrency()).isEqualTo("USD");
        assertThat(merchant.pricing().percentBps()).isEqualTo(290);
        assertThat(merchant.createdAt()).isEqualTo(NOW);
    }

    @Test
    void refusesAMerchantWithoutANameOrWithAWrongCountry() {
        CurrencyCode usd = CurrencyCode.of("USD");
        Pricing pricing = Pricing.of(290, 30);

        assertRefused(() -> Merchant.register(" ", "US", usd, pricing, NOW), "invalid_request", "name");
        assertRefused(() -> Merchant.register("n".repeat(201), "US", usd, pricing, NOW), "invalid_request", "name");
        assertRefused(() -> Merchant.register("Coffee Shop", "usa", usd, pricing, NOW), "invalid_request", "country");
    }
}
