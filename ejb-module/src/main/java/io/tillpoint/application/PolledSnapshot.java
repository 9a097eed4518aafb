package io.tillpoint.application;

import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.logging.Logger;

/**
 * An in-memory copy of something every instance must see change within a second, without a
 * database round trip per request: a change counter, moved on in the same transaction as every
 * change, is read by primary key at each {@link #refresh}, and the whole copy is read again (one
 * statement, with the counter it belongs to) only when the counter moved, or when the copy is
 * older than {@code maxAgeMs} (for parts that change without moving the counter). While the
 * database cannot be read the last copy stays, and one warning says so.
 *
 * @param <S> the copy, which knows the counter it was read at
 */
final class PolledSnapshot<S> {

    private static final Logger LOG = Logger.getLogger(PolledSnapshot.class.getName());

    private final String what;
    private final LongSupplier counter;
    private final Supplier<S> load;
    private final ToLongFunction<S> counterOf;
    private final long maxAgeMs;
    private volatile S current;
    private volatile long loadedAt;
    private volatile boolean failing;

    /**
     * @param what what the copy holds, for the log
     * @param maxAgeMs the copy is read again after this long even if the counter stayed (0: never)
     */
    PolledSnapshot(String what, S initial, LongSupplier counter, Supplier<S> load, ToLongFunction<S> counterOf,
            long maxAgeMs) {
        this.what = what;
        this.current = Objects.requireNonNull(initial);
        this.counter = counter;
        this.load = load;
        this.counterOf = counterOf;
        this.maxAgeMs = maxAgeMs;
    }

    S current() {
        return current;
    }

    /** Reads the counter; reloads when it moved or the copy is too old. Throws when the database fails. */
    void refresh() {
        long now = System.currentTimeMillis();
        boolean old = maxAgeMs > 0 && now - loadedAt >= maxAgeMs;
        if (old || counter.getAsLong() != counterOf.applyAsLong(current)) {
            S next = load.get();
            current = next;
            loadedAt = now;
            LOG.fine(() -> what + " refreshed: " + next);
        }
    }

    /** {@link #refresh}, keeping the last copy (and saying so once) while the database fails. */
    void refreshQuietly() {
        try {
            refresh();
            if (failing) {
                failing = false;
                LOG.info(() -> what + " read again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warning(() -> "cannot read " + what + "; keeping the copy of change "
                        + counterOf.applyAsLong(current) + " until the database answers: " + e);
            }
        }
    }
}
