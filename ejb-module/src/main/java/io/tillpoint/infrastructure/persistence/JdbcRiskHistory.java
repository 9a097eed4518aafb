package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.risk.AmountsByCurrency;
import io.tillpoint.domain.model.risk.RiskHistory;
import io.tillpoint.domain.model.risk.SubjectKind;
import io.tillpoint.domain.model.risk.VelocityCount;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The risk consumer's history: {@code risk_attempt} (one row per payment outcome, counted by the
 * velocity rules through one index per subject), with {@code risk_merchant_amount} and
 * {@code risk_customer_country} written in the same statement, on the connection of the
 * consumer's transaction.
 */
@ApplicationScoped
public class JdbcRiskHistory implements RiskHistory {

    /**
     * The attempt, once per payment, and only with it what an approval teaches: the merchant's
     * usual amounts ({@link io.tillpoint.domain.model.risk.MerchantAmounts#with} in SQL: in
     * {@code DO UPDATE SET} every {@code a.} is the row before and {@code excluded.log_mean} the new
     * amount's logarithm; the row's lock makes two consumers' additions count one after the other)
     * and the customer's country. One statement, one round trip. Parameters: the attempt's eleven;
     * then merchant, currency, amount, time, approved; then merchant, customer, country, time, learn.
     */
    static final String RECORD = """
            with attempt as (
                insert into risk_attempt (payment_id, merchant_id, card_fingerprint, card_bin, customer_id,
                        customer_ip, amount, currency, approved, decline_code, attempted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (payment_id) do nothing returning payment_id),
            usual as (
                insert into risk_merchant_amount as a (merchant_id, currency, payments, log_mean, log_m2, updated_at)
                select ?, ?, 1, ln(?::float8), 0, ? from attempt where ?
                on conflict (merchant_id, currency) do update set
                    payments = a.payments + 1,
                    log_mean = a.log_mean + (excluded.log_mean - a.log_mean) / (a.payments + 1),
                    log_m2 = a.log_m2 + (excluded.log_mean - a.log_mean)
                             * (excluded.log_mean - (a.log_mean + (excluded.log_mean - a.log_mean) / (a.payments + 1))),
                    updated_at = excluded.updated_at),
            country as (
                insert into risk_customer_country (merchant_id, customer_id, country, first_seen_at)
                select ?, ?, ?, ? from attempt where ? on conflict do nothing)
            select count(*) from attempt""";

    /**
     * {@link #RECORD} for a batch in one statement. The batch comes as one array per column; the
     * first outcome of each payment in it counts (its position, {@code n}). The merchants' usual
     * amounts learn the batch's approvals per merchant and currency at once: the new attempts'
     * count, mean and sum of squared deviations of the logarithm merged into the row's
     * (Chan et al.'s pairwise update, the same result as adding them one by one), so that one
     * row is updated once per statement.
     */
    static final String RECORD_ALL = """
            with input as (
                select distinct on (payment_id) * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                        ?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[], ?::boolean[], ?::varchar[],
                        ?::timestamptz[], ?::varchar[]) with ordinality
                    as t(payment_id, merchant_id, card_fingerprint, card_bin, customer_id, customer_ip, amount,
                        currency, approved, decline_code, attempted_at, payer_country, n)
                order by payment_id, n),
            attempt as (
                insert into risk_attempt (payment_id, merchant_id, card_fingerprint, card_bin, customer_id,
                        customer_ip, amount, currency, approved, decline_code, attempted_at)
                select payment_id, merchant_id, card_fingerprint, card_bin, customer_id, customer_ip, amount,
                        currency, approved, decline_code, attempted_at from input order by payment_id
                on conflict (payment_id) do nothing returning payment_id),
            learnt as (select input.* from input join attempt using (payment_id) where input.approved),
            batch as (
                select merchant_id, currency, count(*) as payments, avg(ln(amount::float8)) as log_mean,
                        var_pop(ln(amount::float8)) * count(*) as log_m2, max(attempted_at) as updated_at
                from learnt group by merchant_id, currency),
            usual as (
                insert into risk_merchant_amount as a (merchant_id, currency, payments, log_mean, log_m2, updated_at)
                select merchant_id, currency, payments, log_mean, log_m2, updated_at from batch
                order by merchant_id, currency
                on conflict (merchant_id, currency) do update set
                    payments = a.payments + excluded.payments,
                    log_mean = a.log_mean + (excluded.log_mean - a.log_mean) * excluded.payments
                               / (a.payments + excluded.payments),
                    log_m2 = a.log_m2 + excluded.log_m2 + (excluded.log_mean - a.log_mean) * (excluded.log_mean - a.log_mean)
                             * a.payments * excluded.payments / (a.payments + excluded.payments),
                    updated_at = excluded.updated_at),
            country as (
                insert into risk_customer_country (merchant_id, customer_id, country, first_seen_at)
                select merchant_id, customer_id, payer_country, min(attempted_at) from learnt
                where customer_id is not null and payer_country is not null
                group by merchant_id, customer_id, payer_country
                on conflict do nothing)
            select payment_id from attempt""";

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    DataSource dataSource;

