package io.tillpoint.domain.model.merchant;

import io.tillpoint.domain.shared.UtcTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A back-office person who signs in to the console. The password is kept only as a salted hash. */
@Entity
@Table(name = "console_user")
public class ConsoleUser {

    @Id
    @Column(length = 64)
    private String username;

    @Version
    private long version;

    @Column(name = "password_hash", nullable = false, length = 255)
    private String passwordHash;

    @Column(nullable = false, length = 32)
    private String role;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected ConsoleUser() {
    }

    public static ConsoleUser administrator(String username, String passwordHash, Instant now) {
        ConsoleUser u = new ConsoleUser();
        u.username = username;
        u.passwordHash = passwordHash;
        u.role = "admin";
        u.createdAt = UtcTime.of(now);
        return u;
    }

    public void changePassword(String newPasswordHash) {
        this.passwordHash = newPasswordHash;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String role() {
        return role;
    }
}
