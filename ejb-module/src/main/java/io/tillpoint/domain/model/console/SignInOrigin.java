package io.tillpoint.domain.model.console;

import java.time.Instant;

/** An address a console user signed in from: when first and last, how often, whether the user has seen the notice. */
public record SignInOrigin(String username, String ip, Instant firstSeenAt, Instant lastSeenAt, int signIns,
        boolean seenByUser) {
}
