package io.tillpoint.domain.model.payment;

import static io.tillpoint.domain.shared.DomainAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract: metadata <= 50 keys of <= 40 characters with values <= 500. */
class MetadataTest {

    private static Map<String, String> keys(int count) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            values.put("key_" + i, "value " + i);
        }
        return values;
    }

    @Test
    void acceptsFiftyKeys() {
        assertThat(Metadata.of(keys(50)).values()).hasSize(50);
    }

    @Test
    void refusesFiftyOneKeys() {
        assertRefused(() -> Metadata.of(keys(51)), "invalid_request", "metadata");
    }

    @Test
    void acceptsAKeyOfFortyCharacters() {
        assertThat(Metadata.of(Map.of("k".repeat(40), "v")).values()).containsKey("k".repeat(40));
    }

    @Test
    void refusesAKeyOfFortyOneCharacters() {
        assertRefused(() -> Metadata.of(Map.of("k".repeat(41), "v")), "invalid_request", "metadata");
    }

    @Test
    void refusesAnEmptyKey() {
        assertRefused(() -> Metadata.of(Map.of("", "v")), "invalid_request", "metadata");
    }

    @Test
    void acceptsAValueOfFiveHundredCharacters() {
        assertThat(Metadata.of(Map.of("k", "v".repeat(500))).values()).containsEntry("k", "v".repeat(500));
    }

    @Test
    void refusesAValueOfFiveHundredOneCharactersNamingItsKey() {
        assertRefused(() -> Metadata.of(Map.of("order", "v".repeat(501))), "invalid_request", "metadata.order");
    }

    @Test
    void refusesAMissingValue() {
        Map<String, String> values = new HashMap<>();
        values.put("order", null);

        assertRefused(() -> Metadata.of(values), "invalid_request", "metadata.order");
    }

    @Test
    void noMetadataIsFine() {
        assertThat(Metadata.of(Map.of()).values()).isEmpty();
    }

    @Test
    void keepsTheMerchantsOrderAndCannotBeChangedAfterwards() {
        Map<String, String> source = keys(3);
        Metadata metadata = Metadata.of(source);
        source.put("late", "addition");

        assertThat(metadata.values()).containsExactly(
                Map.entry("key_0", "value 0"), Map.entry("key_1", "value 1"), Map.entry("key_2", "value 2"));
        assertThatThrownBy(() -> metadata.values().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }
}
