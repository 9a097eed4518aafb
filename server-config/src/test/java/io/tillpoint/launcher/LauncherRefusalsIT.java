package io.tillpoint.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/tillpoint run} refuses what it cannot run with, before it starts anything: one line
 * that says what to fix, exit status 1, and the data folder as it was (or not created at all).
 * Runs the real launcher on the Payara Server and PostgreSQL binaries the build unpacked; none
 * of these cases gets as far as starting either.
 */
class LauncherRefusalsIT {

    private static final Path LAUNCHER = Path.of("bin", "tillpoint").toAbsolutePath();
    private static final Path DATABASE_FOLDER = Path.of("target", "launcher-it-postgres").toAbsolutePath();
    private static final String DATABASE_PASSWORD = "right-password";
    private static int databasePort;

    @TempDir
    Path temp;

    /** A PostgreSQL with a password, as an operator's would be: the tests' own, from the launcher. */
    @BeforeAll
    static void aPostgresqlWithAPassword() throws Exception {
        databasePort = freeHttpPort();
        Result started = runLauncher(databaseEnvironment(), "test-database", "start");
        assertThat(started.status).as(started.output).isZero();
    }

    @AfterAll
    static void stopIt() throws Exception {
        runLauncher(databaseEnvironment(), "test-database", "stop");
    }

    private static Map<String, String> databaseEnvironment() {
        return Map.of("TILLPOINT_DATA_DIR", DATABASE_FOLDER.toString(),
                "TILLPOINT_DB_URL", "jdbc:postgresql://127.0.0.1:" + databasePort + "/tillpoint",
                "TILLPOINT_DB_USER", "tillpoint", "TILLPOINT_DB_PASSWORD", DATABASE_PASSWORD);
    }

