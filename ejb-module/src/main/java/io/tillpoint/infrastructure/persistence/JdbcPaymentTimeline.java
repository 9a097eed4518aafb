package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.card.PanMasking;
import io.tillpoint.domain.model.console.PaymentTimeline;
import io.tillpoint.domain.model.console.TimelineEntry;
import io.tillpoint.domain.model.payment.PaymentStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;

/**
 * A payment's timeline from what the gateway keeps about it, each part by an index on the
 * payment's id (or the merchant's deliveries since the payment): the attempt and what risk
 * control decided (the payment's row), the acquirer's answers (the journals they posted, a decline),
 * the review, open recovery work (follow-ups), refunds and four-eyes requests, webhook deliveries
 * of its events, and the audit entries on it. The card only as brand and last four.
 */
@ApplicationScoped
public class JdbcPaymentTimeline implements PaymentTimeline {

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    DataSource dataSource;

    @Override
    public List<TimelineEntry> of(String paymentId) {
        List<TimelineEntry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<Object[]> payment = JdbcRows.list(c, "select merchant_id, status, amount, currency, capture_mode,"
                    + " card_brand, card_last4, risk_score, risk_decision, risk_rules, decline_code, acquirer_reference,"
                    + " authorization_code, created_at, updated_at from payment where id = ?", rs -> new Object[] {
                            rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getObject(8), rs.getString(9), rs.getString(10),
                            rs.getString(11), rs.getString(12), rs.getString(13), JdbcTimes.instant(rs, "created_at"),
                            JdbcTimes.instant(rs, "updated_at") }, paymentId);
            if (payment.isEmpty()) {
                return entries;
            }
            Object[] p = payment.get(0);
            String merchantId = (String) p[0];
            Instant created = (Instant) p[13];
            entries.add(new TimelineEntry(created, "attempt", "authorization asked",
                    p[2] + " " + p[3] + " (minor units), capture " + lower(p[4]) + ", card " + p[5] + " •••• " + p[6]));
            if (p[8] != null) {
                entries.add(new TimelineEntry(created, "risk", "risk decision: " + p[8],
                        "score " + p[7] + (p[9] == null || ((String) p[9]).isEmpty() ? "" : ", rules " + p[9])));
            }
            PaymentStatus status = PaymentStatus.valueOf((String) p[1]);
            if (status == PaymentStatus.DECLINED) {
                entries.add(new TimelineEntry((Instant) p[14], "acquirer", "declined: " + p[10],
                        p[11] == null ? "" : "acquirer reference " + p[11]));
            } else if (p[12] != null) {
                entries.add(new TimelineEntry(created, "acquirer", "approved, authorization code " + p[12],
                        "acquirer reference " + p[11]));
            }
            entries.addAll(JdbcRows.list(c, "select j.id, j.type, j.created_at, string_agg(l.account || ' '"
                    + " || l.amount || ' ' || l.currency, ', ' order by l.account) from ledger_journal j"
                    + " join ledger_posting l on l.journal_id = j.id where j.payment_id = ? group by j.id, j.type, j.created_at",
                    rs -> new TimelineEntry(JdbcTimes.instant(rs, "created_at"), "ledger", "journal " + rs.getString(2),
                            rs.getString(1) + ": " + rs.getString(4)), paymentId));
            entries.addAll(JdbcRows.list(c, "select id, amount, currency, status, reason, created_at from refund"
                    + " where payment_id = ?", rs -> new TimelineEntry(JdbcTimes.instant(rs, "created_at"), "refund",
                            "refund " + rs.getString("status").toLowerCase(), rs.getString("id") + ": " + rs.getLong("amount")
                                    + " " + rs.getString("currency") + text(", ", rs.getString("reason"))), paymentId));
            entries.addAll(JdbcRows.list(c, "select opened_at, decision, decided_at, decided_by, reason from risk_review"
                    + " where payment_id = ?", rs -> new TimelineEntry(JdbcTimes.instant(rs, "opened_at"), "risk",
                            "held for review", ""), paymentId));
            entries.addAll(JdbcRows.list(c, "select decision, decided_at, decided_by, reason from risk_review"
                    + " where payment_id = ? and decided_at is not null", rs -> new TimelineEntry(
                            JdbcTimes.instant(rs, "decided_at"), "risk", "review " + rs.getString("decision"),
                            "by " + rs.getString("decided_by") + text(": ", rs.getString("reason"))), paymentId));
            entries.addAll(JdbcRows.list(c, "select kind, attempts, due_at, last_outcome, created_at from acquirer_follow_up"
                    + " where payment_id = ?", rs -> new TimelineEntry(JdbcTimes.instant(rs, "created_at"), "recovery",
                            "waiting for the acquirer: " + rs.getString("kind").toLowerCase(), rs.getInt("attempts")
                                    + " recovery tries, next at " + JdbcTimes.instant(rs, "due_at")
                                    + text(", last: ", rs.getString("last_outcome"))), paymentId));
            entries.addAll(JdbcRows.list(c, "select id, amount, currency, status, requested_by, requested_at, decided_by,"
                    + " decided_at from refund_approval where payment_id = ?", rs -> new TimelineEntry(
                            JdbcTimes.instant(rs, "requested_at"), "approval", "refund approval " + rs.getString("status"),
                            rs.getString("id") + ": " + rs.getLong("amount") + " " + rs.getString("currency")
                                    + " asked by " + rs.getString("requested_by")
                                    + text(", decided by ", rs.getString("decided_by"))), paymentId));
            entries.addAll(JdbcRows.list(c, "select id, event_type, status, attempts, last_response_status, endpoint_id,"
                    + " created_at from webhook_delivery where merchant_id = ? and created_at >= ?"
                    + " and position(? in body) > 0 order by created_at limit 200", rs -> new TimelineEntry(
                            JdbcTimes.instant(rs, "created_at"), "webhook", "webhook " + rs.getString("event_type") + ": "
                                    + rs.getString("status"), rs.getString("id") + " to " + rs.getString("endpoint_id") + ", "
                                    + rs.getInt("attempts") + " attempts, last answer "
                                    + rs.getObject("last_response_status")), merchantId,
                    JdbcTimes.timestamp(created), "\"" + paymentId + "\""));
            entries.addAll(JdbcRows.list(c, "select action, actor_id, origin_ip, occurred_at from audit_entry"
                    + " where (target_type = 'payment' and target_id = ?) or (target_type = 'refund_approval'"
                    + " and target_id in (select id from refund_approval where payment_id = ?))",
                    rs -> new TimelineEntry(JdbcTimes.instant(rs, "occurred_at"), "audit", rs.getString("action"),
                            "by " + rs.getString("actor_id") + text(" from ", rs.getString("origin_ip"))),
                    paymentId, paymentId));
        } catch (SQLException e) {
            throw new PersistenceException("could not read the timeline of payment " + paymentId, e);
        }
        entries.sort(Comparator.comparing(TimelineEntry::at));
        List<TimelineEntry> masked = new ArrayList<>(entries.size());
        for (TimelineEntry e : entries) {
            masked.add(new TimelineEntry(e.at(), e.kind(), PanMasking.scrub(e.title()), PanMasking.scrub(e.detail())));
        }
        return masked;
    }

    private static String lower(Object o) {
        return o == null ? "" : o.toString().toLowerCase();
    }

    private static String text(String prefix, String value) {
        return value == null || value.isEmpty() ? "" : prefix + value;
    }
}
