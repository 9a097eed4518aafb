package io.tillpoint.interfaces.lifecycle;

import io.tillpoint.interfaces.FakeHttp;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, point 6: no false answers while starting or stopping. Until the API is ready and
 * from the moment it stops, a request is 503 service_unavailable with Retry-After (and
 * Connection: close when stopping), nothing runs; a request in flight when the stop begins
 * finishes, and the launcher hears "drained" only after it did.
 */
class ServiceStateFilterTest {

    private final ServiceState state = new ServiceState();
    private final AtomicInteger chainRuns = new AtomicInteger();

    @Test
    void whileStartingARequestIs503WithRetryAfterAndNothingRuns() throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();

        filter().doFilter(request(), response.proxy(), countingChain());

        assertThat(chainRuns).hasValue(0);
        assertUnavailable(response);
        assertThat(response.headers).doesNotContainKey("Connection");
        assertThat(problem(response).getString("detail")).contains("starting");
        assertThat(state.inFlight()).isZero();
    }

    @Test
    void onceReadyRequestsRunAndAreCountedOnlyWhileTheyWork() throws Exception {
        state.markReady();
        FakeHttp.Response response = new FakeHttp.Response();
        long[] seen = new long[1];

        filter().doFilter(request(), response.proxy(), (req, res) -> {
            chainRuns.incrementAndGet();
            seen[0] = state.inFlight();
        });

        assertThat(chainRuns).hasValue(1);
        assertThat(response.status).isZero();
        assertThat(seen[0]).isEqualTo(1);
        assertThat(state.inFlight()).isZero();
    }

    @Test
    void onceStoppingARequestIs503WithConnectionCloseAndReadyNeverComesBack() throws Exception {
        state.markReady();
        state.markStopping();
        state.markReady();
        FakeHttp.Response response = new FakeHttp.Response();

        filter().doFilter(request(), response.proxy(), countingChain());

        assertThat(chainRuns).hasValue(0);
        assertUnavailable(response);
        assertThat(response.headers).containsEntry("Connection", "close");
        assertThat(problem(response).getString("detail")).contains("shutting down");
    }

    @Test
    void aRequestInFlightWhenTheStopBeginsFinishesAndTheLauncherHearsDrainedAfterIt(@TempDir Path data) throws Exception {
        state.markReady();
        LauncherSignals signals = new LauncherSignals();
        signals.state = state;
        signals.folder = data;
        signals.tick();
        assertThat(data.resolve("ready")).as("the launcher hears that the API is ready").exists();

        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        FakeHttp.Response inFlight = new FakeHttp.Response();
        Thread request = new Thread(() -> {
            try {
                filter().doFilter(request(), inFlight.proxy(), (req, res) -> {
                    working.countDown();
                    try {
                        finish.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    chainRuns.incrementAndGet();
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        request.start();
        assertThat(working.await(5, TimeUnit.SECONDS)).isTrue();

        Files.writeString(data.resolve("stopping"), "");
        signals.tick();
        assertThat(state.phase()).isEqualTo(ServiceState.Phase.STOPPING);
        assertThat(data.resolve("ready")).doesNotExist();
        FakeHttp.Response late = new FakeHttp.Response();
        filter().doFilter(request(), late.proxy(), countingChain());
        assertUnavailable(late);
        assertThat(data.resolve("drained")).as("not drained while a request works").doesNotExist();
        assertThat(state.awaitIdle(100)).isFalse();

        finish.countDown();
        request.join(5_000);
        assertThat(state.awaitIdle(5_000)).isTrue();
        signals.tick();

        assertThat(chainRuns).as("the request in flight finished, the late one never ran").hasValue(1);
        assertThat(inFlight.status).isZero();
        assertThat(data.resolve("drained")).exists();
    }

    private ServiceStateFilter filter() {
        ServiceStateFilter filter = new ServiceStateFilter();
        filter.state = state;
        return filter;
    }

    private static void assertUnavailable(FakeHttp.Response response) {
        assertThat(response.status).isEqualTo(503);
        assertThat(response.contentType).isEqualTo("application/problem+json");
        assertThat(response.headers).containsEntry("Retry-After", "1").containsKey("X-Request-Id");
        JsonObject problem = problem(response);
        assertThat(problem.getInt("status")).isEqualTo(503);
        assertThat(problem.getString("code")).isEqualTo("service_unavailable");
        assertThat(problem.getString("title")).isEqualTo("Service unavailable");
        assertThat(problem.getString("type")).endsWith("/service_unavailable");
    }

    private static JsonObject problem(FakeHttp.Response response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private FilterChain countingChain() {
        return (req, res) -> chainRuns.incrementAndGet();
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(ServiceStateFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> null);
    }
}
