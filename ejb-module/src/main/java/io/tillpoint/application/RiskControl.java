package io.tillpoint.application;

import io.tillpoint.domain.model.card.CardNumber;
import io.tillpoint.domain.model.card.InternalCardFingerprint;
import io.tillpoint.domain.model.payment.Customer;
import io.tillpoint.domain.model.risk.Condition;
import io.tillpoint.domain.model.risk.IpAddress;
import io.tillpoint.domain.model.risk.IpCountries;
import io.tillpoint.domain.model.risk.IssuingCountries;
import io.tillpoint.domain.model.risk.PaymentFacts;
import io.tillpoint.domain.model.risk.RiskChanges;
import io.tillpoint.domain.model.risk.RiskHistory;
import io.tillpoint.domain.model.risk.RiskSnapshot;
import io.tillpoint.domain.model.risk.Screening;
import io.tillpoint.domain.shared.Money;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The synchronous half of risk control: every card payment is screened from memory before the
 * acquirer is called ({@link RiskSnapshot}: freezes, blocklists, the screening rules). Each
 * instance refreshes its copy as {@link AccessControl} does: every {@value #REFRESH_MS} ms it
 * reads the change counter {@code risk_change} by primary key, and reloads everything in one
 * statement when the counter moved (a freeze, lift, blocklist change or rule version commits with
 * its move of the counter) and at least every {@value #MAX_AGE_MS} ms (the merchants' usual
 * amounts change with every payment, without moving it). So a freeze the risk consumer commits at
 * T stops the next attempt on every instance from T + 250 ms plus two short queries on.
 */
@ApplicationScoped
public class RiskControl {

    static final long REFRESH_MS = 250;
    static final long MAX_AGE_MS = 30_000;
    static final long FORGET_MS = 60_000;
    private static final Logger LOG = Logger.getLogger(RiskControl.class.getName());

    @Inject
    RiskChanges changes;

    @Inject
    IpCountries ipCountries;

    @Inject
    IssuingCountries issuingCountries;

    @Inject
    RiskHistory history;

    @Resource
    ManagedThreadFactory threads;

    private PolledSnapshot<RiskSnapshot> risk;
    private ScheduledExecutorService timer;

    /** For CDI. */
    public RiskControl() {
    }

    RiskControl(RiskChanges changes, IpCountries ipCountries, IssuingCountries issuingCountries) {
        this.changes = changes;
        this.ipCountries = ipCountries;
        this.issuingCountries = issuingCountries;
        this.risk = polled(changes);
    }

    private static PolledSnapshot<RiskSnapshot> polled(RiskChanges changes) {
        return new PolledSnapshot<>("the risk rules, blocklists and freezes", RiskSnapshot.NONE, changes::counter,
                changes::snapshot, RiskSnapshot::counter, MAX_AGE_MS);
    }

    @PostConstruct
    void start() {
        risk = polled(changes);
        risk.refreshQuietly();
        timer = Executors.newSingleThreadScheduledExecutor(threads);
        timer.scheduleWithFixedDelay(risk::refreshQuietly, REFRESH_MS, REFRESH_MS, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::forgetOldAttempts, FORGET_MS, FORGET_MS, TimeUnit.MILLISECONDS);
    }

    /** The history keeps an attempt as long as the longest window a rule may count over. */
    private void forgetOldAttempts() {
        try {
            int forgotten = history.forgetBefore(Instant.now().minus(Condition.MAX_WINDOW), 10_000);
            if (forgotten > 0) {
                LOG.fine(() -> "forgot " + forgotten + " risk attempts older than a day");
            }
        } catch (RuntimeException e) {
            LOG.fine(() -> "could not forget old risk attempts: " + e);
        }
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** The card's issuing country as the card range table says (null when it does not). */
    public String issuingCountry(CardNumber number) {
        return issuingCountries.countryOf(number);
    }

    /** The payer's country: the customer's own, or else the one its IP address is in (null when neither). */
    public String payerCountry(String customerCountry, String ip) {
        if (customerCountry != null) {
            return customerCountry;
        }
        return ip == null ? null : ipCountries.countryOf(IpAddress.parse(ip));
    }

    /** Screens a card payment from memory, at {@code now}. */
    public Screening screen(String merchantId, Money amount, InternalCardFingerprint card, String bin,
            String cardCountry, Customer customer, Instant now) {
        PaymentFacts facts = new PaymentFacts(merchantId, amount, card.value(), bin, cardCountry,
                customer == null ? null : customer.id(), customer == null ? null : customer.email(),
                customer == null ? null : customer.ip(),
                customer == null ? null : payerCountry(customer.country(), customer.ip()));
        return risk.current().screen(facts, now);
    }

    /** Reads the counter; reloads when it moved. */
    void refresh() {
        risk.refresh();
    }

    /** The copy in memory now. */
    public RiskSnapshot snapshot() {
        return risk.current();
    }
}
