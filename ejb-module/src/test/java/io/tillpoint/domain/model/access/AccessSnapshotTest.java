package io.tillpoint.domain.model.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may still act, by the set every instance keeps in memory. */
class AccessSnapshotTest {

    private final AccessSnapshot snapshot = new AccessSnapshot(7, Set.of("mer_suspended"), Set.of("cli_revoked"));

    @Test
    void aRevokedClientIsRefusedWhateverItsMerchant() {
        assertThat(snapshot.verdictFor("cli_revoked", "mer_ok")).isEqualTo(AccessVerdict.CLIENT_REVOKED);
        assertThat(snapshot.verdictFor("cli_revoked", "mer_suspended")).isEqualTo(AccessVerdict.CLIENT_REVOKED);
    }

    @Test
    void aSuspendedMerchantsClientsAreRefused() {
        assertThat(snapshot.verdictFor("cli_any", "mer_suspended")).isEqualTo(AccessVerdict.MERCHANT_SUSPENDED);
    }

    @Test
    void everybodyElseAndPlatformClientsGoOn() {
        assertThat(snapshot.verdictFor("cli_any", "mer_ok")).isEqualTo(AccessVerdict.ALLOWED);
        assertThat(snapshot.verdictFor("platform", null)).isEqualTo(AccessVerdict.ALLOWED);
        assertThat(AccessSnapshot.NONE.verdictFor("cli_revoked", "mer_suspended")).isEqualTo(AccessVerdict.ALLOWED);
    }

    @Test
    void itsTextNamesCountsNotIds() {
        assertThat(snapshot.toString()).contains("7").doesNotContain("cli_revoked").doesNotContain("mer_suspended");
    }
}
