package io.tillpoint.application;

import io.tillpoint.domain.model.webhook.DeliveryAttempt;
import io.tillpoint.domain.model.webhook.ReceiverAddresses;
import io.tillpoint.domain.model.webhook.WebhookSignature;
import io.tillpoint.domain.model.webhook.WebhookTransport;
import io.tillpoint.domain.shared.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Sends deliveries on threads of its own, at most {@link WebhookSettings#senders()} at once per
 * instance, so a slow or failing receiver never holds a payment's thread, connection or turn. A
 * delivery is sent right after the transaction that made it commits; the deliveries due again
 * (retries, and those whose sender died or found no free slot) are claimed by every instance's
 * {@link WebhookSchedule}. Each attempt: claim (a short transaction), check the URL's addresses
 * again (a name may point elsewhere by now), sign with the attempt's time, POST with no
 * transaction open, record the outcome (another short transaction).
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
    static final String USER_AGENT = "Tillpoint-Webhooks/1";

    @Resource
    ManagedThreadFactory threads;

    @EJB
    WebhookDispatch dispatch;

    @Inject
    WebhookTransport transport;

    @Inject
    ReceiverAddresses addresses;

    @Inject
    WebhookSettings settings;

    private ThreadPoolExecutor pool;
    private Semaphore free;

    @PostConstruct
    void start() {
        int senders = settings.senders();
        pool = new ThreadPoolExecutor(senders, senders, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        pool.allowCoreThreadTimeOut(true);
        free = new Semaphore(senders);
    }

    @PreDestroy
    void stop() {
        // An attempt cut short here stays claimed until its lease ends; then any instance sends it.
        pool.shutdownNow();
    }

    /** After the transaction that made deliveries commits: send them now, as far as slots are free. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesCreated created) {
        sendNow(created.deliveryIds());
    }

    /** Sends these deliveries now, each in a free slot; those that find none are left to the schedule. */
    public void sendNow(List<String> deliveryIds) {
        for (String id : deliveryIds) {
            if (!free.tryAcquire()) {
                LOG.fine(() -> "all webhook senders busy: delivery " + id + " waits for the next round");
                return;
            }
            run(() -> dispatch.claim(id).ifPresent(this::attempt));
        }
    }

    /** Claims as many due deliveries as there are free slots and sends them; how many it took. */
    public int sendDue() {
        int slots = free.drainPermits();
        if (slots == 0) {
            return 0;
        }
        List<ClaimedDelivery> claimed;
        try {
            claimed = dispatch.claimDue(slots);
        } catch (RuntimeException e) {
            free.release(slots);
            throw e;
        }
        free.release(slots - claimed.size());
        for (ClaimedDelivery delivery : claimed) {
            run(() -> attempt(delivery));
        }
        return claimed.size();
    }

    /** Runs {@code work} in the slot taken for it, and gives the slot back. */
    private void run(Runnable work) {
        try {
            pool.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.warning(() -> "a webhook attempt failed (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "); the delivery is due again when its lease ends");
                } finally {
                    free.release();
                }
            });
        } catch (RejectedExecutionException stopping) {
            free.release();
        }
    }

    void attempt(ClaimedDelivery delivery) {
        DeliveryAttempt outcome;
        try {
            List<InetAddress> allowed = addresses.check(delivery.url());
            byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
            outcome = transport.post(delivery.url(), allowed.get(0), headers(delivery, body), body, settings.timeout());
        } catch (InvalidInputException refused) {
            outcome = DeliveryAttempt.noAnswer("not sent: the URL " + refused.getMessage());
        }
        dispatch.record(delivery.id(), delivery.attempt(), outcome);
    }

    static Map<String, String> headers(ClaimedDelivery delivery, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", USER_AGENT);
        headers.put(WebhookSignature.HEADER,
                WebhookSignature.header(System.currentTimeMillis() / 1000, body, delivery.secrets()));
        headers.put("Tillpoint-Event-Id", delivery.eventId());
        headers.put("Tillpoint-Delivery-Id", delivery.id());
        return headers;
    }
}
