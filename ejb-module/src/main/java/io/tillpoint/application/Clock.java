package io.tillpoint.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The time as the database keeps it (microseconds), so what is stored reads back equal. */
@ApplicationScoped
public class Clock {

    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
