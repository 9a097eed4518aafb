package io.tillpoint.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The daily cut-off: the latest local cut-off time in the configured zone at or before now. */
class SettlementSettingsTest {

    @Test
    void before_todays_cutoff_the_last_one_is_yesterdays() {
        assertThat(SettlementSettings.lastCutoff(Instant.parse("2026-11-25T14:00:00Z"), LocalTime.of(18, 0),
                ZoneId.of("Asia/Tokyo"))).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(SettlementSettings.lastCutoff(Instant.parse("2026-11-25T08:59:59Z"), LocalTime.of(18, 0),
                ZoneId.of("Asia/Tokyo"))).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
    }

    @Test
    void at_the_cutoff_itself_it_is_due() {
        assertThat(SettlementSettings.lastCutoff(Instant.parse("2026-11-25T00:00:00Z"), LocalTime.MIDNIGHT,
                ZoneId.of("UTC"))).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
    }
}
