package io.tillpoint.infrastructure.crypto;

import io.tillpoint.domain.model.access.TokenKeys;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token signing keys of {@code <data dir>/keys/signing} ({@link KeyRingFolder}), read again
 * every {@value #RELOAD_MS} ms: a key added, made active or retired there takes effect without a
 * restart. A retired kid stops verifying on this instance within that period: the ring drops it,
 * its {@link #generation} moves on, and the API then forgets the verifications it kept and refuses
 * tokens that name it.
 */
@ApplicationScoped
public class SigningKeyRing implements TokenKeys {

    static final long RELOAD_MS = 5_000;
    private static final Logger LOG = Logger.getLogger(SigningKeyRing.class.getName());

    @Inject
    @ConfigProperty(name = "tillpoint.data.dir")
    String dataDir;

    /**
     * How old a newly added key must be before it signs: Payara's MicroProfile JWT re-reads the
     * JWKS only after its key cache expires (5 minutes: the vendor property
     * {@code publicKey.cache.ttl}, in ms, read from {@code /payara-mp-jwt.properties}, which the
     * gateway does not ship), plus two reloads of the ring.
     */
    @Inject
    @ConfigProperty(name = "tillpoint.token.key-publish-delay-ms", defaultValue = "310000")
    long publishDelayMs;

    @Resource
    ManagedThreadFactory threads;

    private KeyRingFolder folder;
    private volatile KeyRingFolder.Ring ring;
    private final AtomicLong generation = new AtomicLong();
    private volatile String lastWarning;
    private ScheduledExecutorService reloads;

    @PostConstruct
    void start() {
        folder = new KeyRingFolder(Path.of(dataDir, "keys").toAbsolutePath());
        String added = folder.initialize();
        if (added != null) {
            LOG.info(() -> "token signing key " + added + " is the first of the ring in " + folder.signingDir());
        }
        reload();
        if (threads != null) {
            reloads = Executors.newSingleThreadScheduledExecutor(threads);
            reloads.scheduleWithFixedDelay(this::reloadQuietly, RELOAD_MS, RELOAD_MS, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (reloads != null) {
            reloads.shutdownNow();
        }
    }

    /** The key that signs new tokens, and its kid. */
    public SigningKey signingKey() {
        KeyRingFolder.Key key = ring.signing();
        return new SigningKey(key.kid(), key.privateKey());
    }

    @Override
    public boolean accepts(String keyId) {
        return keyId != null && ring.keys().containsKey(keyId);
    }

    @Override
    public long generation() {
        return generation.get();
    }

    /** Where the JWKS is published (what {@code mp.jwt.verify.publickey.location} names). */
    public Path jwksFile() {
        return folder.jwksFile();
    }

    void reload() {
        KeyRingFolder.Ring previous = ring;
        java.util.List<String> warnings = new java.util.ArrayList<>();
        KeyRingFolder.Ring next = folder.read(previous, Instant.now(), Duration.ofMillis(publishDelayMs), warnings::add);
        if (warnings.isEmpty()) {
            lastWarning = null;
        }
        warnings.forEach(this::warnOnce);
        if (folder.publish(next)) {
            LOG.info(() -> "published the token verification keys " + next.keys().keySet() + " in " + folder.jwksFile());
        }
        ring = next;
        if (!next.sameKidsAs(previous)) {
            generation.incrementAndGet();
        }
        if (previous != null && !previous.signingKid().equals(next.signingKid())) {
            LOG.info(() -> "tokens are now signed with key " + next.signingKid() + " (was " + previous.signingKid() + ")");
        }
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            warnOnce("could not read the token signing keys, keeping the last ones: " + e.getMessage());
        }
    }

    private void warnOnce(String warning) {
        if (!Objects.equals(warning, lastWarning)) {
            lastWarning = warning;
            LOG.log(Level.WARNING, warning);
        }
    }

    /** A private signing key and the kid tokens name it by. */
    public record SigningKey(String kid, PrivateKey privateKey) {

        @Override
        public String toString() {
            return "SigningKey[" + kid + "]";
        }
    }
}
