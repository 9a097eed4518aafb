package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.merchant.ApiClient;
import io.tillpoint.domain.model.merchant.ConsoleUser;
import io.tillpoint.domain.model.merchant.Merchant;
import io.tillpoint.domain.model.merchant.MerchantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Merchants, API clients and console users in JPA. */
@ApplicationScoped
public class JpaMerchantRepository implements MerchantRepository {

    @PersistenceContext(unitName = "tillpoint")
    private EntityManager em;

    @Override
    public void add(Merchant merchant) {
        em.persist(merchant);
        // EclipseLink orders inserts by entity type, not by foreign keys it cannot see
        // (clients refer to merchants by id only): write the merchant first.
        em.flush();
    }

    @Override
    public Optional<Merchant> find(String merchantId) {
        return Optional.ofNullable(em.find(Merchant.class, merchantId));
    }

    @Override
    public void add(ApiClient client) {
        em.persist(client);
    }

    @Override
    public Optional<ApiClient> findClient(String clientId) {
        return Optional.ofNullable(em.find(ApiClient.class, clientId));
    }

    @Override
    public boolean replaceSecretHash(String clientId, String expected, String replacement) {
        return em.createQuery("update ApiClient c set c.secretHash = :replacement, c.version = c.version + 1"
                        + " where c.clientId = :id and c.secretHash = :expected")
                .setParameter("replacement", replacement)
                .setParameter("id", clientId)
                .setParameter("expected", expected)
                .executeUpdate() == 1;
    }

    @Override
    public void add(ConsoleUser user) {
        em.persist(user);
    }

    @Override
    public Optional<ConsoleUser> findConsoleUser(String username) {
        return Optional.ofNullable(em.find(ConsoleUser.class, username));
    }
}
