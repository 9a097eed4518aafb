package io.tillpoint.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes this instance's relay when a transaction that recorded events has committed: the relay
 * then publishes them within milliseconds instead of at its next sweep. Costs the recording
 * transaction one synchronization (registered once, however many events it records) and a
 * semaphore release after its commit; nothing waits for the relay.
 */
@ApplicationScoped
public class RelaySignal {

    private static final Object REGISTERED = RelaySignal.class;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    private final Semaphore work = new Semaphore(0);

    private final Synchronization wakeOnCommit = new Synchronization() {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                wake();
            }
        }
    };

    /**
     * An event was written in the current transaction: the relay is woken once it commits (at
     * once when there is no transaction: the statement committed by itself).
     */
    public void afterCommit() {
        if (transactions == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            wake();
            return;
        }
        if (transactions.getResource(REGISTERED) == null) {
            transactions.putResource(REGISTERED, Boolean.TRUE);
            transactions.registerInterposedSynchronization(wakeOnCommit);
        }
    }

    /** Something may be waiting in the outbox. */
    public void wake() {
        if (work.availablePermits() == 0) {
            work.release();
        }
    }

    /** Waits until woken or {@code millis} have passed; true when woken. */
    boolean await(long millis) throws InterruptedException {
        boolean woken = work.tryAcquire(millis, TimeUnit.MILLISECONDS);
        work.drainPermits();
        return woken;
    }
}
