package io.tillpoint.infrastructure.connector.sandbox;

import io.tillpoint.domain.model.reconciliation.ClearedTransaction;
import io.tillpoint.domain.model.reconciliation.ClearingFile;
import io.tillpoint.infrastructure.persistence.ApplicationDatabase;
import io.tillpoint.infrastructure.reconciliation.FolderClearingFiles;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The sandbox acquirer's clearing file for a day, in the layout of {@link ClearingFile}, from its own
 * records: each acknowledged capture and refund, and each approved authorization of an
 * automatic-capture payment (a sale) that was neither captured separately, reversed nor voided. A
 * real authorization message carries the sale flag; the sandbox's request does not, so it reads the
 * payment's capture mode, and leaves out sales the gateway holds for review or has not resolved.
 * Told to, it plants mismatches in rows of one merchant and says which.
 */
@ApplicationScoped
public class SandboxClearingFile {

    /** How many mismatches of each kind to plant, in the rows of {@code merchantId}. */
    public record Plan(String merchantId, int dropped, int extra, int amount, int currency, int duplicate) {
    }

    /** A mismatch planted: its kind as reconciliation names it, and the row it is about. */
    public record Planted(String kind, String acquirerReference, String type, String transactionId) {
    }

    public record Written(String file, int rows, List<Planted> planted) {
    }

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    DataSource dataSource;

    @Inject
    FolderClearingFiles folder;

    public Written write(LocalDate day, Plan plan) {
        List<ClearedTransaction> rows = new ArrayList<>();
        List<String> times = new ArrayList<>();
        records(day, rows, times);
        List<Planted> planted = new ArrayList<>();
        if (plan != null) {
            plant(rows, times, plan, planted);
        }
        String date = day.toString();
        StringBuilder out = new StringBuilder(ClearingFile.HEADER).append('\n');
        for (int i = 0; i < rows.size(); i++) {
            out.append(ClearingFile.row(date, rows.get(i), times.get(i))).append('\n');
        }
        out.append(ClearingFile.trailer(date, rows.size())).append('\n');
        String name = folder.write(day, out.toString());
        return new Written(name, rows.size(), planted);
    }

    /** The day's cleared transactions into {@code rows}, the time of each into {@code times}. */
    private void records(LocalDate day, List<ClearedTransaction> rows, List<String> times) {
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("select r.operation_id,"
                + " p.merchant_id, coalesce(r.acquirer_reference, a.acquirer_reference) as reference, r.kind, r.amount,"
                + " r.currency, r.recorded_at from sandbox_acquirer_record r join payment p on p.id = r.payment_id"
                + " left join sandbox_acquirer_record a on a.operation_id = r.payment_id"
                + " where r.recorded_at >= ? and r.recorded_at < ? and r.amount is not null and ("
                + " (r.kind = 'AUTHORIZATION' and r.outcome = 'APPROVED' and p.capture_mode = 'AUTOMATIC'"
                + " and p.status not in ('IN_REVIEW', 'VOIDED', 'PROCESSING', 'UNKNOWN', 'DECLINED')"
                + " and not exists (select 1 from sandbox_acquirer_record o where o.payment_id = r.payment_id"
                + " and o.kind in ('CAPTURE', 'REVERSAL', 'VOID') and o.outcome = 'ACKNOWLEDGED'))"
                + " or (r.kind in ('CAPTURE', 'REFUND') and r.outcome = 'ACKNOWLEDGED'))"
                + " order by r.recorded_at, r.operation_id")) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(from.plusSeconds(86_400)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ClearedTransaction(rs.getString(1), rs.getString(2), rs.getString(3), null,
                            rs.getString(4).equals("REFUND") ? "refund" : "capture", rs.getLong(5), rs.getString(6)));
                    times.add(rs.getTimestamp(7).toInstant().truncatedTo(ChronoUnit.MILLIS).toString());
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not read the sandbox's records", e);
        }
    }

    private static void plant(List<ClearedTransaction> rows, List<String> times, Plan plan, List<Planted> planted) {
        List<Integer> victims = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).merchantId().equals(plan.merchantId())) {
                victims.add(i);
            }
        }
        int needed = plan.dropped() + plan.amount() + plan.currency() + plan.duplicate();
        if (victims.size() < needed) {
            throw new io.tillpoint.domain.shared.InvalidInputException("plant", "the merchant has " + victims.size()
                    + " rows that day, fewer than the " + needed + " mismatches asked for");
        }
        // Every few rows, so that planted rows are spread over the day and never the same row twice.
        int step = Math.max(1, victims.size() / Math.max(1, needed));
        int next = 0;
        List<Integer> drop = new ArrayList<>();
        for (int k = 0; k < plan.amount(); k++, next += step) {
            int i = victims.get(next);
            ClearedTransaction t = rows.get(i);
            rows.set(i, new ClearedTransaction(t.transactionId(), t.merchantId(), t.acquirerReference(), null, t.type(),
                    t.amount() + 1, t.currency()));
            planted.add(new Planted("amount_mismatch", t.acquirerReference(), t.type(), t.transactionId()));
        }
        for (int k = 0; k < plan.currency(); k++, next += step) {
            int i = victims.get(next);
            ClearedTransaction t = rows.get(i);
            rows.set(i, new ClearedTransaction(t.transactionId(), t.merchantId(), t.acquirerReference(), null, t.type(),
                    t.amount(), otherCurrency(t.currency())));
            planted.add(new Planted("currency_mismatch", t.acquirerReference(), t.type(), t.transactionId()));
        }
        for (int k = 0; k < plan.duplicate(); k++, next += step) {
            int i = victims.get(next);
            ClearedTransaction t = rows.get(i);
            rows.add(t);
            times.add(times.get(i));
            planted.add(new Planted("duplicate", t.acquirerReference(), t.type(), t.transactionId()));
        }
        for (int k = 0; k < plan.dropped(); k++, next += step) {
            int i = victims.get(next);
            ClearedTransaction t = rows.get(i);
            drop.add(i);
            planted.add(new Planted("missing_theirs", t.acquirerReference(), t.type(), t.transactionId()));
        }
        drop.sort(java.util.Comparator.reverseOrder());
        for (int i : drop) {
            rows.remove(i);
            times.remove(i);
        }
        for (int k = 0; k < plan.extra(); k++) {
            String reference = "sbx-extra-" + io.tillpoint.domain.shared.Ids.randomToken(12);
            ClearedTransaction t = new ClearedTransaction("op-" + reference, plan.merchantId(), reference, null,
                    "capture", 1000 + k, "USD");
            rows.add(t);
            times.add(times.isEmpty() ? Instant.now().toString() : times.get(times.size() - 1));
            planted.add(new Planted("missing_ours", reference, "capture", t.transactionId()));
        }
    }

    /** Another currency of the same exponent, so that the amount stays the same number of minor units. */
    private static String otherCurrency(String currency) {
        return Map.of("USD", "EUR", "EUR", "USD", "JPY", "KRW", "KRW", "JPY", "BHD", "KWD", "KWD", "BHD")
                .getOrDefault(currency, "USD");
    }
}
