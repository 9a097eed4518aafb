package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.webhook.WebhookEndpoint;
import io.tillpoint.domain.model.webhook.WebhookEndpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Webhook endpoints in JPA. A merchant has at most {@link #MOST_PER_MERCHANT}: all of them are one index range. */
@ApplicationScoped
public class JpaWebhookEndpoints implements WebhookEndpoints {

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Override
    public void add(WebhookEndpoint endpoint) {
        em.persist(endpoint);
    }

    @Override
    public Optional<WebhookEndpoint> find(String merchantId, String id) {
        return byId(id).filter(e -> e.merchantId().equals(merchantId));
    }

    @Override
    public Optional<WebhookEndpoint> byId(String id) {
        return Optional.ofNullable(em.find(WebhookEndpoint.class, id));
    }

    @Override
    public List<WebhookEndpoint> ofMerchant(String merchantId) {
        return em.createQuery("select e from WebhookEndpoint e where e.merchantId = :merchant"
                        + " order by e.createdAt desc, e.id desc", WebhookEndpoint.class)
                .setParameter("merchant", merchantId)
                .getResultList();
    }

    @Override
    public List<WebhookEndpoint> ofMerchants(Set<String> merchantIds) {
        if (merchantIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select e from WebhookEndpoint e where e.merchantId in :merchants", WebhookEndpoint.class)
                .setParameter("merchants", merchantIds)
                .getResultList();
    }
}
