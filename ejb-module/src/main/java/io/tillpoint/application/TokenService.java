package io.tillpoint.application;

import io.tillpoint.domain.model.merchant.ApiClient;
import io.tillpoint.domain.model.merchant.MerchantRepository;
import io.tillpoint.domain.shared.Ids;
import io.tillpoint.infrastructure.crypto.JwtSigner;
import io.tillpoint.infrastructure.crypto.SecretHasher;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import io.tillpoint.infrastructure.json.Jsons;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** OAuth2 client credentials grant: checks the client's secret and issues an RS256 JWT. */
@Stateless
public class TokenService {

    @Inject
    MerchantRepository merchants;

    @Inject
    JwtSigner signer;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "tillpoint.token.issuer", defaultValue = "tillpoint")
    String issuer;

    @Inject
    @ConfigProperty(name = "tillpoint.token.ttl-seconds", defaultValue = "3600")
    long ttlSeconds;

    public AccessToken issue(String clientId, String clientSecret) {
        if (clientId == null || clientSecret == null || clientId.length() > 64) {
            throw new InvalidClientException();
        }
        ApiClient client = merchants.findClient(clientId)
                .filter(ApiClient::active)
                .filter(c -> SecretHasher.matches(clientSecret, c.secretHash()))
                .orElseThrow(InvalidClientException::new);
        Instant now = clock.now();
        JsonObjectBuilder claims = Jsons.object()
                .add("iss", issuer)
                .add("sub", client.clientId())
                .add("upn", client.clientId())
                .add("groups", Jsons.array().add(client.role().groupName()))
                .add("iat", now.getEpochSecond())
                .add("exp", now.getEpochSecond() + ttlSeconds)
                .add("jti", Ids.newId("jti"));
        if (client.merchantId() != null) {
            claims.add("merchant_id", client.merchantId());
        }
        return new AccessToken(signer.sign(claims.build()), ttlSeconds);
    }
}
