package io.tillpoint.domain.model.merchant;

import java.util.Optional;

/** Where merchants, API clients and console users are kept. */
public interface MerchantRepository {

    void add(Merchant merchant);

    Optional<Merchant> find(String merchantId);

    void add(ApiClient client);

    Optional<ApiClient> findClient(String clientId);

    void add(ConsoleUser user);

    Optional<ConsoleUser> findConsoleUser(String username);
}
