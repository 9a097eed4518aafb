package io.tillpoint.testbed.bench;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * One simulated merchant client: posts card payments back to back until the deadline, timing each
 * one; over REST (POST /api/v1/payments) or SOAP (the Authorize operation at /soap/payments), with
 * the same card, amounts, reference and idempotency key either way.
 */
final class ClientLoop implements Runnable {

    private static final Pattern CAPTURED = Pattern.compile("\"status\"\\s*:\\s*\"captured\"");
    private static final Pattern SOAP_CAPTURED = Pattern.compile(":status>captured</");
    private static final String SOAP_NS = "http://tillpoint.io/soap/payments/v1";

    private final KeepAliveConnection connection;
    private final String merchantToken;
    private final String runId;
    private final AtomicLong sequence;
    private final ErrorLog errors;
    private final long measureFrom;
    private final long endAt;
    private final boolean soap;

    final LongList latencies = new LongList();
    long measuredRequests;
    long measuredSuccesses;
    long measuredErrors;
    long warmupRequests;
    long warmupErrors;
    long lastFinish;

    ClientLoop(KeepAliveConnection connection, String merchantToken, String runId, AtomicLong sequence, ErrorLog errors,
            long measureFrom, long endAt, boolean soap) {
        this.soap = soap;
        this.connection = connection;
        this.merchantToken = merchantToken;
        this.runId = runId;
        this.sequence = sequence;
        this.errors = errors;
        this.measureFrom = measureFrom;
        this.endAt = endAt;
    }

    @Override
    public void run() {
        try {
            postUntilDeadline();
        } finally {
            connection.close();
        }
    }

    private void postUntilDeadline() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (!Thread.currentThread().isInterrupted()) {
            long n = sequence.incrementAndGet();
            long amount = random.nextLong(100, 100_001);
            String key = "bench-" + runId + "-" + n;
            String body = soap ? soapBody(amount, n, key) : "{\"amount\":" + amount + ",\"currency\":\"USD\",\"capture\":\"automatic\","
                    + "\"reference\":\"bench-" + n + "\",\"payment_method\":{\"type\":\"card\",\"card\":"
                    + "{\"number\":\"4242424242424242\",\"exp_month\":12,\"exp_year\":2030,\"cvc\":\"123\"}}}";
            long start = System.nanoTime();
            if (start - endAt >= 0) {
                return;
            }
            boolean measured = start - measureFrom >= 0;
            String errorKind = null;
            String errorDetail = null;
            try {
                KeepAliveConnection.Answer response = soap
                        ? connection.post("/soap/payments", "text/xml; charset=utf-8", body,
                                "Authorization: Bearer " + merchantToken, "SOAPAction: \"" + SOAP_NS + "/Authorize\"")
                        : connection.postJson("/api/v1/payments", body,
                                "Authorization: Bearer " + merchantToken, "Idempotency-Key: " + key);
                String answer = response.body();
                boolean captured = answer != null && (soap ? response.status() == 200 && SOAP_CAPTURED.matcher(answer).find()
                        : response.status() == 201 && CAPTURED.matcher(answer).find());
                if (!captured) {
                    errorKind = describe(response.status(), answer);
                    errorDetail = Redact.body(answer);
                }
            } catch (Exception e) {
                errorKind = e.getClass().getSimpleName();
                errorDetail = Redact.exception(e);
            }
            long end = System.nanoTime();
            if (measured) {
                latencies.add(end - start);
                measuredRequests++;
                lastFinish = end;
                if (errorKind == null) {
                    measuredSuccesses++;
                } else {
                    measuredErrors++;
                }
            } else {
                warmupRequests++;
                if (errorKind != null) {
                    warmupErrors++;
                }
            }
            if (errorKind != null) {
                errors.record(errorKind + (measured ? "" : " (warm-up)"), errorDetail);
            }
        }
    }

    /** The SOAP Authorize of the same payment, its key in the IdempotencyKey header. */
    private static String soapBody(long amount, long n, String key) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:tp=\"" + SOAP_NS + "\">"
                + "<soapenv:Header><tp:IdempotencyKey>" + key + "</tp:IdempotencyKey></soapenv:Header><soapenv:Body>"
                + "<tp:Authorize><tp:amount>" + amount + "</tp:amount><tp:currency>USD</tp:currency>"
                + "<tp:capture>automatic</tp:capture><tp:reference>bench-" + n + "</tp:reference><tp:payment_method>"
                + "<tp:type>card</tp:type><tp:card><tp:number>4242424242424242</tp:number><tp:exp_month>12</tp:exp_month>"
                + "<tp:exp_year>2030</tp:exp_year><tp:cvc>123</tp:cvc></tp:card></tp:payment_method></tp:Authorize>"
                + "</soapenv:Body></soapenv:Envelope>";
    }

    /** A short classifier for a non-success answer: HTTP status plus the problem code or payment status. */
    private static String describe(int status, String body) {
        StringBuilder kind = new StringBuilder("HTTP ").append(status);
        String code = Json.stringField(body, "code");
        String paymentStatus = Json.stringField(body, "status");
        String decline = Json.stringField(body, "decline_code");
        if (code != null) {
            kind.append(" code=").append(code);
        }
        if (paymentStatus != null) {
            kind.append(" status=").append(paymentStatus);
        }
        if (decline != null) {
            kind.append(" decline_code=").append(decline);
        }
        return kind.toString();
    }
}
