package io.tillpoint.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiRequestTest {

    private static boolean isNull(String body) {
        return ApiRequest.isJsonNull(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_json_literal_null_is_told_apart_from_every_other_body() {
        assertThat(isNull("null")).isTrue();
        assertThat(isNull(" null\n")).isTrue();
        assertThat(isNull("{}")).isFalse();
        assertThat(isNull("\"null\"")).isFalse();
        assertThat(isNull("nulll")).isFalse();
        assertThat(isNull("[null]")).isFalse();
        assertThat(isNull(" ".repeat(100) + "null")).as("a long body is never taken for null").isFalse();
    }
}
