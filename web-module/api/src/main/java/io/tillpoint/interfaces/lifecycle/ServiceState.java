package io.tillpoint.interfaces.lifecycle;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * Whether this deployment of the API takes requests: {@link Phase#STARTING} until its start-up
 * work is done (the EJB module's schema migration and bootstrap, then JAX-RS), {@link Phase#READY},
 * then {@link Phase#STOPPING} from the moment its shutdown begins. Requests are counted while they
 * work, so that a shutdown can wait for the ones in flight.
 * <p>
 * On the hot path a request costs one volatile read and a striped counter's increment and
 * decrement ({@link #enter}, {@link #leave}); nothing is looked up. One instance per deployment
 * ({@link #current()}: a class loaded anew by each deployment), others in tests.
 */
public final class ServiceState {

    public enum Phase { STARTING, READY, STOPPING }

    private static final Logger LOG = Logger.getLogger(ServiceState.class.getName());
    private static final ServiceState CURRENT = new ServiceState();

    private volatile Phase phase = Phase.STARTING;
    private final LongAdder working = new LongAdder();

    /** A state of its own (tests); the deployment's is {@link #current()}. */
    ServiceState() {
    }

    public static ServiceState current() {
        return CURRENT;
    }

    public Phase phase() {
        return phase;
    }

    public boolean ready() {
        return phase == Phase.READY;
    }

    /** Start-up is done: requests are taken from now on (never again once stopping). */
    public synchronized void markReady() {
        if (phase == Phase.STARTING) {
            phase = Phase.READY;
            LOG.info("the API takes requests");
        }
    }

    /** Shutdown begins: new requests are refused (503), the ones in flight finish. */
    public synchronized void markStopping() {
        if (phase != Phase.STOPPING) {
            phase = Phase.STOPPING;
            LOG.info(() -> "the API is stopping: new requests are answered 503, " + inFlight() + " in flight finish");
        }
    }

    /**
     * A request begins: true when it may work, and then it must {@link #leave}. Counted before
     * the phase is read, so that a shutdown that sees no request in flight has refused every later one.
     */
    public boolean enter() {
        working.increment();
        if (phase == Phase.READY) {
            return true;
        }
        working.decrement();
        return false;
    }

    public void leave() {
        working.decrement();
    }

    public long inFlight() {
        return working.sum();
    }

    /** Waits up to {@code maxMs} until no request is in flight; true when none is. */
    public boolean awaitIdle(long maxMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMs);
        while (working.sum() > 0) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
