package io.tillpoint.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.domain.model.payment.Metadata;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Payment metadata is stored as one JSON object in a text column. */
class MetadataConverterTest {

    private final MetadataConverter converter = new MetadataConverter();

    @Test
    void storesMetadataAsAJsonObjectAndReadsItBackInOrder() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("order", "order-123");
        values.put("quote\"s", "back\\slash and \"quotes\"\nnewline");
        values.put("中文", "支付 ✓");
        Metadata metadata = Metadata.of(values);

        String column = converter.convertToDatabaseColumn(metadata);

        assertThat(column).startsWith("{\"order\":\"order-123\"");
        assertThat(converter.convertToEntityAttribute(column).values()).containsExactlyEntriesOf(values);
    }

    @Test
    void noMetadataIsStoredAsNull() {
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
        assertThat(converter.convertToDatabaseColumn(Metadata.of(Map.of()))).isNull();
        assertThat(converter.convertToEntityAttribute(null)).isNull();
        assertThat(converter.convertToEntityAttribute("")).isNull();
    }
}
