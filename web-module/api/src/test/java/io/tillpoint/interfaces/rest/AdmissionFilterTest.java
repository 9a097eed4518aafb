package io.tillpoint.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.application.WorkAdmission;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.Test;
import io.tillpoint.interfaces.FakeHttp;

/**
 * Contract addition: a request that finds no turn is 503 overloaded, with Retry-After, and nothing
 * runs. Issue 17, point 4: a request holds a turn only once it is authenticated and its body is
 * read (at most 64 KiB), so unauthenticated or slow clients cannot starve paying ones.
 */
class AdmissionFilterTest {

    private final AtomicInteger overloaded = new AtomicInteger();
    private final AtomicInteger chainRuns = new AtomicInteger();
    private final FakeHttp.Response response = new FakeHttp.Response();

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

    @Test
    void aRequestWithoutAVerifiedTokenGoesOnToIts401WithoutATurn() throws Exception {
        AdmissionFilter filter = filterWithTurns(1);
        filter.maxWaitMs = 5_000;
        Thread holder = holdTheOnlyTurn(filter);
        int[] freeWhileRunning = {-1};
        try {
            long started = System.nanoTime();
            filter.doFilter(new FakeHttp.Request().uri("/api/v1/payments").proxy(), response.proxy(), (req, res) -> {
                chainRuns.incrementAndGet();
                freeWhileRunning[0] = filter.admission.available();
            });
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                    .as("it did not wait for the turn another request holds").isLessThan(1_000);
        } finally {
            holder.interrupt();
            holder.join();
        }

        assertThat(chainRuns).as("it goes on, to the role check's 401").hasValue(1);
        assertThat(freeWhileRunning[0]).as("no turn taken").isZero();
        assertThat(response.status).isZero();
        assertThat(overloaded).hasValue(0);
    }

    @Test
    void theTokenEndpointWorksInATurnWithoutAToken() throws Exception {
        AdmissionFilter filter = filterWithTurns(1);
        int[] freeWhileRunning = {-1};
        byte[] form = "grant_type=client_credentials&client_id=a&client_secret=b".getBytes(StandardCharsets.UTF_8);

        filter.doFilter(new FakeHttp.Request().uri("/api/v1/oauth/token").body(form).proxy(), response.proxy(),
                (req, res) -> freeWhileRunning[0] = filter.admission.available());

        assertThat(freeWhileRunning[0]).as("its one turn is taken while it works").isZero();
        assertThat(filter.admission.available()).isEqualTo(1);
    }

    @Test
    void aSignedInRequestWorksInATurn() throws Exception {
        AdmissionFilter filter = filterWithTurns(2);
        int[] freeWhileRunning = {-1};

        filter.doFilter(request(), response.proxy(), (req, res) -> freeWhileRunning[0] = filter.admission.available());

        assertThat(freeWhileRunning[0]).isEqualTo(1);
        assertThat(filter.admission.available()).isEqualTo(2);
    }

