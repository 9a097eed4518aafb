package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.webhook.WebhookDeliveries;
import io.tillpoint.domain.model.webhook.WebhookDelivery;
import io.tillpoint.domain.shared.UtcTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Webhook deliveries in PostgreSQL. An event's delivery is inserted with {@code ON CONFLICT DO
 * NOTHING} on its endpoint and event (the partial unique index {@code webhook_delivery_once}), so
 * an event handed over twice makes one delivery. A claim is one statement, as recovery's: the due
 * rows through the partial index {@code webhook_delivery_due}, locked with {@code FOR UPDATE SKIP
 * LOCKED} (rows another sender is claiming are passed over, not waited for), moved to the end of
 * the lease with their attempt counted and their version moved on (so a sender whose lease ran
 * out cannot record over the next one's attempt).
 */
@ApplicationScoped
public class JpaWebhookDeliveries implements WebhookDeliveries {

    static final String INSERT_ONCE = "insert into webhook_delivery (id, version, endpoint_id, merchant_id, event_id,"
            + " event_type, body, status, attempts, next_attempt_at, created_at, updated_at)"
            + " values (?1, 1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8, ?9, ?9)"
            + " on conflict (endpoint_id, event_id) where redelivery_of is null do nothing";

    static final String CLAIM_ONE = "update webhook_delivery"
            + " set next_attempt_at = ?1, attempts = attempts + 1, version = version + 1"
            + " where id = (select id from webhook_delivery where id = ?2 and status = 'pending' and next_attempt_at <= ?3"
            + " for update skip locked) returning id";

    static final String CLAIM_DUE = "update webhook_delivery"
            + " set next_attempt_at = ?1, attempts = attempts + 1, version = version + 1"
            + " where id in (select id from webhook_delivery where status = 'pending' and next_attempt_at <= ?2"
            + " order by next_attempt_at limit ?3 for update skip locked) returning id";

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Override
    public boolean addOnce(WebhookDelivery d) {
        return em.createNativeQuery(INSERT_ONCE)
                .setParameter(1, d.id())
                .setParameter(2, d.endpointId())
                .setParameter(3, d.merchantId())
                .setParameter(4, d.eventId())
                .setParameter(5, d.eventType())
                .setParameter(6, d.body())
                .setParameter(7, d.status().wire())
                .setParameter(8, UtcTime.of(d.nextAttemptAt()))
                .setParameter(9, UtcTime.of(d.createdAt()))
                .executeUpdate() == 1;
    }

    @Override
    public void add(WebhookDelivery delivery) {
        em.persist(delivery);
    }

    @Override
    public Optional<WebhookDelivery> find(String merchantId, String id) {
        return byId(id).filter(d -> d.merchantId().equals(merchantId));
    }

    @Override
    public Optional<WebhookDelivery> byId(String id) {
        return Optional.ofNullable(em.find(WebhookDelivery.class, id));
    }

    @Override
    public List<WebhookDelivery> ofEndpoint(String endpointId, WebhookDelivery startingAfter, int limit) {
        String jpql = "select d from WebhookDelivery d where d.endpointId = :endpoint"
                + (startingAfter == null ? ""
                        : " and (d.createdAt < :cursorAt or (d.createdAt = :cursorAt and d.id < :cursorId))")
                + " order by d.createdAt desc, d.id desc";
        var query = em.createQuery(jpql, WebhookDelivery.class).setParameter("endpoint", endpointId);
        if (startingAfter != null) {
            query.setParameter("cursorAt", UtcTime.of(startingAfter.createdAt()))
                    .setParameter("cursorId", startingAfter.id());
        }
        return query.setMaxResults(limit).getResultList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<WebhookDelivery> claim(String id, Instant now, Instant leaseEnd) {
        List<String> claimed = em.createNativeQuery(CLAIM_ONE)
                .setParameter(1, UtcTime.of(leaseEnd))
                .setParameter(2, id)
                .setParameter(3, UtcTime.of(now))
                .getResultList();
        return claimed.isEmpty() ? Optional.empty() : byId(id);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<WebhookDelivery> claimDue(Instant now, Instant leaseEnd, int limit) {
        List<String> ids = em.createNativeQuery(CLAIM_DUE)
                .setParameter(1, UtcTime.of(leaseEnd))
                .setParameter(2, UtcTime.of(now))
                .setParameter(3, limit)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select d from WebhookDelivery d where d.id in :ids order by d.createdAt",
                        WebhookDelivery.class)
                .setParameter("ids", ids)
                .getResultList();
    }
}
