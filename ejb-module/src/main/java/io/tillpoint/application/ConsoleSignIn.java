package io.tillpoint.application;

import io.tillpoint.domain.model.audit.Actor;
import io.tillpoint.domain.model.audit.AuditAction;
import io.tillpoint.domain.model.audit.AuditContext;
import io.tillpoint.domain.model.audit.AuditEntry;
import io.tillpoint.domain.model.audit.AuditSnapshot;
import io.tillpoint.domain.model.audit.AuditTarget;
import io.tillpoint.domain.model.audit.AuditTrail;
import io.tillpoint.domain.model.console.ConsoleRole;
import io.tillpoint.domain.model.console.SignInLockout;
import io.tillpoint.domain.model.console.SignInOrigins;
import io.tillpoint.domain.model.merchant.ConsoleUser;
import io.tillpoint.domain.model.merchant.MerchantRepository;
import io.tillpoint.infrastructure.crypto.SecretHasher;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A console user's sign-in, one transaction: the password checked against its slow hash
 * (PBKDF2-SHA256, 600,000 iterations), the wrong ones counted on the user's row (locked for the
 * check, so two instances count the same user one after the other), a lock-out after
 * {@code tillpoint.console.lockout-failures} in a row, and the address recorded: a first sign-in
 * from an address is marked new, shown to the user and to admins. An unknown user name costs the
 * same hash, so timing tells nothing. Every outcome on a known user is an audit entry.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ConsoleSignIn {

    static final AuditAction SIGNED_IN = new AuditAction("console_user.signed_in");
    static final AuditAction SIGN_IN_FAILED = new AuditAction("console_user.sign_in_failed");
    static final AuditAction LOCKED_OUT = new AuditAction("console_user.locked_out");

    private static final Logger LOG = Logger.getLogger(ConsoleSignIn.class.getName());
    /** What an unknown user's password is checked against: the same work as a real check. */
    private static final String DUMMY_HASH = SecretHasher.hash("no such console user");

    @Inject
    MerchantRepository users;

    @Inject
    SignInOrigins origins;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "tillpoint.console.lockout-failures", defaultValue = "5")
    int lockoutFailures;

    @Inject
    @ConfigProperty(name = "tillpoint.console.lockout-minutes", defaultValue = "15")
    long lockoutMinutes;

    /** How a sign-in went. */
    public enum Outcome { SIGNED_IN, WRONG_CREDENTIALS, LOCKED_OUT, DISABLED }

    /** The outcome; on success the user's role and whether the address was new. */
    public record Result(Outcome outcome, String username, ConsoleRole role, boolean newAddress) {
        public boolean signedIn() {
            return outcome == Outcome.SIGNED_IN;
        }
    }

    public Result signIn(String username, String password, String ip) {
        Instant now = clock.now();
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        Optional<ConsoleUser> found = name.isEmpty() || name.length() > 64 ? Optional.empty() : users.lockConsoleUser(name);
        if (found.isEmpty()) {
            SecretHasher.matches(password == null ? "" : password, DUMMY_HASH);
            LOG.info(() -> "console sign-in refused: unknown user, from " + ip);
            return new Result(Outcome.WRONG_CREDENTIALS, null, null, false);
        }
        ConsoleUser user = found.get();
        AuditContext context = new AuditContext(Actor.consoleUser(user.username()), ip, null);
        if (user.lockedAt(now)) {
            // Not even checked: a locked account tells nothing about the password.
            SecretHasher.matches(password == null ? "" : password, DUMMY_HASH);
            audit.append(AuditEntry.of(context, SIGN_IN_FAILED, target(user), null, state("locked", ip), now));
            return new Result(Outcome.LOCKED_OUT, user.username(), null, false);
        }
        if (!SecretHasher.matches(password == null ? "" : password, user.passwordHash())) {
            boolean locked = user.signInFailed(now, lockout());
            audit.append(AuditEntry.of(context, locked ? LOCKED_OUT : SIGN_IN_FAILED, target(user), null,
                    state(locked ? "locked" : "wrong_password", ip), now));
            LOG.info(() -> "console sign-in of " + user.username() + " refused (wrong password" + (locked ? ", now locked" : "")
                    + "), from " + ip);
            return new Result(locked ? Outcome.LOCKED_OUT : Outcome.WRONG_CREDENTIALS, user.username(), null, false);
        }
        if (!user.enabled()) {
            audit.append(AuditEntry.of(context, SIGN_IN_FAILED, target(user), null, state("disabled", ip), now));
            return new Result(Outcome.DISABLED, user.username(), null, false);
        }
        if (SecretHasher.needsRehash(user.passwordHash())) {
            user.changePassword(SecretHasher.hash(password));
        }
        user.signedIn(now, ip);
        boolean newAddress = origins.record(user.username(), ip == null ? "unknown" : ip, now);
        audit.append(AuditEntry.of(context, SIGNED_IN, target(user), null,
                AuditSnapshot.builder().text("ip", ip).flag("new_address", newAddress).text("role", user.role().wire())
                        .build(), now));
        return new Result(Outcome.SIGNED_IN, user.username(), user.role(), newAddress);
    }

    /** The user's role now (a session re-reads it, so a changed role takes effect at the next request). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<ConsoleRole> currentRole(String username) {
        return users.findConsoleUser(username).filter(ConsoleUser::enabled).map(ConsoleUser::role);
    }

    SignInLockout lockout() {
        return new SignInLockout(lockoutFailures, Duration.ofMinutes(lockoutMinutes));
    }

    private static AuditTarget target(ConsoleUser user) {
        return new AuditTarget("console_user", user.username());
    }

    private static AuditSnapshot state(String outcome, String ip) {
        return AuditSnapshot.builder().text("outcome", outcome).text("ip", ip).build();
    }
}
