package io.tillpoint.testbed.drill;

import io.tillpoint.testbed.bench.GatewayClient;
import io.tillpoint.testbed.bench.Redact;

/** The merchant's bearer token, shared by the clients and fetched again when the gateway refuses it (401). */
final class MerchantToken {

    private final GatewayClient gateway;
    private final String clientId;
    private final String clientSecret;
    private volatile String token;

    MerchantToken(GatewayClient gateway, String clientId, String clientSecret, String token) {
        this.gateway = gateway;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.token = token;
    }

    String current() {
        return token;
    }

    /** A new token, unless another client already replaced the refused one; failures wait for the next 401. */
    synchronized void renewIfStill(String refused) throws InterruptedException {
        if (!refused.equals(token)) {
            return;
        }
        try {
            token = gateway.token(clientId, clientSecret);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            System.out.println("token renewal failed (retried at the next 401): " + Redact.exception(e));
        }
    }
}
