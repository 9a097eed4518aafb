package io.tillpoint.domain.model.merchant;

import io.tillpoint.domain.model.console.ConsoleRole;
import io.tillpoint.domain.model.console.SignInLockout;
import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.domain.shared.UtcTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;

/**
 * A back-office person who signs in to the console, in one of five roles. The password is kept
 * only as a salted hash. Wrong passwords in a row lock the user out for a while ({@link SignInLockout}).
 */
@Entity
@Table(name = "console_user")
public class ConsoleUser {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");

    @Id
    @Column(length = 64)
    private String username;

    @Version
    private long version;

    @Column(name = "password_hash", nullable = false, length = 255)
    private String passwordHash;

    @Column(nullable = false, length = 32)
    private String role;

    @Column(name = "display_name", length = 100)
    private String displayName;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "failed_sign_ins", nullable = false)
    private int failedSignIns;

    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;

    @Column(name = "last_sign_in_at")
    private OffsetDateTime lastSignInAt;

    @Column(name = "last_sign_in_ip", length = 45)
    private String lastSignInIp;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected ConsoleUser() {
    }

    public static ConsoleUser administrator(String username, String passwordHash, Instant now) {
        return create(username, username, ConsoleRole.ADMIN, passwordHash, now);
    }

    public static ConsoleUser create(String username, String displayName, ConsoleRole role, String passwordHash,
            Instant now) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("username",
                    "must be 2 to 64 lower-case letters, digits, dots, dashes or underscores, starting with a letter");
        }
        ConsoleUser u = new ConsoleUser();
        u.username = username;
        u.passwordHash = passwordHash;
        u.role = role.wire();
        u.displayName = displayName == null || displayName.isBlank() ? username : displayName.strip();
        if (u.displayName.length() > 100) {
            throw new InvalidInputException("display_name", "must be at most 100 characters");
        }
        u.createdAt = UtcTime.of(now);
        return u;
    }

    public void changePassword(String newPasswordHash) {
        this.passwordHash = newPasswordHash;
    }

    public void changeRole(ConsoleRole newRole) {
        this.role = newRole.wire();
    }

    public void enable(boolean on) {
        this.enabled = on;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.toInstant().isAfter(now);
    }

    /** Counts a wrong password; true when this one locks the user out. */
    public boolean signInFailed(Instant now, SignInLockout lockout) {
        failedSignIns++;
        if (failedSignIns >= lockout.maxFailures()) {
            lockedUntil = UtcTime.of(now.plus(lockout.lockFor()));
            failedSignIns = 0;
            return true;
        }
        return false;
    }

    public void signedIn(Instant now, String ip) {
        failedSignIns = 0;
        lockedUntil = null;
        lastSignInAt = UtcTime.of(now);
        lastSignInIp = ip;
    }

    public void unlock() {
        failedSignIns = 0;
        lockedUntil = null;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public ConsoleRole role() {
        return ConsoleRole.ofWire(role);
    }

    public String displayName() {
        return displayName == null ? username : displayName;
    }

    public boolean enabled() {
        return enabled;
    }

    public int failedSignIns() {
        return failedSignIns;
    }

    public Instant lockedUntil() {
        return lockedUntil == null ? null : lockedUntil.toInstant();
    }

    public Instant lastSignInAt() {
        return lastSignInAt == null ? null : lastSignInAt.toInstant();
    }

    public String lastSignInIp() {
        return lastSignInIp;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }
}
