package io.tillpoint.domain.model.access;

/**
 * Where failed secrets are counted, shared by every instance. Each method is one atomic statement
 * of its own (no transaction of the caller's), so a refused attempt is counted even though the
 * request fails, and two instances counting at once never lose a failure.
 */
public interface AuthenticationAttempts {

    /** Counts a failed secret for {@code clientId} under {@code policy}: the verdict for this attempt. */
    AttemptVerdict failed(String clientId, LockoutPolicy policy);

    /**
     * A right secret for {@code clientId}: forgets its failures and answers {@link AttemptVerdict#ALLOWED},
     * unless it is locked out, which stays as it is ({@link AttemptVerdict#locked}).
     */
    AttemptVerdict succeeded(String clientId);

    /** Forgets tallies whose window and lock-out ended before {@code policy}'s window ago. */
    int forgetQuietOnes(LockoutPolicy policy);
}
