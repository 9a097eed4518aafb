/**
 * Work the gateway still owes an acquirer, on record until the acquirer's answer is: unknown
 * authorizations to inquire about, captures, voids, refunds and reversals to send again. The
 * recovery job works from these records (see {@code application.RecoveryService}).
 */
package io.tillpoint.domain.model.recovery;
