package io.tillpoint.domain.model.audit;

import io.tillpoint.domain.shared.InvalidInputException;
import java.util.regex.Pattern;

/**
 * What was done, as {@code <object>.<past participle>}: {@code merchant.suspended},
 * {@code credentials.revoked}, {@code job.started}. Later actions (risk, console) are new
 * values of the same shape; nothing here lists them.
 */
public record AuditAction(String name) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z_]{0,30}(\\.[a-z][a-z_]{0,30}){1,2}");

    public static final AuditAction MERCHANT_CREATED = new AuditAction("merchant.created");
    public static final AuditAction MERCHANT_SUSPENDED = new AuditAction("merchant.suspended");
    public static final AuditAction MERCHANT_REACTIVATED = new AuditAction("merchant.reactivated");
    public static final AuditAction CREDENTIALS_ISSUED = new AuditAction("credentials.issued");
    public static final AuditAction CREDENTIALS_REVOKED = new AuditAction("credentials.revoked");
    public static final AuditAction JOB_STARTED = new AuditAction("job.started");
    public static final AuditAction DEAD_LETTER_REPLAYED = new AuditAction("dead_letter.replayed");

    public AuditAction {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an action reads <object>.<what was done>: " + name);
        }
    }

    /** The {@code action} filter of a query. */
    public static AuditAction parse(String name, String param) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException(param, "must be an action such as merchant.suspended");
        }
        return new AuditAction(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