    @Test
    void aBodyThatTricklesInHoldsNoTurnUntilItIsAllThere() throws Exception {
        AdmissionFilter filter = filterWithTurns(1);
        CountDownLatch halfSent = new CountDownLatch(1);
        CountDownLatch sendTheRest = new CountDownLatch(1);
        byte[] json = "{\"amount\":100,\"currency\":\"USD\"}".getBytes(StandardCharsets.UTF_8);
        FakeHttp.Request slow = new FakeHttp.Request().signedIn("cli_merchant");
        slow.contentLength = json.length;
        slow.body = new java.io.InputStream() {
            private int next;

            @Override
            public int read() throws java.io.IOException {
                if (next == json.length / 2) {
                    halfSent.countDown();
                    try {
                        sendTheRest.await();
                    } catch (InterruptedException e) {
                        throw new java.io.InterruptedIOException();
                    }
                }
                return next < json.length ? json[next++] : -1;
            }
        };
        byte[][] seen = new byte[1][];
        int[] freeWhileRunning = {-1};
        Thread request = new Thread(() -> {
            try {
                filter.doFilter(slow.proxy(), response.proxy(), (req, res) -> {
                    seen[0] = req.getInputStream().readAllBytes();
                    freeWhileRunning[0] = filter.admission.available();
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        request.start();

        assertThat(halfSent.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(50);
        assertThat(filter.admission.available()).as("no turn while the body arrives").isEqualTo(1);
        assertThat(filter.admission.waiting()).isZero();
        sendTheRest.countDown();
        request.join(5_000);

        assertThat(seen[0]).as("the rest of the chain reads the whole body").isEqualTo(json);
        assertThat(freeWhileRunning[0]).as("then it works in its turn").isZero();
        assertThat(slow.attributes.get(ApiRequest.BODY)).isEqualTo(json);
    }

    @Test
    void aBodyOf64KiBIsReadAndHandedOn() throws Exception {
        AdmissionFilter filter = filterWithTurns(1);
        byte[] body = new byte[RequestBody.MOST_BYTES];
        java.util.Arrays.fill(body, (byte) ' ');
        FakeHttp.Request request = new FakeHttp.Request().signedIn("cli_merchant").chunkedBody(body);
        byte[][] seen = new byte[1][];

        filter.doFilter(request.proxy(), response.proxy(), (req, res) -> {
            seen[0] = req.getInputStream().readAllBytes();
            assertThat(req.getContentLengthLong()).isEqualTo(body.length);
        });

        assertThat(seen[0]).isEqualTo(body);
        assertThat(request.attributes).doesNotContainKey(ApiRequest.BODY_TOO_LARGE);
        assertThat(response.headers).doesNotContainKey("Connection");
    }

    @Test
    void anOverSizedBodyTakesNoTurnAndGoesOnMarkedFor413() throws Exception {
        for (boolean chunked : new boolean[] {false, true}) {
            AdmissionFilter filter = filterWithTurns(1);
            FakeHttp.Response answer = new FakeHttp.Response();
            byte[] body = new byte[RequestBody.MOST_BYTES + 1];
            FakeHttp.Request request = new FakeHttp.Request().signedIn("cli_merchant");
            if (chunked) {
                request.chunkedBody(body);
            } else {
                request.body(body);
            }
            int[] freeWhileRunning = {-1};
            byte[][] seen = new byte[1][];

            filter.doFilter(request.proxy(), answer.proxy(), (req, res) -> {
                freeWhileRunning[0] = filter.admission.available();
                seen[0] = req.getInputStream().readAllBytes();
            });

            assertThat(request.attributes.get(ApiRequest.BODY_TOO_LARGE)).as("chunked: " + chunked).isEqualTo(Boolean.TRUE);
            assertThat(freeWhileRunning[0]).as("no turn for a 413").isEqualTo(1);
            assertThat(seen[0]).as("nothing of it is kept").isEmpty();
            assertThat(request.body.read()).as("it was read to its end").isEqualTo(-1);
            assertThat(answer.headers).doesNotContainKey("Connection");
        }
    }

    @Test
    void aBodyOverAMebibyteIsNotReadToItsEndAndTheConnectionCloses() throws Exception {
        AdmissionFilter filter = filterWithTurns(1);
        FakeHttp.Request request = new FakeHttp.Request().signedIn("cli_merchant")
                .body(new byte[RequestBody.MOST_DRAINED + RequestBody.MOST_BYTES + 10]);

        filter.doFilter(request.proxy(), response.proxy(), countingChain());

        assertThat(chainRuns).as("on to its 413").hasValue(1);
        assertThat(request.attributes.get(ApiRequest.BODY_TOO_LARGE)).isEqualTo(Boolean.TRUE);
        assertThat(request.body.available()).as("the rest is left unread").isPositive();
        assertThat(response.headers).containsEntry("Connection", "close");
    }

    @Test
    void aBodyThatBreaksOffIs400AndNothingRuns() throws Exception {
        AdmissionFilter filter = filterWithTurns(1);
        FakeHttp.Request request = new FakeHttp.Request().signedIn("cli_merchant");
        request.body = new java.io.InputStream() {
            @Override
            public int read() throws java.io.IOException {
                throw new java.io.IOException("invalid chunk header");
            }
        };

        filter.doFilter(request.proxy(), response.proxy(), countingChain());

        assertThat(chainRuns).hasValue(0);
        assertThat(response.status).isEqualTo(400);
        assertThat(response.contentType).isEqualTo("application/problem+json");
        assertThat(response.headers).containsEntry("Connection", "close");
        JsonObject problem = Json.createReader(new StringReader(response.body())).readObject();
        assertThat(problem.getString("code")).isEqualTo("invalid_request");
        assertThat(response.body()).doesNotContain("chunk").doesNotContain("Exception");
        assertThat(filter.admission.available()).isEqualTo(1);
    }

    /** Another request takes the only turn and keeps it until interrupted. */
    private static Thread holdTheOnlyTurn(AdmissionFilter filter) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try {
                if (filter.admission.enter(0)) {
                    held.countDown();
                    try {
                        Thread.sleep(60_000);
                    } finally {
                        filter.admission.leave();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        holder.start();
        assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();
        return holder;
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

    /** A merchant's request whose token was verified (authentication runs before any filter). */
    private static HttpServletRequest request() {
        return new FakeHttp.Request().signedIn("cli_merchant").body("{}".getBytes(StandardCharsets.UTF_8)).proxy();
    }
}
