package io.tillpoint.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.interfaces.FakeHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, point 7: /metrics and /openapi are public only when the operator says so; otherwise
 * they answer a platform operator's token only (401 without a token, 403 for a merchant's).
 */
class OperatorEndpointsFilterTest {

    private final OperatorEndpointsFilter filter = new OperatorEndpointsFilter();
    private final AtomicInteger served = new AtomicInteger();

    private FakeHttp.Response ask(FakeHttp.Request request) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        filter.doFilter(request.proxy(), response.proxy(), (req, res) -> served.incrementAndGet());
        return response;
    }

    private static JsonObject problem(FakeHttp.Response response) {
        assertThat(response.contentType).isEqualTo("application/problem+json");
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    @Test
    void by_default_nobody_without_a_token_reads_metrics_or_the_openapi_document() throws Exception {
        for (String uri : new String[] {"/metrics", "/metrics/application", "/openapi", "/openapi/"}) {
            FakeHttp.Response response = ask(new FakeHttp.Request().uri(uri));

            assertThat(response.status).as(uri).isEqualTo(401);
            assertThat(response.headers).containsEntry("WWW-Authenticate", "Bearer realm=\"tillpoint\"");
            assertThat(problem(response).getString("code")).isEqualTo("unauthorized");
        }
        assertThat(served).hasValue(0);
    }

    @Test
    void a_merchant_token_is_403() throws Exception {
        FakeHttp.Request merchant = new FakeHttp.Request().uri("/metrics");
        merchant.caller = token("cli_m", "merchant");

        FakeHttp.Response response = ask(merchant);

        assertThat(response.status).isEqualTo(403);
        assertThat(problem(response).getString("code")).isEqualTo("forbidden");
        assertThat(served).hasValue(0);
    }

    @Test
    void a_platform_operator_token_reads_both() throws Exception {
        for (String uri : new String[] {"/metrics", "/openapi"}) {
            FakeHttp.Request operator = new FakeHttp.Request().uri(uri);
            operator.caller = token("platform", "platform-admin");

            assertThat(ask(operator).status).isZero();
        }
        assertThat(served).hasValue(2);
    }

    @Test
    void each_endpoint_is_opened_by_its_own_setting() throws Exception {
        filter.metricsPublic = true;
        assertThat(ask(new FakeHttp.Request().uri("/metrics")).status).isZero();
        assertThat(ask(new FakeHttp.Request().uri("/openapi")).status).isEqualTo(401);

        filter.metricsPublic = false;
        filter.openApiPublic = true;
        assertThat(ask(new FakeHttp.Request().uri("/openapi")).status).isZero();
        assertThat(ask(new FakeHttp.Request().uri("/metrics")).status).isEqualTo(401);
        assertThat(ask(new FakeHttp.Request().uri("/metricsx")).status).as("only the endpoint itself").isEqualTo(401);
        assertThat(served).hasValue(2);
    }

    private static JsonWebToken token(String name, String group) {
        return (JsonWebToken) Proxy.newProxyInstance(OperatorEndpointsFilterTest.class.getClassLoader(),
                new Class<?>[] {JsonWebToken.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getName" -> name;
                    case "getGroups" -> Set.of(group);
                    default -> null;
                });
    }
}
