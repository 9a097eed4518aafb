package io.tillpoint.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.domain.model.access.AccessChanges;
import io.tillpoint.domain.model.access.AccessSnapshot;
import io.tillpoint.domain.model.access.AccessVerdict;
import io.tillpoint.domain.model.access.TokenKeys;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The revocation cache: a request is answered from memory, and a refresh reads the counter and
 * reloads the set only when the counter moved.
 */
class AccessControlTest {

    /** The database as the refresh sees it. */
    private static final class Changes implements AccessChanges {
        long counter;
        Set<String> suspended = new HashSet<>();
        Set<String> revoked = new HashSet<>();
        int counterReads;
        int snapshotReads;

        @Override
        public void recordChange() {
            counter++;
        }

        @Override
        public long counter() {
            counterReads++;
            return counter;
        }

        @Override
        public AccessSnapshot snapshot() {
            snapshotReads++;
            return new AccessSnapshot(counter, suspended, revoked);
        }
    }

    private static final TokenKeys NO_KEYS = new TokenKeys() {
        @Override
        public boolean accepts(String keyId) {
            return false;
        }

        @Override
        public long generation() {
            return 0;
        }
    };

    private final Changes db = new Changes();
    private final AccessControl access = new AccessControl(db, NO_KEYS);

    @Test
    void aSuspensionIsSeenAtTheFirstRefreshAfterItCommitted() {
        access.refresh();
        assertThat(access.verdictFor("cli_1", "mer_1")).isEqualTo(AccessVerdict.ALLOWED);

        db.suspended.add("mer_1");
        db.recordChange();
        assertThat(access.verdictFor("cli_1", "mer_1")).as("not before the refresh").isEqualTo(AccessVerdict.ALLOWED);

        access.refresh();
        assertThat(access.verdictFor("cli_1", "mer_1")).isEqualTo(AccessVerdict.MERCHANT_SUSPENDED);
    }

    @Test
    void reactivationAndRevocationAreSeenTheSameWay() {
        db.suspended.add("mer_1");
        db.recordChange();
        access.refresh();

        db.suspended.remove("mer_1");
        db.revoked.add("cli_2");
        db.recordChange();
        access.refresh();

        assertThat(access.verdictFor("cli_1", "mer_1")).isEqualTo(AccessVerdict.ALLOWED);
        assertThat(access.verdictFor("cli_2", "mer_1")).isEqualTo(AccessVerdict.CLIENT_REVOKED);
    }

    @Test
    void aRefreshWhileNothingChangedReadsOnlyTheCounter() {
        access.refresh();
        int snapshots = db.snapshotReads;

        for (int i = 0; i < 20; i++) {
            access.refresh();
        }

        assertThat(db.snapshotReads).isEqualTo(snapshots);
        assertThat(db.counterReads).isEqualTo(21);
    }

    @Test
    void requestsNeverReadTheDatabase() {
        access.refresh();
        int reads = db.counterReads + db.snapshotReads;

        for (int i = 0; i < 1000; i++) {
            access.verdictFor("cli_" + i, "mer_" + i);
        }

        assertThat(db.counterReads + db.snapshotReads).isEqualTo(reads);
    }

    @Test
    void theFirstRefreshLoadsEvenAnUntouchedCounter() {
        access.refresh();

        assertThat(db.snapshotReads).isEqualTo(1);
        assertThat(access.snapshot().counter()).isZero();
    }

    @Test
    void theRefreshPeriodKeepsTheContractsSecond() {
        assertThat(AccessControl.REFRESH_MS).isLessThanOrEqualTo(250);
    }
}
