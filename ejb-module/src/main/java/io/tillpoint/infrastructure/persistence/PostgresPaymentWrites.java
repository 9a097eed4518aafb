package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.event.DomainEvent;
import io.tillpoint.domain.model.idempotency.KeyedRequest;
import io.tillpoint.domain.model.idempotency.StoredResponse;
import io.tillpoint.domain.model.ledger.Journal;
import io.tillpoint.domain.model.ledger.Posting;
import io.tillpoint.domain.model.payment.CardSnapshot;
import io.tillpoint.domain.model.payment.Customer;
import io.tillpoint.domain.model.payment.Metadata;
import io.tillpoint.domain.model.payment.Payment;
import io.tillpoint.domain.model.payment.PaymentWrites;
import io.tillpoint.domain.model.risk.RiskAssessment;
import io.tillpoint.domain.shared.UtcTime;
import io.tillpoint.infrastructure.messaging.OutboxDomainEvents;
import io.tillpoint.infrastructure.messaging.RelaySignal;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * A payment's two transactions on PostgreSQL, one SQL statement each (data-modifying
 * {@code WITH}): the claim on the idempotency key and the payment in one, sent alone in
 * autocommit (a single statement is atomic by itself, and the attempt posts nothing to the
 * ledger); the payment's new state, its journal and postings, its event (the outbox row) and the
 * stored response in the other, in the caller's JTA transaction. That is 3 round trips per payment with the JTA
 * commit, where JPA needs 9 (a read between the transactions, then a statement per row): the
 * round trips, more than the rows, were most of the database's work for a payment (see
 * docs/benchmarks.md).
 *
 * <p>The rows are the entities' own: same columns, same values, read back through JPA. The
 * columns written by the second statement are the payment's updatable ones; the entity's
 * version moves on here as JPA would move it.
 */
@ApplicationScoped
public class PostgresPaymentWrites implements PaymentWrites {

    private static final String PAYMENT_COLUMNS = "id, version, merchant_id, status, amount, currency,"
            + " amount_capturable, amount_captured, amount_refunded, capture_mode, reference, description, metadata,"
            + " customer_id, customer_email, customer_ip, customer_country, method_type, card_brand, card_bin,"
            + " card_last4, card_exp_month, card_exp_year, card_country, card_fingerprint,"
            + " card_internal_fingerprint, decline_code, acquirer_reference, authorization_code, challenge_attempts,"
            + " created_at, updated_at, risk_score, risk_decision, risk_rules";
    private static final String PAYMENT_VALUES = "?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

    /**
     * With the payment, its follow-up: the durable note that the acquirer's answer is owed,
     * which the recovery job works from if the answer is not on record in time (also when this
     * instance dies before it records it). The record's id, when keyed, lets recovery complete it.
     */
    private static final String FOLLOW_UP = " insert into acquirer_follow_up (id, kind, payment_id,"
            + " idempotency_record_id, attempts, due_at, created_at) select ?, 'AUTHORIZATION', ?, ?, 0, ?, ? from attempt";

    static final String INSERT_PAYMENT = "with attempt as (insert into payment (" + PAYMENT_COLUMNS + ") values ("
            + PAYMENT_VALUES + ") returning id)" + FOLLOW_UP;

    /** The payment is inserted only if the key was free: no error, no aborted transaction, when it was not. */
    static final String CLAIM_KEY_AND_INSERT_PAYMENT = "with claim as ("
            + "insert into idempotency_record (id, version, owner_id, idem_key, request_hash, completed, created_at)"
            + " values (?, 1, ?, ?, ?, false, ?) on conflict (id) do nothing returning id),"
            + " attempt as (insert into payment (" + PAYMENT_COLUMNS + ") select " + PAYMENT_VALUES
            + " from claim returning id)" + FOLLOW_UP;

    /**
     * With the attempt, in the same statement, the countries of the customer's earlier approved
     * payments (risk control's new-country rule), read from the small table the risk consumer
     * keeps: one index lookup, no round trip of its own.
     */
    private static String readingCustomerCountries(String attempt) {
        int followUp = attempt.indexOf(FOLLOW_UP);
        return attempt.substring(0, followUp) + ", followed_up as (" + FOLLOW_UP + " returning id)"
                + " select (select count(*) from followed_up), array(select country from risk_customer_country"
                + " where merchant_id = ? and customer_id = ?)";
    }

    static final String INSERT_PAYMENT_READING_COUNTRIES = readingCustomerCountries(INSERT_PAYMENT);
    static final String CLAIM_KEY_AND_INSERT_PAYMENT_READING_COUNTRIES =
            readingCustomerCountries(CLAIM_KEY_AND_INSERT_PAYMENT);

    private static final VarHandle VERSION;

