package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.merchant.ApiClient;
import io.tillpoint.domain.model.merchant.ConsoleUser;
import io.tillpoint.domain.model.merchant.Merchant;
import io.tillpoint.domain.model.merchant.MerchantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
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

    @Override
    public Optional<ConsoleUser> lockConsoleUser(String username) {
        return Optional.ofNullable(em.find(ConsoleUser.class, username, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<ConsoleUser> consoleUsers() {
        return em.createQuery("select u from ConsoleUser u order by u.username", ConsoleUser.class).getResultList();
    }

    @Override
    public List<ApiClient> clientsOf(String merchantId) {
        return em.createQuery("select c from ApiClient c where c.merchantId = :m order by c.createdAt desc", ApiClient.class)
                .setParameter("m", merchantId).getResultList();
    }

    @Override
    public List<Merchant> list(int offset, int limit) {
        return em.createQuery("select m from Merchant m order by m.createdAt desc, m.id desc", Merchant.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }
}
