package io.tillpoint.interfaces.rest;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the {@link AccessLog} every {@value #EVERY_MS} ms while the API runs, and once more when
 * it stops, so that a line reaches {@code server.log} at most that late and none is left behind.
 */
@WebListener
public class AccessLogFlusher implements ServletContextListener {

    static final long EVERY_MS = 200;

    private static final Logger LOG = Logger.getLogger(AccessLogFlusher.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> task;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        AccessLog.startBatching();
        task = scheduler.scheduleWithFixedDelay(AccessLogFlusher::flush, EVERY_MS, EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /** One failed batch must not end the schedule (a task that throws is never run again). */
    private static void flush() {
        try {
            AccessLog.flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not write access lines; trying again", e);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (task != null) {
            task.cancel(false);
        }
        AccessLog.stopBatching();
    }
}
