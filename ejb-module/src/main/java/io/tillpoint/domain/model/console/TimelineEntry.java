package io.tillpoint.domain.model.console;

import java.time.Instant;

/**
 * One step in a payment's life as the console shows it: when, of which kind (attempt, acquirer,
 * risk, recovery, ledger, refund, approval, webhook, audit), a short title and its details.
 */
public record TimelineEntry(Instant at, String kind, String title, String detail) {
}