    @Test
    void a_taken_http_port_is_named_and_no_data_folder_is_made() throws Exception {
        int port = freeHttpPort();
        Path data = temp.resolve("data");
        try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            Result r = run(Map.of("TILLPOINT_HTTP_PORT", String.valueOf(port), "TILLPOINT_DATA_DIR", data.toString()));

            assertThat(r.status).isEqualTo(1);
            assertThat(r.line()).contains("port " + port + " (HTTP").contains("already in use")
                    .contains("TILLPOINT_HTTP_PORT");
        }
        assertThat(data).doesNotExist();
    }

    @Test
    void a_taken_port_of_the_embedded_database_is_named_and_the_data_folder_stays_as_it_was() throws Exception {
        int port = freeHttpPort();
        Path data = existingDataFolder();
        String before = listing(data);
        try (ServerSocket taken = new ServerSocket(port + 352, 1, InetAddress.getLoopbackAddress())) {
            Result r = run(Map.of("TILLPOINT_HTTP_PORT", String.valueOf(port), "TILLPOINT_DATA_DIR", data.toString()));

            assertThat(r.status).isEqualTo(1);
            assertThat(r.line()).contains("port " + (port + 352) + " (embedded PostgreSQL").contains("already in use");
        }
        assertThat(listing(data)).isEqualTo(before);
    }

    @Test
    void an_unreachable_external_database_is_named_and_the_data_folder_stays_as_it_was() throws Exception {
        Path data = existingDataFolder();
        String before = listing(data);
        int closed = freeHttpPort();

        Result r = run(Map.of("TILLPOINT_HTTP_PORT", String.valueOf(freeHttpPort()), "TILLPOINT_DATA_DIR",
                data.toString(), "TILLPOINT_DB_URL", "jdbc:postgresql://127.0.0.1:" + closed + "/tillpoint"));

        assertThat(r.status).isEqualTo(1);
        assertThat(r.line()).contains("cannot reach the database at 127.0.0.1:" + closed).contains("TILLPOINT_DB_URL");
        assertThat(listing(data)).isEqualTo(before);
    }

    @Test
    void an_unreachable_external_broker_is_named_and_the_data_folder_stays_as_it_was() throws Exception {
        Path data = existingDataFolder();
        String before = listing(data);
        int closed = freeHttpPort();

        Result r = run(Map.of("TILLPOINT_HTTP_PORT", String.valueOf(freeHttpPort()), "TILLPOINT_DATA_DIR",
                data.toString(), "TILLPOINT_BROKER_URL", "mq://127.0.0.1:" + closed));

        assertThat(r.status).isEqualTo(1);
        assertThat(r.line()).contains("no JMS broker of TILLPOINT_BROKER_URL (mq://127.0.0.1:" + closed + ") answers");
        assertThat(listing(data)).isEqualTo(before);
    }

    @Test
    void a_broker_url_that_is_not_one_is_named() throws Exception {
        Path data = temp.resolve("data");

        Result r = run(Map.of("TILLPOINT_HTTP_PORT", String.valueOf(freeHttpPort()), "TILLPOINT_DATA_DIR",
                data.toString(), "TILLPOINT_BROKER_URL", "mq://127.0.0.1:7676,http://broker.internal"));

        assertThat(r.status).isEqualTo(1);
        assertThat(r.line()).contains("TILLPOINT_BROKER_URL must be mq://HOST:PORT").contains("'http://broker.internal'");
        assertThat(data).doesNotExist();
    }

    @Test
    void a_wrong_database_password_is_named_and_the_data_folder_stays_as_it_was() throws Exception {
        Path data = existingDataFolder();
        String before = listing(data);

        Result r = runOnTheTestDatabase(data, "tillpoint", "wrong-password");

        assertThat(r.status).isEqualTo(1);
        assertThat(r.line()).contains("refused the password of user tillpoint").contains("TILLPOINT_DB_PASSWORD")
                .doesNotContain("wrong-password");
        assertThat(listing(data)).isEqualTo(before);
    }

    @Test
    void a_database_that_does_not_exist_is_named_and_the_data_folder_stays_as_it_was() throws Exception {
        Path data = existingDataFolder();
        String before = listing(data);

        Result r = runOnTheTestDatabase(data, "no_such_db", DATABASE_PASSWORD);

        assertThat(r.status).isEqualTo(1);
        assertThat(r.line()).contains("has no database no_such_db");
        assertThat(listing(data)).isEqualTo(before);
    }

    @Test
    void a_database_url_that_is_not_postgresql_is_refused() throws Exception {
        Path data = existingDataFolder();
        String before = listing(data);

        Result r = run(Map.of("TILLPOINT_HTTP_PORT", String.valueOf(freeHttpPort()), "TILLPOINT_DATA_DIR",
                data.toString(), "TILLPOINT_DB_URL", "jdbc:h2:file:./data/h2/tillpoint"));

        assertThat(r.status).isEqualTo(1);
        assertThat(r.line()).contains("TILLPOINT_DB_URL must be a PostgreSQL URL");
        assertThat(listing(data)).isEqualTo(before);
    }

    @Test
    void a_data_folder_of_another_user_is_refused() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a folder to another user");
        Path data = existingDataFolder();
        UserPrincipal nobody = data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(data, nobody);
        String before = listing(data);

        Result r = run(Map.of("TILLPOINT_HTTP_PORT", String.valueOf(freeHttpPort()), "TILLPOINT_DATA_DIR", data.toString()));

        assertThat(r.status).isEqualTo(1);
        assertThat(r.line()).contains("belongs to user nobody").contains("TILLPOINT_DATA_DIR");
        assertThat(listing(data)).isEqualTo(before);
    }

    @Test
    void a_data_folder_of_another_user_is_refused_when_not_root() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to run the launcher as another user");
        Path shared = Path.of("target", "launcher-it-shared").toAbsolutePath();
        Files.createDirectories(shared.resolve("data"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(shared.resolve("tillpoint.ear"), "not an EAR");
        Files.setPosixFilePermissions(shared.resolve("tillpoint.ear"), PosixFilePermissions.fromString("rw-r--r--"));
        Path data = shared.resolve("data");
        assumeTrue(new ProcessBuilder("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "test", "-r",
                LAUNCHER.toString(), "-a", "-r", shared.resolve("tillpoint.ear").toString()).start().waitFor() == 0,
                "user nobody cannot reach this checkout (a private folder above it)");
        String before = listing(data);

        Result r = run(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"),
                Map.of("TILLPOINT_HTTP_PORT", String.valueOf(freeHttpPort()), "TILLPOINT_DATA_DIR", data.toString(),
                        "TILLPOINT_EAR", shared.resolve("tillpoint.ear").toString()));

        assertThat(r.status).isEqualTo(1);
        assertThat(r.line()).contains("belongs to user root, not nobody");
        assertThat(listing(data)).isEqualTo(before);
    }

    @Test
    void a_second_launcher_on_a_data_folder_in_use_is_refused() throws Exception {
        Path data = existingDataFolder();
        String before = listing(data);
        // What a running launcher holds: a lock on the folder itself.
        // -o: the lock is flock's own, not its child's, so it goes when flock is stopped.
        Process holder = new ProcessBuilder("flock", "-o", data.toString(), "sleep", "60").start();
        try {
            Thread.sleep(500);
            Result r = run(Map.of("TILLPOINT_HTTP_PORT", String.valueOf(freeHttpPort()), "TILLPOINT_DATA_DIR",
                    data.toString()));

            assertThat(r.status).isEqualTo(1);
            assertThat(r.line()).contains("another Tillpoint is running on the data folder " + data);
        } finally {
            holder.destroy();
        }
        assertThat(listing(data)).isEqualTo(before);
    }

    @Test
    void a_private_webhook_setting_that_is_neither_true_nor_false_is_refused() throws Exception {
        Path data = existingDataFolder();
        String before = listing(data);

        Result r = run(Map.of("TILLPOINT_HTTP_PORT", String.valueOf(freeHttpPort()), "TILLPOINT_DATA_DIR",
                data.toString(), "TILLPOINT_WEBHOOK_ALLOW_PRIVATE", "yes please"));

        assertThat(r.status).isEqualTo(1);
        assertThat(r.line()).contains("TILLPOINT_WEBHOOK_ALLOW_PRIVATE must be true or false");
        assertThat(listing(data)).isEqualTo(before);
    }

    @Test
    void an_http_port_out_of_range_is_refused() throws Exception {
        Result r = run(Map.of("TILLPOINT_HTTP_PORT", "80", "TILLPOINT_DATA_DIR", temp.resolve("data").toString()));

        assertThat(r.status).isEqualTo(1);
        assertThat(r.line()).contains("TILLPOINT_HTTP_PORT must be a port number");
        assertThat(temp.resolve("data")).doesNotExist();
    }

    /** {@code tillpoint run} on an external database: the tests' PostgreSQL, as user tillpoint. */
    private Result runOnTheTestDatabase(Path data, String database, String password) throws Exception {
        return run(Map.of("TILLPOINT_HTTP_PORT", String.valueOf(freeHttpPort()), "TILLPOINT_DATA_DIR", data.toString(),
                "TILLPOINT_DB_URL", "jdbc:postgresql://127.0.0.1:" + databasePort + "/" + database,
                "TILLPOINT_DB_USER", "tillpoint", "TILLPOINT_DB_PASSWORD", password));
    }

    /** A data folder from an earlier run: some owner-only content. */
    private Path existingDataFolder() throws IOException {
        Path data = temp.resolve("data");
        Files.createDirectories(data.resolve("keys"));
        Files.writeString(data.resolve("keys").resolve("a.key"), "secret");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        return data;
    }

    /** Every entry below {@code folder}: path, size, modification time, permissions and owner. */
    private static String listing(Path folder) throws IOException {
        List<String> entries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                entries.add(folder.relativize(p) + " " + (Files.isDirectory(p) ? "dir" : Files.size(p)) + " "
                        + Files.getLastModifiedTime(p).toMillis() + " "
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)) + " " + Files.getOwner(p));
            }
        }
        return String.join("\n", entries);
    }

    /** An HTTP port whose derived ports (admin, HTTPS, database, the server's others) look free. */
    private static int freeHttpPort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 40_000);
            if (free(port) && free(port - 32) && free(port + 1) && free(port + 352) && free(port - 4)
                    && free(port - 43) && free(port - 31)) {
                return port;
            }
        }
        throw new IOException("no free port found");
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Result run(Map<String, String> environment) throws Exception {
        return run(List.of(), environment);
    }

    /** {@code tillpoint run}, with an EAR file the launcher never gets to deploy. */
    private Result run(List<String> asUser, Map<String, String> environment) throws Exception {
        Path ear = temp.resolve("tillpoint.ear");
        if (!Files.exists(ear)) {
            Files.writeString(ear, "not an EAR: the launcher refuses before it deploys");
        }
        Map<String, String> env = new HashMap<>();
        env.put("TILLPOINT_EAR", ear.toString());
        env.putAll(environment);
        return runLauncher(asUser, List.of("run"), env);
    }

    private static Result runLauncher(Map<String, String> environment, String... arguments) throws Exception {
        return runLauncher(List.of(), List.of(arguments), environment);
    }

    /** bin/tillpoint with {@code arguments}, run through {@code asUser} (a setpriv command) if any. */
    private static Result runLauncher(List<String> asUser, List<String> arguments, Map<String, String> environment)
            throws Exception {
        List<String> command = new ArrayList<>(asUser);
        command.add("bash");
        command.add(LAUNCHER.toString());
        command.addAll(arguments);
        ProcessBuilder launcher = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = launcher.environment();
        env.keySet().removeIf(k -> k.startsWith("TILLPOINT_"));
        env.putAll(environment);
        Process p = launcher.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not stop by itself within 60 s");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private record Result(int status, String output) {
        /** The one line the launcher printed; fails when it printed more or none. */
        String line() {
            List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).as("the launcher's output").hasSize(1);
            assertThat(lines.get(0)).startsWith("[tillpoint] ");
            return lines.get(0);
        }
    }
}
