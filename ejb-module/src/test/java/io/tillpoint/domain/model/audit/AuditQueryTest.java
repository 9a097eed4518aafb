package io.tillpoint.domain.model.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillpoint.domain.shared.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

    @Test
    void aPageHoldsOneToAHundredEntries() {
        assertThatThrownBy(() -> new AuditQuery(null, null, null, null, null, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new AuditQuery(null, null, null, null, null, 101)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void fromMustComeBeforeTo() {
        Instant t = Instant.parse("2026-12-03T10:00:00Z");
        assertThatThrownBy(() -> new AuditQuery(null, null, t, t, null, 10))
                .isInstanceOf(InvalidInputException.class)
                .matches(e -> "to".equals(((InvalidInputException) e).param()));
    }
}
