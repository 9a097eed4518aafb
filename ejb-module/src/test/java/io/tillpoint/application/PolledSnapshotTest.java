package io.tillpoint.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The in-memory copies (the access set, risk control's snapshot): a refresh reads the counter and
 * reloads only when it moved or the copy is too old; while the database fails, the last copy stays.
 */
class PolledSnapshotTest {

    record Copy(long counter, int load) {
    }

    final AtomicLong counter = new AtomicLong();
    final AtomicInteger loads = new AtomicInteger();
    volatile boolean down;

    PolledSnapshot<Copy> polled(long maxAgeMs) {
        return new PolledSnapshot<>("test copy", new Copy(-1, 0), () -> {
            if (down) {
                throw new IllegalStateException("database down");
            }
            return counter.get();
        }, () -> new Copy(counter.get(), loads.incrementAndGet()), Copy::counter, maxAgeMs);
    }

    @Test
    void it_reloads_only_when_the_counter_moved() {
        PolledSnapshot<Copy> copy = polled(0);
        copy.refresh();
        copy.refresh();
        assertThat(loads).hasValue(1);

        counter.incrementAndGet();
        copy.refresh();
        assertThat(copy.current()).isEqualTo(new Copy(1, 2));
    }

    @Test
    void a_copy_older_than_its_age_is_read_again_even_when_the_counter_stayed() throws InterruptedException {
        PolledSnapshot<Copy> copy = polled(20);
        copy.refresh();
        Thread.sleep(40);
        copy.refresh();

        assertThat(loads).hasValue(2);
    }

    @Test
    void while_the_database_fails_the_last_copy_stays() {
        PolledSnapshot<Copy> copy = polled(0);
        copy.refresh();
        counter.incrementAndGet();
        down = true;

        copy.refreshQuietly();
        assertThat(copy.current()).isEqualTo(new Copy(0, 1));

        down = false;
        copy.refreshQuietly();
        assertThat(copy.current()).isEqualTo(new Copy(1, 2));
    }
}
