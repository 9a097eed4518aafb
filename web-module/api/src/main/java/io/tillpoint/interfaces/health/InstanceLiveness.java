package io.tillpoint.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the JVM has heap to spare; a stuck or exhausted instance should be restarted. */
@Liveness
@ApplicationScoped
public class InstanceLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        long max = rt.maxMemory();
        boolean ok = used < max * 0.98;
        return HealthCheckResponse.named("instance").status(ok)
                .withData("heap_used_mb", used / (1024 * 1024))
                .withData("heap_max_mb", max / (1024 * 1024)).build();
    }
}
