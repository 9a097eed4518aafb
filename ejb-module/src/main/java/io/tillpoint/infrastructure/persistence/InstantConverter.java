package io.tillpoint.infrastructure.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Maps {@link Instant} to TIMESTAMP WITH TIME ZONE columns. Written as a JDBC timestamp;
 * read back from whatever the driver hands over (PostgreSQL: Timestamp; H2 2.x:
 * OffsetDateTime).
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Object> {

    @Override
    public Object convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @Override
    public Instant convertToEntityAttribute(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof Timestamp t) {
            return t.toInstant();
        }
        if (column instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (column instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (column instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (column instanceof java.util.Date d) {
            return d.toInstant();
        }
        throw new IllegalArgumentException("cannot read an instant from " + column.getClass().getName());
    }
}
