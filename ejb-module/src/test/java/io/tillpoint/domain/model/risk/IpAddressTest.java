package io.tillpoint.domain.model.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One address, one text: however an IP address was written, it matches its entries. */
class IpAddressTest {

    @ParameterizedTest
    @CsvSource({
            "203.0.113.9, 203.0.113.9",
            "0.0.0.0, 0.0.0.0",
            "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
            "2001:db8::1, 2001:db8::1",
            "2001:0db8:0000:0000:0001:0000:0000:0001, 2001:db8::1:0:0:1",
            "::, ::",
            "::1, ::1",
            "1::, 1::",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "::ffff:203.0.113.9, 203.0.113.9",
            "::FFFF:CB00:7109, 203.0.113.9",
            "64:ff9b::192.0.2.33, 64:ff9b::c000:221"
    })
    void canonical_text(String raw, String canonical) {
        assertThat(IpAddress.canonical(raw)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.a", "1:2:3:4:5:6:7:8:9",
            "1::2::3", "12345::", "g::1", "example.com", ":1", "1:2:3:4:5:6:7"})
    void not_an_address(String raw) {
        assertThat(IpAddress.parse(raw)).isNull();
    }
}
