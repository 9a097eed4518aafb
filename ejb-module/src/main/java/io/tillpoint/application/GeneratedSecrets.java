package io.tillpoint.application;

/**
 * Where a secret that the gateway generates for someone (the platform client's secret, the
 * console administrator's first password) is handed over: once, to whoever runs the instance,
 * and never to a log.
 */
public interface GeneratedSecrets {

    /** Keeps {@code line} (it names what the secret is for, and the secret) for the operator. */
    void handOver(String line);
}
