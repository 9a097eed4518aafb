package io.tillpoint.infrastructure.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillpoint.domain.model.card.CardNumber;
import io.tillpoint.domain.model.risk.IpAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IP and card range country tables: the shipped ones, a configured file, and refusals of bad lines. */
class CountryTablesTest {

    @TempDir
    Path folder;

    @Test
    void the_shipped_ip_table_knows_the_documentation_networks() {
        IpCountryTable table = new IpCountryTable(" ");

        assertThat(table.countryOf(IpAddress.parse("203.0.113.9"))).isEqualTo("US");
        assertThat(table.countryOf(IpAddress.parse("198.51.100.77"))).isEqualTo("BR");
        assertThat(table.countryOf(IpAddress.parse("192.0.2.1"))).isEqualTo("GB");
        assertThat(table.countryOf(IpAddress.parse("2001:db8::1"))).isEqualTo("US");
        assertThat(table.countryOf(IpAddress.parse("2001:db8:8000::1"))).isEqualTo("DE");
        assertThat(table.countryOf(IpAddress.parse("8.8.8.8"))).isNull();
        assertThat(table.countryOf(null)).isNull();
    }

    @Test
    void a_configured_ip_table_replaces_it_and_the_most_specific_network_wins() throws IOException {
        Path file = folder.resolve("ip.csv");
        Files.writeString(file, "# test\n10.0.0.0/8,US\n10.1.0.0/16, fr\n\n0.0.0.0/0,AQ\n2001:db8::/32,JP\n");
        IpCountryTable table = new IpCountryTable(file.toString());

        assertThat(table.countryOf(IpAddress.parse("10.2.3.4"))).isEqualTo("US");
        assertThat(table.countryOf(IpAddress.parse("10.1.3.4"))).isEqualTo("FR");
        assertThat(table.countryOf(IpAddress.parse("203.0.113.9"))).isEqualTo("AQ");
        assertThat(table.countryOf(IpAddress.parse("2001:db8:ffff::1"))).isEqualTo("JP");
        assertThat(table.countryOf(IpAddress.parse("2001:db9::1"))).as("/0 is IPv4's").isNull();
    }

    @Test
    void a_bad_line_stops_the_start_and_names_its_line() throws IOException {
        Path file = folder.resolve("bad.csv");
        Files.writeString(file, "10.0.0.0/8,US\n10.0.0.0/33,US\n");
        assertThatThrownBy(() -> new IpCountryTable(file.toString())).hasMessageContaining("line 2");
        Files.writeString(file, "10.0.0.0/8,USA\n");
        assertThatThrownBy(() -> new IpCountryTable(file.toString())).hasMessageContaining("line 1");
        Files.writeString(file, "4242x,US\n");
        assertThatThrownBy(() -> new CardRangeTable(file.toString())).hasMessageContaining("line 1");
    }

    @Test
    void the_shipped_card_table_says_what_the_sandbox_says() {
        CardRangeTable table = new CardRangeTable(" ");

        assertThat(table.countryOf(CardNumber.parse("4000000000000101"))).isEqualTo("BR");
        assertThat(table.countryOf(CardNumber.parse("4242424242424242"))).isEqualTo("US");
        assertThat(table.countryOf(CardNumber.parse("5555555555554444"))).isEqualTo("US");
        assertThat(table.countryOf(CardNumber.parse("378282246310005"))).isEqualTo("US");
    }

    @Test
    void a_configured_card_table_matches_the_longest_prefix() throws IOException {
        Path file = folder.resolve("cards.csv");
        Files.writeString(file, "4,US\n424242,GB\n42424242,IE\n");
        CardRangeTable table = new CardRangeTable(file.toString());

        assertThat(table.countryOf(CardNumber.parse("4242424242424242"))).isEqualTo("IE");
        assertThat(table.countryOf(CardNumber.parse("4242420000000000"))).isEqualTo("GB");
        assertThat(table.countryOf(CardNumber.parse("4000000000000002"))).isEqualTo("US");
        assertThat(table.countryOf(CardNumber.parse("5555555555554444"))).isNull();
    }
}
