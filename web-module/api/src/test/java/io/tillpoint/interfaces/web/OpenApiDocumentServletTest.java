package io.tillpoint.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenApiDocumentServletTest {

    @Test
    void json_when_asked_for_by_the_query_or_the_accept_header_and_yaml_otherwise() {
        assertThat(OpenApiDocumentServlet.wantsJson(null, null)).isFalse();
        assertThat(OpenApiDocumentServlet.wantsJson(null, "*/*")).isFalse();
        assertThat(OpenApiDocumentServlet.wantsJson(null, "application/yaml")).isFalse();
        assertThat(OpenApiDocumentServlet.wantsJson(null, "application/json")).isTrue();
        assertThat(OpenApiDocumentServlet.wantsJson(null, "application/json, application/yaml")).isFalse();
        assertThat(OpenApiDocumentServlet.wantsJson("JSON", "application/yaml")).isTrue();
        assertThat(OpenApiDocumentServlet.wantsJson("yaml", "application/json")).isFalse();
    }
}
