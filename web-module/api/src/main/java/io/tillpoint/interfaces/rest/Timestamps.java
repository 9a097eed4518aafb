package io.tillpoint.interfaces.rest;

import io.tillpoint.domain.shared.InvalidInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Instants on the wire: RFC 3339 UTC to the second out; RFC 3339 or Unix seconds in. */
final class Timestamps {

    /** What every database can store and compare; beyond it a query would fail in SQL. */
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private Timestamps() {
    }

    static String format(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static Instant parse(String value, String param) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Instant instant;
        try {
            instant = value.matches("\\d{1,12}") ? Instant.ofEpochSecond(Long.parseLong(value)) : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(param, "must be an RFC 3339 timestamp (2026-11-25T10:00:00Z) or Unix seconds");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidInputException(param, "must be between 1970 and 9999");
        }
        return instant;
    }
}
