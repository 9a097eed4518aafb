package io.tillpoint.testbed.bench;

import java.util.Arrays;
import java.util.List;

/** Merges the per-thread latency lists (nanoseconds), sorts them once and answers percentiles (nearest rank). */
final class Latencies {

    private final long[] sorted;

    Latencies(List<LongList> perThread) {
        int total = 0;
        for (LongList list : perThread) {
            total += list.size();
        }
        long[] all = new long[total];
        int at = 0;
        for (LongList list : perThread) {
            long[] part = list.toArray();
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        Arrays.sort(all);
        this.sorted = all;
    }

    int count() {
        return sorted.length;
    }

    /** The p-th percentile in milliseconds (0 when nothing was recorded). */
    double percentileMs(double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        int index = Math.min(sorted.length - 1, Math.max(0, rank - 1));
        return sorted[index] / 1e6;
    }

    double maxMs() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6;
    }
}
