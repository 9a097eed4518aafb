package io.tillpoint.interfaces.rest;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The access log: one line per API request, logger {@code io.tillpoint.access} (so in
 * {@code server.log}). A request only queues its line, stamped with the time it finished;
 * {@link AccessLogFlusher} hands the queue to the logger in batches, a few times a second.
 * Handing each line over on its own woke the server's log writer thread once per request:
 * about 5 % of the gateway's CPU per payment went to that hand-over alone.
 * <p>
 * Nothing is lost when the queue is not being drained (no flusher yet, or one that fell far
 * behind): the line is then logged at once, as before.
 * <p>
 * A line is always one line: its values come from the request (path, method, client), and a
 * forged {@code "\r\n"} in them is written escaped ({@link LogText}), never as a line break.
 */
final class AccessLog {

    static final Logger LOGGER = Logger.getLogger("io.tillpoint.access");

    /** Lines waiting beyond this many are logged by the request itself. */
    static final int MOST_WAITING = 10_000;

    private static final Queue<LogRecord> WAITING = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static volatile boolean batching;

    private AccessLog() {
    }

    /** Logs {@code line}, now or with the next batch, its control characters escaped. */
    static void write(String line) {
        LogRecord record = new LogRecord(Level.INFO, LogText.escape(line));
        // The source is named, so that the record does not walk the stack to find it (~1.5 % of the CPU).
        record.setSourceClassName(RequestFilter.class.getName());
        record.setSourceMethodName("filter");
        record.setLoggerName(LOGGER.getName());
        boolean queued = false;
        if (batching) {
            if (COUNT.incrementAndGet() <= MOST_WAITING) {
                WAITING.add(record);
                queued = true;
            } else {
                COUNT.decrementAndGet();
            }
        }
        if (!queued) {
            LOGGER.log(record);
        } else if (!batching) {
            flush(); // batching stopped while the line was queued
        }
    }

    /** Whether a request's line would be written at all: building it costs more than asking. */
    static boolean enabled() {
        return LOGGER.isLoggable(Level.INFO);
    }

    /** From now on lines wait for {@link #flush()}, which the caller promises to call often. */
    static void startBatching() {
        batching = true;
    }

    /** Logs the lines that wait, then logs every further line at once. */
    static void stopBatching() {
        batching = false;
        flush();
    }

    /** Hands the waiting lines to the logger, oldest first; returns how many. */
    static int flush() {
        int written = 0;
        LogRecord record;
        while ((record = WAITING.poll()) != null) {
            COUNT.decrementAndGet();
            LOGGER.log(record);
            written++;
        }
        return written;
    }
}
