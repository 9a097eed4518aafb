package io.tillpoint.application;

import io.tillpoint.domain.model.audit.AuditAction;
import io.tillpoint.domain.model.audit.AuditEntry;
import io.tillpoint.domain.model.audit.AuditSnapshot;
import io.tillpoint.domain.model.audit.AuditTarget;
import io.tillpoint.domain.model.audit.AuditTrail;
import io.tillpoint.domain.model.console.ConsoleAction;
import io.tillpoint.domain.model.console.ConsoleCaller;
import io.tillpoint.domain.model.console.ConsolePassword;
import io.tillpoint.domain.model.console.ConsoleRole;
import io.tillpoint.domain.model.console.SignInOrigin;
import io.tillpoint.domain.model.console.SignInOrigins;
import io.tillpoint.domain.model.merchant.ConsoleUser;
import io.tillpoint.domain.model.merchant.MerchantRepository;
import io.tillpoint.domain.shared.ConflictException;
import io.tillpoint.domain.shared.InvalidStateException;
import io.tillpoint.domain.shared.NotFoundException;
import io.tillpoint.infrastructure.crypto.SecretHasher;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * Console users and their roles, for admins: create, change the role, disable and enable, unlock,
 * set a new password; each one transaction with its audit entry. And the addresses users signed
 * in from: a user's new ones (shown after the sign-in until seen), everybody's for admins.
 */
@Stateless
public class ConsoleUsers {

    static final AuditAction CREATED = new AuditAction("console_user.created");
    static final AuditAction ROLE_CHANGED = new AuditAction("console_user.role_changed");
    static final AuditAction DISABLED = new AuditAction("console_user.disabled");
    static final AuditAction ENABLED = new AuditAction("console_user.enabled");
    static final AuditAction UNLOCKED = new AuditAction("console_user.unlocked");
    static final AuditAction PASSWORD_SET = new AuditAction("console_user.password_set");

    @Inject
    MerchantRepository users;

    @Inject
    SignInOrigins origins;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public List<ConsoleUser> list(ConsoleCaller caller) {
        caller.require(ConsoleAction.MANAGE_USERS);
        return users.consoleUsers();
    }

    public ConsoleUser create(ConsoleCaller caller, String username, String displayName, ConsoleRole role,
            String password) {
        caller.require(ConsoleAction.MANAGE_USERS);
        Instant now = clock.now();
        String name = username == null ? null : username.strip();
        if (name != null && users.findConsoleUser(name).isPresent()) {
            throw new ConflictException("user_exists", "A console user " + name + " exists already");
        }
        ConsoleUser user = ConsoleUser.create(name, displayName, role, SecretHasher.hash(ConsolePassword.check(password)),
                now);
        users.add(user);
        audit.append(AuditEntry.of(caller.audit(), CREATED, target(user.username()), null, state(user), now));
        return user;
    }

    public ConsoleUser changeRole(ConsoleCaller caller, String username, ConsoleRole role) {
        caller.require(ConsoleAction.MANAGE_USERS);
        ConsoleUser user = find(username);
        if (user.username().equals(caller.username())) {
            throw new InvalidStateException("An admin cannot change their own role");
        }
        AuditSnapshot before = state(user);
        user.changeRole(role);
        audit.append(AuditEntry.of(caller.audit(), ROLE_CHANGED, target(username), before, state(user), clock.now()));
        return user;
    }

    public ConsoleUser enable(ConsoleCaller caller, String username, boolean on) {
        caller.require(ConsoleAction.MANAGE_USERS);
        ConsoleUser user = find(username);
        if (!on && user.username().equals(caller.username())) {
            throw new InvalidStateException("An admin cannot disable their own account");
        }
        AuditSnapshot before = state(user);
        user.enable(on);
        audit.append(AuditEntry.of(caller.audit(), on ? ENABLED : DISABLED, target(username), before, state(user),
                clock.now()));
        return user;
    }

    public ConsoleUser unlock(ConsoleCaller caller, String username) {
        caller.require(ConsoleAction.MANAGE_USERS);
        ConsoleUser user = find(username);
        AuditSnapshot before = state(user);
        user.unlock();
        audit.append(AuditEntry.of(caller.audit(), UNLOCKED, target(username), before, state(user), clock.now()));
        return user;
    }

    public ConsoleUser setPassword(ConsoleCaller caller, String username, String password) {
        caller.require(ConsoleAction.MANAGE_USERS);
        ConsoleUser user = find(username);
        user.changePassword(SecretHasher.hash(ConsolePassword.check(password)));
        user.unlock();
        audit.append(AuditEntry.of(caller.audit(), PASSWORD_SET, target(username), null, null, clock.now()));
        return user;
    }

    /** The caller's own addresses first used since they last looked. */
    public List<SignInOrigin> newAddresses(ConsoleCaller caller) {
        return origins.unseen(caller.username());
    }

    public void newAddressesSeen(ConsoleCaller caller) {
        origins.markSeen(caller.username());
    }

    /** First sign-ins from an address, of every user, newest first (admins). */
    public List<SignInOrigin> recentNewAddresses(ConsoleCaller caller, int limit) {
        caller.require(ConsoleAction.MANAGE_USERS);
        return origins.newest(limit);
    }

    private ConsoleUser find(String username) {
        return users.findConsoleUser(username).orElseThrow(() -> new NotFoundException("console_user", username));
    }

    private static AuditTarget target(String username) {
        return new AuditTarget("console_user", username);
    }

    static AuditSnapshot state(ConsoleUser u) {
        return AuditSnapshot.builder().text("username", u.username()).text("display_name", u.displayName())
                .text("role", u.role().wire()).flag("enabled", u.enabled())
                .text("locked_until", u.lockedUntil() == null ? null : u.lockedUntil().toString()).build();
    }
}
