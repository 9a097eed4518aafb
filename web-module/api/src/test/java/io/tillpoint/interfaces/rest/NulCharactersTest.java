package io.tillpoint.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillpoint.domain.shared.InvalidInputException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The hostile-input sweep found a NUL in a reference answered 500 (PostgreSQL refuses it): now a 400. */
class NulCharactersTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_json_escaped_nul_anywhere_in_the_body_is_400() {
        for (String json : new String[] {"{\"reference\":\"x\\u0000y\"}", "{\"metadata\":{\"\\u0000\":\"v\"}}", "\"\\u0000\""}) {
            assertThatThrownBy(() -> NulCharacters.refuseInBody(utf8(json), false)).as(json)
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("NUL");
        }
    }

    @Test
    void an_escaped_backslash_before_u0000_is_text_not_a_nul() {
        NulCharacters.refuseInBody(utf8("{\"reference\":\"a\\\\u0000\",\"description\":\"%00\"}"), false);
        NulCharacters.refuseInBody(utf8("{\"reference\":\"\\u00001\"}".replace("\\u00001", "\\u0001")), false);
    }

    @Test
    void a_form_value_with_an_encoded_nul_is_400_and_an_ordinary_form_is_not() {
        assertThatThrownBy(() -> NulCharacters.refuseInBody(utf8("grant_type=client_credentials&client_id=a%00b"), true))
                .isInstanceOf(InvalidInputException.class);
        NulCharacters.refuseInBody(utf8("grant_type=client_credentials&client_id=a%20b&client_secret=%2500"), true);
    }

    @Test
    void a_query_parameter_with_a_nul_names_the_parameter() {
        MultivaluedHashMap<String, String> query = new MultivaluedHashMap<>();
        query.add("limit", "10");
        query.add("reference", "a\0b");

        assertThatThrownBy(() -> NulCharacters.refuseInQuery(query)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).param()).isEqualTo("reference"));
    }
}
