package io.tillpoint.domain.model.reconciliation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One reconciliation of a day's clearing file (of every merchant, or of one when {@code merchantId} is set):
 * its state ({@code requested}, {@code started}, {@code completed}, {@code failed}), how many rows it read
 * and transactions of ours it matched them with, and how many exceptions it found.
 */
public record ReconciliationRun(String id, LocalDate day, String merchantId, String status, String requestedBy, Instant requestedAt,
        Long executionId, int fileRows, int ourTransactions, int exceptions, String failure, Instant completedAt) {
}
