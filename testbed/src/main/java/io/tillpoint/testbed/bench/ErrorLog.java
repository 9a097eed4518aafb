package io.tillpoint.testbed.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Error bookkeeping shared by the clients: a count per kind, and the first five distinct (redacted) samples. */
final class ErrorLog {

    static final int MAX_SAMPLES = 5;

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, String> samples = new LinkedHashMap<>();

    /** kind: a short classifier (e.g. "HTTP 500 internal_error"); detail: already redacted. */
    void record(String kind, String detail) {
        counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
        synchronized (samples) {
            if (samples.size() < MAX_SAMPLES && !samples.containsKey(kind)) {
                samples.put(kind, detail);
            }
        }
    }

    List<String> samples() {
        synchronized (samples) {
            List<String> out = new ArrayList<>();
            samples.forEach((kind, detail) -> out.add(kind + ": " + detail));
            return out;
        }
    }

    Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.forEach((kind, n) -> out.put(kind, n.sum()));
        return out;
    }
}
