package io.tillpoint.domain.model.merchant;

import java.util.List;
import java.util.Optional;

/** Where merchants, API clients and console users are kept. */
public interface MerchantRepository {

    void add(Merchant merchant);

    Optional<Merchant> find(String merchantId);

    void add(ApiClient client);

    Optional<ApiClient> findClient(String clientId);

    /**
     * Replaces a client's secret hash if it is still {@code expected} (one conditional update:
     * of two instances upgrading the same hash, one writes); false when it had changed.
     */
    boolean replaceSecretHash(String clientId, String expected, String replacement);

    void add(ConsoleUser user);

    Optional<ConsoleUser> findConsoleUser(String username);

    /** The console user, locked until the transaction ends (a sign-in counts its failures on it). */
    Optional<ConsoleUser> lockConsoleUser(String username);

    /** Every console user, by user name. */
    List<ConsoleUser> consoleUsers();

    /** The merchant's API clients, newest first. */
    List<ApiClient> clientsOf(String merchantId);

    /** A page of merchants, newest first. */
    List<Merchant> list(int offset, int limit);
}