    @Override
    public boolean record(Attempt a, String payerCountry) {
        boolean learnCountry = a.approved() && payerCountry != null && a.customerId() != null;
        Timestamp at = Timestamp.from(a.at());
        return JdbcRows.count(dataSource, "the attempt of payment " + a.paymentId(), RECORD, a.paymentId(),
                a.merchantId(), a.cardFingerprint(), a.bin(), a.customerId(), a.ip(), a.amount(), a.currency(),
                a.approved(), a.declineCode(), at, a.merchantId(), a.currency(), a.amount(), at, a.approved(),
                a.merchantId(), a.customerId(), payerCountry, at, learnCountry) == 1;
    }

    @Override
    public Set<String> recordAll(List<Recorded> attempts) {
        if (attempts.isEmpty()) {
            return Set.of();
        }
        int n = attempts.size();
        String[][] texts = new String[10][n];
        Long[] amounts = new Long[n];
        Boolean[] approved = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Attempt a = attempts.get(i).attempt();
            String[] row = {a.paymentId(), a.merchantId(), a.cardFingerprint(), a.bin(), a.customerId(), a.ip(),
                a.currency(), a.declineCode(), a.at().toString(), attempts.get(i).payerCountry()};
            for (int column = 0; column < row.length; column++) {
                texts[column][i] = row[column];
            }
            amounts[i] = a.amount();
            approved[i] = a.approved();
        }
        Set<String> recorded = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(RECORD_ALL)) {
            // The parameters in RECORD_ALL's order: six texts, the amounts, a text, approved, three texts.
            for (int column = 0; column < 6; column++) {
                s.setArray(column + 1, c.createArrayOf("varchar", texts[column]));
            }
            s.setArray(7, c.createArrayOf("bigint", amounts));
            s.setArray(8, c.createArrayOf("varchar", texts[6]));
            s.setArray(9, c.createArrayOf("boolean", approved));
            for (int column = 7; column < 10; column++) {
                s.setArray(column + 3, c.createArrayOf("varchar", texts[column]));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    recorded.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not record the attempts of " + n + " payments", e);
        }
        return recorded;
    }

    @Override
    public VelocityCount count(SubjectKind kind, String value, String merchantId, Instant from, Instant to,
            AmountsByCurrency smallOnly) {
        StringBuilder sql = new StringBuilder("select count(*), count(*) filter (where not approved),"
                + " count(distinct card_fingerprint) from risk_attempt a");
        List<Object> params = new ArrayList<>();
        if (smallOnly != null) {
            sql.append(" join (values ");
            boolean first = true;
            for (Map.Entry<String, Long> e : smallOnly.sorted().entrySet()) {
                sql.append(first ? "" : ", ").append("(?, ?::bigint)");
                params.add(e.getKey());
                params.add(e.getValue());
                first = false;
            }
            sql.append(") as small (currency, at_most) on small.currency = a.currency and a.amount <= small.at_most");
        }
        switch (kind) {
            case CARD -> {
                sql.append(" where a.card_fingerprint = ?");
                params.add(value);
                if (merchantId != null) {
                    sql.append(" and a.merchant_id = ?");
                    params.add(merchantId);
                }
            }
            case CUSTOMER -> {
                sql.append(" where a.merchant_id = ? and a.customer_id = ?");
                params.add(merchantId);
                params.add(value);
            }
            case IP -> {
                sql.append(" where a.customer_ip = ?");
                params.add(value);
            }
            case MERCHANT -> {
                sql.append(" where a.merchant_id = ?");
                params.add(value);
            }
        }
        sql.append(" and a.attempted_at > ? and a.attempted_at <= ?");
        params.add(Timestamp.from(from));
        params.add(Timestamp.from(to));
        return JdbcRows.list(dataSource, "the attempts of a " + kind.wire(), sql.toString(),
                rs -> new VelocityCount(rs.getLong(1), rs.getLong(2), rs.getLong(3)), params.toArray()).get(0);
    }

    @Override
    public int forgetBefore(Instant cutoff, int limit) {
        return JdbcRows.update(dataSource, "forget old attempts", "delete from risk_attempt where payment_id in"
                + " (select payment_id from risk_attempt where attempted_at < ? limit ?)", Timestamp.from(cutoff), limit);
    }
}
