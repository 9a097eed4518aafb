package io.tillpoint.application;

import java.util.List;

/**
 * Where the secrets the gateway generates for someone (the platform client's secret, the console
 * administrator's first password) are handed over: once, to whoever runs the instance, and never
 * to a log.
 */
public interface GeneratedSecrets {

    /**
     * Hands over this start's generated secrets, each line naming what the secret is for and the
     * secret; they replace whatever an earlier start handed over.
     */
    void handOver(List<String> lines);
}
