package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.payment.Metadata;
import io.tillpoint.infrastructure.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stores payment metadata as a JSON object in a text column. */
@Converter(autoApply = true)
public class MetadataConverter implements AttributeConverter<Metadata, String> {

    @Override
    public String convertToDatabaseColumn(Metadata metadata) {
        if (metadata == null || metadata.values().isEmpty()) {
            return null;
        }
        JsonObjectBuilder json = Jsons.object();
        metadata.values().forEach(json::add);
        return json.build().toString();
    }

    @Override
    public Metadata convertToEntityAttribute(String column) {
        if (column == null || column.isEmpty()) {
            return null;
        }
        try (JsonReader reader = Jsons.reader(new StringReader(column))) {
            JsonObject object = reader.readObject();
            Map<String, String> values = new LinkedHashMap<>();
            object.forEach((k, v) -> values.put(k, ((JsonString) v).getString()));
            return new Metadata(values);
        }
    }
}
