package io.tillpoint.interfaces.lifecycle;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The launcher's side channel, the folder {@code run/} of the data folder (which only the
 * launcher creates, owner-only): the launcher keeps the HTTP listeners closed until the API is
 * ready and closes them before the server unloads it, so that no client ever meets the server
 * without the application (Payara answers 404 then). It cannot ask over HTTP while they are
 * closed, so the application tells it with files, every {@value #EVERY_MS} ms:
 * <ul>
 * <li>{@code run/ready} once {@link ServiceState} is ready (removed when it stops);</li>
 * <li>{@code run/stopping}, written by the launcher, starts the shutdown: new requests are
 *     answered 503, and {@code run/drained} appears once no request is in flight any more.</li>
 * </ul>
 * Without that folder (a server not run by the launcher, the container tests) it does nothing.
 */
@WebListener
public class LauncherSignals implements ServletContextListener {

    static final long EVERY_MS = 100;

    private static final Logger LOG = Logger.getLogger(LauncherSignals.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    ServiceState state = ServiceState.current();
    Path folder;
    private ScheduledFuture<?> task;
    private boolean toldReady;
    private boolean toldDrained;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String data = System.getenv("TILLPOINT_DATA_DIR");
        if (data == null || data.isBlank() || !Files.isDirectory(Path.of(data, "run"))) {
            return;
        }
        folder = Path.of(data, "run");
        task = scheduler.scheduleWithFixedDelay(this::tick, EVERY_MS, EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /** One look at the state and at the launcher's file; never throws (that would end the schedule). */
    synchronized void tick() {
        try {
            if (!toldReady && state.ready()) {
                write("ready");
                toldReady = true;
            }
            if (Files.exists(folder.resolve("stopping"))) {
                state.markStopping();
            }
            if (state.phase() == ServiceState.Phase.STOPPING) {
                Files.deleteIfExists(folder.resolve("ready"));
                if (!toldDrained && state.inFlight() == 0) {
                    write("drained");
                    toldDrained = true;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not signal the launcher in " + folder, e);
        }
    }

    private void write(String name) throws IOException {
        Path temporary = folder.resolve(name + ".tmp");
        Files.writeString(temporary, Long.toString(System.currentTimeMillis()));
        Files.move(temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        state.markStopping();
        if (task != null) {
            task.cancel(false);
            tick();
        }
    }
}
