package io.tillpoint.application;

import io.tillpoint.domain.model.access.AccessChanges;
import io.tillpoint.domain.model.access.AccessSnapshot;
import io.tillpoint.domain.model.access.AccessVerdict;
import io.tillpoint.domain.model.access.AuthenticationAttempts;
import io.tillpoint.domain.model.access.TokenKeys;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Whether the caller of a verified token may still act, answered from memory: each instance keeps
 * the suspended merchants and revoked clients ({@link AccessSnapshot}) and every
 * {@value #REFRESH_MS} ms reads the change counter by primary key, reloading the set in one
 * statement only when the counter moved. A suspension or revocation committed at T is therefore
 * seen by every instance before T + 250 ms + two short queries, well within a second, and a request
 * pays no database round trip for it. While the database cannot be read, the last set stays (and
 * a warning says so), so the bound holds only while the database answers.
 *
 * <p>Also: whether a token's key id is still one of the ring's ({@link TokenKeys}), and the
 * periodic clean-up of old failure tallies.
 */
@ApplicationScoped
public class AccessControl {

    static final long REFRESH_MS = 250;
    static final long CLEAN_UP_MS = 60_000;
    private static final Logger LOG = Logger.getLogger(AccessControl.class.getName());

    @Inject
    AccessChanges changes;

    @Inject
    TokenKeys keys;

    @Inject
    AuthenticationAttempts attempts;

    @Inject
    TokenSettings settings;

    @Resource
    ManagedThreadFactory threads;

    private PolledSnapshot<AccessSnapshot> access;
    private ScheduledExecutorService timer;

    /** For CDI. */
    public AccessControl() {
    }

    AccessControl(AccessChanges changes, TokenKeys keys) {
        this.changes = changes;
        this.keys = keys;
        this.access = polled(changes);
    }

    private static PolledSnapshot<AccessSnapshot> polled(AccessChanges changes) {
        return new PolledSnapshot<>("the suspended merchants and revoked clients", AccessSnapshot.NONE,
                changes::counter, changes::snapshot, AccessSnapshot::counter, 0);
    }

    @PostConstruct
    void start() {
        access = polled(changes);
        access.refreshQuietly();
        timer = Executors.newSingleThreadScheduledExecutor(threads);
        timer.scheduleWithFixedDelay(access::refreshQuietly, REFRESH_MS, REFRESH_MS, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::cleanUp, CLEAN_UP_MS, CLEAN_UP_MS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** The verdict for a verified token's client and merchant (null: a platform client). */
    public AccessVerdict verdictFor(String clientId, String merchantId) {
        return access.current().verdictFor(clientId, merchantId);
    }

    /** Whether tokens signed with key {@code keyId} still verify. */
    public boolean acceptsKey(String keyId) {
        return keys.accepts(keyId);
    }

    /** Moves on whenever the set of accepted keys changes. */
    public long keyGeneration() {
        return keys.generation();
    }

    /** Reads the counter; reloads the set when it moved. */
    void refresh() {
        access.refresh();
    }

    AccessSnapshot snapshot() {
        return access.current();
    }

    private void cleanUp() {
        try {
            attempts.forgetQuietOnes(settings.lockoutPolicy());
        } catch (RuntimeException e) {
            LOG.fine(() -> "could not forget old failure tallies: " + e);
        }
    }
}
