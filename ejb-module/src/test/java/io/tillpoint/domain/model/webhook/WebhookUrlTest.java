package io.tillpoint.domain.model.webhook;

import static io.tillpoint.domain.shared.DomainAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Webhook URLs: https or http, a host, no credentials, no fragment. */
class WebhookUrlTest {

    @Test
    void anHttpsUrlKeepsItsPathQueryAndPort() {
        WebhookUrl url = WebhookUrl.parse("https://Hooks.Example.com:8443/tillpoint/events?shop=7");

        assertThat(url.https()).isTrue();
        assertThat(url.host()).isEqualTo("hooks.example.com");
        assertThat(url.port()).isEqualTo(8443);
        assertThat(url.requestTarget()).isEqualTo("/tillpoint/events?shop=7");
        assertThat(url.hostHeader()).isEqualTo("Hooks.Example.com:8443");
        assertThat(url).hasToString("https://Hooks.Example.com:8443/tillpoint/events?shop=7");
    }

    @Test
    void theSchemesPortIsTheDefaultAndAnEmptyPathIsTheRoot() {
        assertThat(WebhookUrl.parse("http://hooks.example.com").port()).isEqualTo(80);
        assertThat(WebhookUrl.parse("https://hooks.example.com").port()).isEqualTo(443);
        assertThat(WebhookUrl.parse("https://hooks.example.com").requestTarget()).isEqualTo("/");
        assertThat(WebhookUrl.parse("https://hooks.example.com:443/x").hostHeader()).isEqualTo("hooks.example.com");
    }

    @Test
    void anIpv6LiteralIsItsAddressWithoutBracketsAndKeepsThemInTheHostHeader() {
        WebhookUrl url = WebhookUrl.parse("http://[2606:4700::1111]:9000/h");

        assertThat(url.host()).isEqualTo("2606:4700::1111");
        assertThat(url.hostHeader()).isEqualTo("[2606:4700::1111]:9000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://hooks.example.com/", "file:///etc/passwd", "gopher://hooks.example.com/",
        "javascript:alert(1)", "//hooks.example.com/x", "/relative/path", "hooks.example.com/x", "https:///x",
        "https://user:secret@hooks.example.com/", "https://user@hooks.example.com/", "https://hooks.example.com/#frag",
        "https://hooks example.com/", "https://hooks.example.com:99999/", "https://hooks.example.com:0/", " "})
    void anythingElseIsRefusedOnUrl(String url) {
        assertRefused(() -> WebhookUrl.parse(url), "invalid_request", "url");
    }

    @Test
    void aUrlIsAtMost2048Characters() {
        String base = "https://hooks.example.com/";
        assertThat(WebhookUrl.parse(base + "a".repeat(2048 - base.length()))).isNotNull();
        assertRefused(() -> WebhookUrl.parse(base + "a".repeat(2049 - base.length())), "invalid_request", "url");
        assertRefused(() -> WebhookUrl.parse(null), "invalid_request", "url");
    }
}
