package io.tillpoint.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.interfaces.FakeHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, point 7: every answer says nosniff and no-store, and one to a request that came over
 * HTTPS says Strict-Transport-Security; a proxy's X-Forwarded-Proto counts only when the operator
 * trusts it.
 */
class ResponseHeadersFilterTest {

    private final ResponseHeadersFilter filter = new ResponseHeadersFilter();

    private Map<String, String> headersFor(FakeHttp.Request request) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        boolean[] ran = {false};
        filter.doFilter(request.proxy(), response.proxy(), (req, res) -> {
            ran[0] = true;
            assertThat(response.headers).as("set before anything answers").containsKey("X-Content-Type-Options");
        });
        assertThat(ran[0]).isTrue();
        return response.headers;
    }

    @Test
    void every_answer_is_nosniff_and_no_store() throws Exception {
        for (String uri : new String[] {"/api/v1/payments", "/health/ready", "/metrics", "/openapi", "/problems/401", "/x"}) {
            assertThat(headersFor(new FakeHttp.Request().uri(uri)))
                    .containsEntry("X-Content-Type-Options", "nosniff")
                    .containsEntry("Cache-Control", "no-store");
        }
    }

    @Test
    void over_plain_http_there_is_no_strict_transport_security() throws Exception {
        assertThat(headersFor(new FakeHttp.Request())).doesNotContainKey("Strict-Transport-Security");
    }

    @Test
    void over_https_browsers_are_told_to_keep_to_https_for_a_year() throws Exception {
        FakeHttp.Request secure = new FakeHttp.Request();
        secure.secure = true;

        assertThat(headersFor(secure)).containsEntry("Strict-Transport-Security", "max-age=31536000");
    }

    @Test
    void a_forwarded_proto_is_a_claim_until_the_operator_trusts_the_proxy() throws Exception {
        FakeHttp.Request forwarded = new FakeHttp.Request().header("X-Forwarded-Proto", "https");

        assertThat(headersFor(forwarded)).doesNotContainKey("Strict-Transport-Security");

        filter.trustForwardedProto = true;
        assertThat(headersFor(forwarded)).containsEntry("Strict-Transport-Security", "max-age=31536000");
        assertThat(headersFor(new FakeHttp.Request().header("X-Forwarded-Proto", "HTTPS, http")))
                .as("the first proxy's scheme is the client's").containsKey("Strict-Transport-Security");
        assertThat(headersFor(new FakeHttp.Request().header("X-Forwarded-Proto", "http, https")))
                .doesNotContainKey("Strict-Transport-Security");
        assertThat(headersFor(new FakeHttp.Request())).doesNotContainKey("Strict-Transport-Security");
    }
}
