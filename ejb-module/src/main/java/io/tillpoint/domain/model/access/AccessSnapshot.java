package io.tillpoint.domain.model.access;

import java.util.Set;

/**
 * The suspended merchants and revoked clients at change number {@link #counter}, as one database
 * statement read them. Every instance keeps the latest in memory, so that a request is checked
 * without a database round trip.
 */
public record AccessSnapshot(long counter, Set<String> suspendedMerchants, Set<String> revokedClients) {

    /** Nobody suspended, nobody revoked: before the first read. */
    public static final AccessSnapshot NONE = new AccessSnapshot(-1, Set.of(), Set.of());

    public AccessSnapshot {
        suspendedMerchants = Set.copyOf(suspendedMerchants);
        revokedClients = Set.copyOf(revokedClients);
    }

    /** A revoked client first (its tokens are not anybody's any more), then its merchant. */
    public AccessVerdict verdictFor(String clientId, String merchantId) {
        if (clientId != null && revokedClients.contains(clientId)) {
            return AccessVerdict.CLIENT_REVOKED;
        }
        if (merchantId != null && suspendedMerchants.contains(merchantId)) {
            return AccessVerdict.MERCHANT_SUSPENDED;
        }
        return AccessVerdict.ALLOWED;
    }

    @Override
    public String toString() {
        return "AccessSnapshot[" + counter + ": " + suspendedMerchants.size() + " suspended, "
                + revokedClients.size() + " revoked]";
    }
}