    static {
        try {
            VERSION = MethodHandles.privateLookupIn(Payment.class, MethodHandles.lookup())
                    .findVarHandle(Payment.class, "version", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The outcome statement for each shape (postings in the journal, keyed or not). */
    private final Map<Integer, String> outcomeStatements = new ConcurrentHashMap<>();

    private final MetadataConverter metadataColumn = new MetadataConverter();

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    DataSource dataSource;

    /** Told about every event recorded here, so that the relay publishes it once the transaction commits. */
    @Inject
    RelaySignal relay;

    /** Called with no JTA transaction open: the connection is in autocommit, one round trip. */
    @Override
    public Attempt recordAttempt(Payment payment, KeyedRequest keyed, Instant now, Instant recoverAfter,
            boolean readCustomerCountries) {
        boolean countries = readCustomerCountries && payment.customer() != null && payment.customer().id() != null;
        String sql = countries
                ? (keyed == null ? INSERT_PAYMENT_READING_COUNTRIES : CLAIM_KEY_AND_INSERT_PAYMENT_READING_COUNTRIES)
                : (keyed == null ? INSERT_PAYMENT : CLAIM_KEY_AND_INSERT_PAYMENT);
        Attempt attempt;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            Parameters p = new Parameters(statement);
            if (keyed != null) {
                p.text(keyed.recordId()).text(keyed.owner()).text(keyed.key().value()).text(keyed.fingerprint().value())
                        .time(now);
            }
            bindPayment(p, payment);
            p.text(payment.id()).text(payment.id()).text(keyed == null ? null : keyed.recordId()).time(recoverAfter)
                    .time(now);
            if (countries) {
                p.text(payment.merchantId()).text(payment.customer().id());
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    attempt = new Attempt(rs.getInt(1) > 0, strings(rs.getArray(2)));
                }
            } else {
                attempt = new Attempt(statement.executeUpdate() > 0, Set.of());
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not record payment " + payment.id(), e);
        }
        if (attempt.recorded()) {
            VERSION.set(payment, 1L);
        }
        return attempt;
    }

    private static Set<String> strings(Array array) throws SQLException {
        try {
            return Set.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }

    @Override
    public Stored recordOutcome(Payment payment, Journal journal, KeyedRequest keyed, StoredResponse response,
            DomainEvent event, Instant now) {
        int postings = journal == null ? 0 : journal.postings().size();
        boolean answered = !payment.status().awaitsAuthorization();
        String sql = outcomeStatements.computeIfAbsent(
                postings * 8 + (keyed == null ? 0 : 4) + (answered ? 2 : 0) + (event == null ? 0 : 1),
                shape -> outcomeStatement(postings, keyed != null, answered, event != null));
        long version = payment.version();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            Parameters p = new Parameters(statement);
            bindNewState(p, payment);
            if (journal != null) {
                bindJournal(p, journal);
            }
            if (answered) {
                p.text(payment.id());
            }
            if (keyed != null) {
                p.integer(response.status()).text(response.contentType()).text(response.location())
                        .bytes(response.body()).time(now).text(keyed.recordId());
            }
            if (event != null) {
                p.text(event.id().value()).text(event.type().wireName()).text(event.merchantId())
                        .text(event.subjectId()).time(event.createdAt()).text(event.data()).text(event.internal());
            }
            try (ResultSet written = statement.executeQuery()) {
                written.next();
                if (written.getInt(1) == 0) {
                    return Stored.NOTHING_PAYMENT_CHANGED;
                }
                VERSION.set(payment, version + 1);
                if (event != null) {
                    relay.afterCommit();
                }
                return keyed == null || written.getInt(2) == 1 ? Stored.ALL : Stored.WITHOUT_RESPONSE;
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not record the outcome of payment " + payment.id(), e);
        }
    }

    /**
     * The payment's new state if it is still at the version read, and only then the journal and
     * its postings, the end of its follow-up (when {@code answered}: the acquirer's answer is now
     * on record), the key's response and the event; the counts of payments and responses written.
     */
    static String outcomeStatement(int postings, boolean keyed, boolean answered, boolean event) {
        StringBuilder sql = new StringBuilder("with moved as (update payment set status = ?, amount_capturable = ?,"
                + " amount_captured = ?, amount_refunded = ?, decline_code = ?, acquirer_reference = ?,"
                + " authorization_code = ?, challenge_attempts = ?, card_country = ?, updated_at = ?,"
                + " risk_score = ?, risk_decision = ?, risk_rules = ?,"
                + " version = version + 1 where id = ? and version = ? returning id)");
        if (postings > 0) {
            sql.append(", journal as (insert into ledger_journal (id, type, merchant_id, payment_id, created_at)"
                    + " select ?, ?, ?, ?, ? from moved returning id)");
            sql.append(", postings as (insert into ledger_posting (id, journal_id, account, merchant_id, currency,"
                    + " amount) select line.id, journal.id, line.account, line.merchant_id, line.currency, line.amount"
                    + " from journal, (values (?, ?, ?, ?, ?::bigint)");
            sql.append(", (?, ?, ?, ?, ?)".repeat(postings - 1));
            sql.append(") as line (id, account, merchant_id, currency, amount))");
        }
        if (answered) {
            sql.append(", followed_up as (delete from acquirer_follow_up where id = ? and kind = 'AUTHORIZATION'"
                    + " and exists (select from moved))");
        }
        if (keyed) {
            sql.append(", answered as (update idempotency_record set completed = true, response_status = ?,"
                    + " response_content_type = ?, response_location = ?, response_body = ?, completed_at = ?,"
                    + " version = version + 1 where id = ? and completed_at is null and exists (select from moved)"
                    + " returning id)");
        }
        if (event) {
            sql.append(", announced as (").append(OutboxDomainEvents.INSERT_SELECT).append(" from moved)");
        }
        sql.append(" select (select count(*) from moved), ")
                .append(keyed ? "(select count(*) from answered)" : "0");
        return sql.toString();
    }

    private void bindPayment(Parameters p, Payment payment) throws SQLException {
        Customer customer = payment.customer();
        CardSnapshot card = payment.card();
        Metadata metadata = payment.metadata().isEmpty() ? null : new Metadata(payment.metadata());
        p.text(payment.id()).text(payment.merchantId()).text(payment.status().name())
                .number(payment.amount().minorUnits()).text(payment.currency().code())
                .number(payment.amountCapturable()).number(payment.amountCaptured()).number(payment.amountRefunded())
                .text(payment.captureMode().name()).text(payment.reference()).text(payment.description())
                .text(metadataColumn.convertToDatabaseColumn(metadata))
                .text(customer == null ? null : customer.id()).text(customer == null ? null : customer.email())
                .text(customer == null ? null : customer.ip()).text(customer == null ? null : customer.country())
                .text(payment.methodType().name())
                .text(card == null ? null : card.brand()).text(card == null ? null : card.bin())
                .text(card == null ? null : card.last4()).integer(card == null ? null : card.expMonth())
                .integer(card == null ? null : card.expYear()).text(card == null ? null : card.country())
                .text(card == null ? null : card.fingerprint())
                .text(card == null ? null : card.internalFingerprint())
                .text(payment.declineCode() == null ? null : payment.declineCode().name())
                .text(payment.acquirerReference()).text(payment.authorizationCode())
                .integer(payment.challengeAttempts()).time(payment.createdAt()).time(payment.updatedAt());
        bindRisk(p, payment.risk());
    }

    private static void bindRisk(Parameters p, RiskAssessment risk) throws SQLException {
        p.integer(risk == null ? null : risk.score()).text(risk == null ? null : risk.decision().wire())
                .text(risk == null ? null : risk.rulesText());
    }

    private static void bindNewState(Parameters p, Payment payment) throws SQLException {
        CardSnapshot card = payment.card();
        p.text(payment.status().name()).number(payment.amountCapturable()).number(payment.amountCaptured())
                .number(payment.amountRefunded())
                .text(payment.declineCode() == null ? null : payment.declineCode().name())
                .text(payment.acquirerReference()).text(payment.authorizationCode())
                .integer(payment.challengeAttempts()).text(card == null ? null : card.country())
                .time(payment.updatedAt());
        bindRisk(p, payment.risk());
        p.text(payment.id()).number(payment.version());
    }

    private static void bindJournal(Parameters p, Journal journal) throws SQLException {
        p.text(journal.id()).text(journal.type().name()).text(journal.merchantId()).text(journal.paymentId())
                .time(journal.createdAt());
        for (Posting posting : journal.postings()) {
            p.text(posting.id()).text(posting.account().name()).text(journal.merchantId()).text(posting.currency())
                    .number(posting.amount());
        }
    }

    /** Binds a statement's parameters in order. */
    private static final class Parameters {
        private final PreparedStatement statement;
        private int next = 1;

        Parameters(PreparedStatement statement) {
            this.statement = statement;
        }

        Parameters text(String value) throws SQLException {
            if (value == null) {
                statement.setNull(next++, Types.VARCHAR);
            } else {
                statement.setString(next++, value);
            }
            return this;
        }

        Parameters number(long value) throws SQLException {
            statement.setLong(next++, value);
            return this;
        }

        Parameters integer(Integer value) throws SQLException {
            if (value == null) {
                statement.setNull(next++, Types.INTEGER);
            } else {
                statement.setInt(next++, value);
            }
            return this;
        }

        Parameters time(Instant value) throws SQLException {
            statement.setObject(next++, UtcTime.of(value));
            return this;
        }

        Parameters bytes(byte[] value) throws SQLException {
            statement.setBytes(next++, value);
            return this;
        }
    }
}
