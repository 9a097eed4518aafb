package io.tillpoint.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.domain.model.event.DomainEvent;
import io.tillpoint.domain.model.event.EventId;
import io.tillpoint.domain.model.event.EventType;
import io.tillpoint.domain.model.webhook.SubscribedEvents;
import io.tillpoint.domain.model.webhook.WebhookDeliveries;
import io.tillpoint.domain.model.webhook.WebhookDelivery;
import io.tillpoint.domain.model.webhook.WebhookEndpoint;
import io.tillpoint.domain.model.webhook.WebhookEndpoints;
import io.tillpoint.domain.model.webhook.WebhookUrl;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook queue's consumer logic: one delivery per endpoint of the event's merchant that
 * receives its type, with exactly the body the contract names, and an event handed over again
 * makes none.
 */
class WebhookFanOutTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:00:00.123456Z");
    private static final String PAYMENT = "{\"id\":\"pay_1\",\"object\":\"payment\",\"status\":\"captured\",\"amount\":1999,"
            + "\"payment_method\":{\"type\":\"card\",\"card\":{\"brand\":\"visa\",\"last4\":\"4242\"}}}";
    private static final String INTERNAL = "{\"card_fingerprint\":\"i1.secretfingerprint\",\"customer_ip\":\"203.0.113.9\"}";

    private final InMemoryEndpoints endpoints = new InMemoryEndpoints();
    private final InMemoryDeliveries deliveries = new InMemoryDeliveries();
    private final List<DeliveriesCreated> fired = new ArrayList<>();
    private final WebhookFanOut fanOut = new WebhookFanOut();

    @BeforeEach
    void wire() {
        fanOut.endpoints = endpoints;
        fanOut.deliveries = deliveries;
        fanOut.created = new Recorded(fired);
        fanOut.clock = new Clock();
    }

    private WebhookEndpoint endpoint(String merchant, String... events) {
        WebhookEndpoint e = WebhookEndpoint.register(WebhookEndpoint.newId(), merchant,
                WebhookUrl.parse("https://hooks.example.com/" + merchant), SubscribedEvents.of(List.of(events)), "s", AT);
        endpoints.add(e);
        return e;
    }

    private static DomainEvent event(EventType type, String merchant) {
        return new DomainEvent(EventId.generate(), type, merchant, "pay_1", AT, PAYMENT, INTERNAL);
    }

    @Test
    void eachEndpointOfTheMerchantThatReceivesTheTypeGetsOneDelivery() {
        WebhookEndpoint captures = endpoint("mer_a", "payment.captured");
        WebhookEndpoint both = endpoint("mer_a", "payment.authorized", "payment.captured");
        endpoint("mer_a", "payment.refunded");
        endpoint("mer_b", "payment.captured");

        int made = fanOut.deliver(event(EventType.PAYMENT_CAPTURED, "mer_a"));

        assertThat(made).isEqualTo(2);
        assertThat(deliveries.all()).extracting(WebhookDelivery::endpointId)
                .containsExactlyInAnyOrder(captures.id(), both.id());
        assertThat(fired).hasSize(1);
        assertThat(fired.get(0).deliveryIds()).containsExactlyElementsOf(
                deliveries.all().stream().map(WebhookDelivery::id).toList());
    }

    @Test
    void theBodyIsIdTypeCreatedAtAndDataAndNeverTheInternalPart() {
        endpoint("mer_a", "payment.captured");
        DomainEvent event = event(EventType.PAYMENT_CAPTURED, "mer_a");

        fanOut.deliver(event);

        String body = deliveries.all().get(0).body();
        assertThat(body).isEqualTo("{\"id\":\"" + event.id().value() + "\",\"type\":\"payment.captured\","
                + "\"created_at\":\"2026-11-25T10:00:00Z\",\"data\":" + PAYMENT + "}");
        assertThat(body).doesNotContain("internal").doesNotContain("secretfingerprint").doesNotContain("203.0.113.9");
    }

    @Test
    void anEventHandedOverAgainMakesNoSecondDelivery() {
        endpoint("mer_a", "payment.captured");
        DomainEvent event = event(EventType.PAYMENT_CAPTURED, "mer_a");

        assertThat(fanOut.deliver(event)).isEqualTo(1);
        assertThat(fanOut.deliver(event)).isZero();

        assertThat(deliveries.all()).hasSize(1);
        assertThat(fired).hasSize(1);
    }

    @Test
    void internalEventsAndEventsOfMerchantsWithoutEndpointsMakeNothing() {
        endpoint("mer_a", "payment.captured", "payment.authorized");

        assertThat(fanOut.deliver(event(EventType.PAYMENT_PROCESSING, "mer_a"))).isZero();
        assertThat(fanOut.deliver(event(EventType.REFUND_SUCCEEDED, "mer_a"))).isZero();
        assertThat(fanOut.deliver(event(EventType.PAYMENT_CAPTURED, "mer_nobody"))).isZero();

        assertThat(deliveries.all()).isEmpty();
        assertThat(fired).isEmpty();
    }

    @Test
    void aBatchReadsTheEndpointsOnceAndDeliversEachEventToItsOwnMerchantsEndpoints() {
        WebhookEndpoint a = endpoint("mer_a", "payment.captured");
        WebhookEndpoint b = endpoint("mer_b", "payment.captured", "payment.declined");
        endpoint("mer_c", "payment.captured");
        DomainEvent first = event(EventType.PAYMENT_CAPTURED, "mer_a");
        DomainEvent second = event(EventType.PAYMENT_DECLINED, "mer_b");
        DomainEvent unseen = event(EventType.PAYMENT_DECLINED, "mer_a");
        DomainEvent internal = event(EventType.PAYMENT_PROCESSING, "mer_c");

        int made = fanOut.deliverAll(List.of(first, second, unseen, internal));

        assertThat(made).isEqualTo(2);
        assertThat(endpoints.reads).isEqualTo(1);
        assertThat(deliveries.all()).extracting(d -> d.endpointId() + " " + d.eventId())
                .containsExactly(a.id() + " " + first.id().value(), b.id() + " " + second.id().value());
        assertThat(fired).hasSize(1);
    }

    static final class InMemoryEndpoints implements WebhookEndpoints {
        final List<WebhookEndpoint> all = new ArrayList<>();
        int reads;

        @Override
        public void add(WebhookEndpoint endpoint) {
            all.add(endpoint);
        }

        @Override
        public Optional<WebhookEndpoint> find(String merchantId, String id) {
            return byId(id).filter(e -> e.merchantId().equals(merchantId));
        }

        @Override
        public Optional<WebhookEndpoint> byId(String id) {
            return all.stream().filter(e -> e.id().equals(id)).findFirst();
        }

        @Override
        public List<WebhookEndpoint> ofMerchant(String merchantId) {
            return all.stream().filter(e -> e.merchantId().equals(merchantId)).toList();
        }

        @Override
        public List<WebhookEndpoint> ofMerchants(Set<String> merchantIds) {
            reads++;
            return all.stream().filter(e -> merchantIds.contains(e.merchantId())).toList();
        }
    }

    /** Keeps the database's rule: one delivery per endpoint and event, redeliveries aside. */
    static final class InMemoryDeliveries implements WebhookDeliveries {
        private final Map<String, WebhookDelivery> byId = new LinkedHashMap<>();

        List<WebhookDelivery> all() {
            return List.copyOf(byId.values());
        }

        @Override
        public boolean addOnce(WebhookDelivery d) {
            boolean seen = byId.values().stream().anyMatch(o -> o.redeliveryOf() == null
                    && o.endpointId().equals(d.endpointId()) && o.eventId().equals(d.eventId()));
            if (!seen) {
                byId.put(d.id(), d);
            }
            return !seen;
        }

        @Override
        public void add(WebhookDelivery d) {
            byId.put(d.id(), d);
        }

        @Override
        public Optional<WebhookDelivery> find(String merchantId, String id) {
            return byId(id).filter(d -> d.merchantId().equals(merchantId));
        }

        @Override
        public Optional<WebhookDelivery> byId(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public List<WebhookDelivery> ofEndpoint(String endpointId, WebhookDelivery startingAfter, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<WebhookDelivery> claim(String id, Instant now, Instant leaseEnd) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<WebhookDelivery> claimDue(Instant now, Instant leaseEnd, int limit) {
            throw new UnsupportedOperationException();
        }
    }

    /** A CDI event that keeps what was fired. */
    record Recorded(List<DeliveriesCreated> fired) implements Event<DeliveriesCreated> {

        @Override
        public void fire(DeliveriesCreated event) {
            fired.add(event);
        }

        @Override
        public <U extends DeliveriesCreated> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends DeliveriesCreated> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<DeliveriesCreated> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends DeliveriesCreated> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends DeliveriesCreated> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
