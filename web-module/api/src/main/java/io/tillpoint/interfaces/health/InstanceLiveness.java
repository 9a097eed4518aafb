package io.tillpoint.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the JVM has heap to spare; a stuck or exhausted instance should be restarted. The
 * answer is public: UP or DOWN, never the heap's figures (they tell an attacker how close to
 * exhausting it a flood of requests came; /metrics has them for operators).
 */
@Liveness
@ApplicationScoped
public class InstanceLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        return HealthCheckResponse.named("instance").status(used < rt.maxMemory() * 0.98).build();
    }
}
