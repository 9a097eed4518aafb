package io.tillpoint.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.application.WorkAdmission;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.Test;

/** Contract addition: a request that finds no turn is 503 overloaded, with Retry-After, and nothing runs. */
class AdmissionFilterTest {

    private final AtomicInteger overloaded = new AtomicInteger();
    private final AtomicInteger chainRuns = new AtomicInteger();
    private final FakeResponse response = new FakeResponse();

    @Test
    void aRequestWithATurnRunsAndGivesTheTurnBack() throws Exception {
        AdmissionFilter filter = filterWithTurns(1);

        filter.doFilter(request(), response.proxy(), countingChain());

        assertThat(chainRuns).hasValue(1);
        assertThat(filter.admission.available()).isEqualTo(1);
    }

    @Test
    void theTurnIsGivenBackWhenTheRequestFails() throws Exception {
        AdmissionFilter filter = filterWithTurns(1);

        try {
            filter.doFilter(request(), response.proxy(), (req, res) -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the container maps it to a 500 problem
        }

        assertThat(filter.admission.available()).isEqualTo(1);
    }

    @Test
    void aRequestThatFindsNoTurnIs503OverloadedAndNothingRuns() throws Exception {
        AdmissionFilter filter = filterWithTurns(1);
        filter.maxWaitMs = 200;
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try {
                if (filter.admission.enter(0)) {
                    held.countDown();
                    release.await();
                    filter.admission.leave();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        holder.start();
        assertThat(held.await(5, TimeUnit.SECONDS)).as("the other request holds the only turn").isTrue();
        assertThat(filter.admission.available()).isZero();

        long started = System.nanoTime();
        filter.doFilter(request(), response.proxy(), countingChain());
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        release.countDown();
        holder.join();

        assertThat(waitedMs).as("it waited for a turn before giving up").isGreaterThanOrEqualTo(200);
        assertThat(chainRuns).hasValue(0);
        assertThat(response.status).isEqualTo(503);
        assertThat(response.contentType).isEqualTo("application/problem+json");
        assertThat(response.headers).containsEntry("Retry-After", "1").containsKey("X-Request-Id");
        JsonObject problem = Json.createReader(new StringReader(response.body())).readObject();
        assertThat(problem.getInt("status")).isEqualTo(503);
        assertThat(problem.getString("code")).isEqualTo("overloaded");
        assertThat(problem.getString("request_id")).isEqualTo(response.headers.get("X-Request-Id"));
        assertThat(overloaded).hasValue(1);
        assertThat(filter.admission.available()).as("the refused request took no turn").isEqualTo(1);
    }

    @Test
    void aRequestWaitsForATurnThatIsGivenBackInTime() throws Exception {
        AdmissionFilter filter = filterWithTurns(1);
        filter.maxWaitMs = 5_000;
        CountDownLatch held = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try {
                if (filter.admission.enter(0)) {
                    held.countDown();
                    Thread.sleep(100);
                    filter.admission.leave();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        holder.start();
        assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();

        filter.doFilter(request(), response.proxy(), countingChain());
        holder.join();

        assertThat(chainRuns).hasValue(1);
        assertThat(response.status).isZero();
        assertThat(overloaded).hasValue(0);
        assertThat(filter.admission.available()).isEqualTo(1);
    }

    private AdmissionFilter filterWithTurns(int turns) {
        AdmissionFilter filter = new AdmissionFilter();
        filter.admission = new WorkAdmission(turns);
        filter.metrics = registryCountingOverloads();
        return filter;
    }

    private FilterChain countingChain() {
        return (req, res) -> chainRuns.incrementAndGet();
    }

    private MetricRegistry registryCountingOverloads() {
        Counter counter = (Counter) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Counter.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("inc")) {
                        overloaded.incrementAndGet();
                    }
                    return null;
                });
        return (MetricRegistry) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MetricRegistry.class},
                (proxy, method, args) -> method.getName().equals("counter") ? counter : null);
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(AdmissionFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> null);
    }

    /** Records what the filter writes. */
    private static final class FakeResponse {
        int status;
        String contentType;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        String body() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        HttpServletResponse proxy() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(AdmissionFilterTest.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "setStatus" -> status = (Integer) args[0];
                            case "setContentType" -> contentType = (String) args[0];
                            case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                            case "getOutputStream" -> {
                                return out;
                            }
                            default -> {
                            }
                        }
                        return null;
                    });
        }
    }
}
