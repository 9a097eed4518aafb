package io.tillpoint.application;

import io.tillpoint.domain.model.access.ClientSecrets;
import io.tillpoint.domain.model.access.SecretMatch;
import io.tillpoint.domain.model.merchant.ApiClient;
import io.tillpoint.domain.model.merchant.ConsoleUser;
import io.tillpoint.domain.model.merchant.MerchantRepository;
import io.tillpoint.domain.shared.Ids;
import io.tillpoint.infrastructure.crypto.SigningKeyRing;
import io.tillpoint.infrastructure.crypto.SecretHasher;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * First-start set-up, after the schema is migrated: the token settings checked, the token keys,
 * the platform API client {@code platform} and the console user {@code admin}. A configured secret
 * ({@code TILLPOINT_PLATFORM_SECRET}, {@code TILLPOINT_ADMIN_PASSWORD}) is authoritative
 * at every start; where none is configured, a random one is generated on first start and
 * handed over once ({@link GeneratedSecrets}: an owner-only file in the data folder that the
 * launcher shows on the terminal), never written to the log.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class Bootstrap {

    public static final String PLATFORM_CLIENT = "platform";
    public static final String ADMIN_USER = "admin";
    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @Inject
    MerchantRepository merchants;

    @Inject
    GeneratedSecrets generatedSecrets;

    @Inject
    SigningKeyRing keys;

    @Inject
    ClientSecrets clientSecrets;

    @Inject
    TokenSettings tokenSettings;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "tillpoint.platform.secret")
    Optional<String> platformSecret;

    @Inject
    @ConfigProperty(name = "tillpoint.admin.password")
    Optional<String> adminPassword;

    @PostConstruct
    void start() {
        tokenSettings.check();
        keys.signingKey();
        List<String> newSecrets = new ArrayList<>();
        Optional<ApiClient> platform = merchants.findClient(PLATFORM_CLIENT);
        String secret = platformSecret.filter(s -> !s.isBlank()).orElse(null);
        if (platform.isEmpty()) {
            boolean generated = secret == null;
            String value = generated ? "ps_" + Ids.randomToken(32) : secret;
            merchants.add(ApiClient.platform(PLATFORM_CLIENT, clientSecrets.hash(PLATFORM_CLIENT, value), clock.now()));
            if (generated) {
                newSecrets.add("platform API client: client_id=" + PLATFORM_CLIENT + " client_secret=" + value
                        + "   (set TILLPOINT_PLATFORM_SECRET to choose it)");
            }
        } else if (secret != null) {
            SecretMatch match = clientSecrets.check(PLATFORM_CLIENT, secret, platform.get().secretHash());
            if (match != SecretMatch.MATCH) {
                platform.get().changeSecret(clientSecrets.hash(PLATFORM_CLIENT, secret));
                LOG.info(match == SecretMatch.NO_MATCH
                        ? "platform client secret changed to the configured TILLPOINT_PLATFORM_SECRET"
                        : "platform client secret is now hashed the current way");
            }
        }

        Optional<ConsoleUser> admin = merchants.findConsoleUser(ADMIN_USER);
        String password = adminPassword.filter(s -> !s.isBlank()).orElse(null);
        if (admin.isEmpty()) {
            boolean generated = password == null;
            String value = generated ? Ids.randomToken(20) : password;
            merchants.add(ConsoleUser.administrator(ADMIN_USER, SecretHasher.hash(value), clock.now()));
            if (generated) {
                newSecrets.add("console user: " + ADMIN_USER + " password=" + value
                        + "   (set TILLPOINT_ADMIN_PASSWORD to choose it)");
            }
        } else if (password != null && (SecretHasher.needsRehash(admin.get().passwordHash())
                || !SecretHasher.matches(password, admin.get().passwordHash()))) {
            admin.get().changePassword(SecretHasher.hash(password));
            LOG.info("console admin password set to the configured TILLPOINT_ADMIN_PASSWORD ("
                    + SecretHasher.ITERATIONS + " PBKDF2 iterations)");
        }
        generatedSecrets.handOver(newSecrets);
    }
}
