package io.tillpoint.domain.model.merchant;

import static io.tillpoint.domain.shared.DomainAssertions.assertRefused;
import static io.tillpoint.domain.shared.DomainAssertions.invalidState;
import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.domain.shared.CurrencyCode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Suspension, reactivation and revocation, with a reason each time. */
class AccessStatusTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static Merchant merchant() {
        return Merchant.register("Shop", "US", CurrencyCode.of("USD"), Pricing.of(290, 30), NOW);
    }

    @Test
    void aNewMerchantIsActive() {
        assertThat(merchant().status()).isEqualTo(MerchantStatus.ACTIVE);
        assertThat(merchant().suspended()).isFalse();
    }

    @Test
    void suspendingKeepsTheReasonAndTheTime() {
        Merchant m = merchant();

        m.suspend(Reason.of("chargebacks"), NOW.plusSeconds(60));

        assertThat(m.suspended()).isTrue();
        assertThat(m.statusReason()).isEqualTo("chargebacks");
        assertThat(m.statusChangedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void aSuspendedMerchantIsReactivatedOnceAndNotSuspendedTwice() {
        Merchant m = merchant();
        m.suspend(Reason.of("review"), NOW);

        invalidState(() -> m.suspend(Reason.of("again"), NOW));
        m.reactivate(Reason.of("cleared"), NOW);
        assertThat(m.status()).isEqualTo(MerchantStatus.ACTIVE);
        invalidState(() -> m.reactivate(Reason.of("again"), NOW));
    }

    @Test
    void aRevokedClientStaysOnRecordInactive() {
        ApiClient c = ApiClient.forMerchant("cli_1", "hmac-sha256$v1$x", "mer_1", NOW);

        c.revoke(Reason.of("leaked"), NOW.plusSeconds(5));

        assertThat(c.active()).isFalse();
        assertThat(c.revokedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(c.revokedReason()).isEqualTo("leaked");
        invalidState(() -> c.revoke(Reason.of("again"), NOW));
    }

    @Test
    void aReasonIsRequiredAtMost500CharactersAndHoldsNoCardNumber() {
        assertRefused(() -> Reason.of(null), "invalid_request", "reason");
        assertRefused(() -> Reason.of("   "), "invalid_request", "reason");
        assertRefused(() -> Reason.of("x".repeat(501)), "invalid_request", "reason");
        assertThat(Reason.of("x".repeat(500)).text()).hasSize(500);
        assertThat(Reason.of(" card 4242424242424242 used ").text()).isEqualTo("card 424242******4242 used");
    }
}
