package io.tillpoint.infrastructure.crypto;

import io.tillpoint.application.GeneratedSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Generated secrets go into {@code <data dir>/secrets/bootstrap.txt}, created owner-only (0600, in
 * a 0700 folder) before anything is written to it. The launcher shows the file's lines on the
 * terminal on the start that wrote them; the log only says where the file is.
 */
@ApplicationScoped
public class DataFolderSecrets implements GeneratedSecrets {

    private static final Logger LOG = Logger.getLogger(DataFolderSecrets.class.getName());

    @Inject
    @ConfigProperty(name = "tillpoint.data.dir")
    String dataDir;

    @Override
    public synchronized void handOver(String line) {
        Path file = file();
        try {
            boolean created = create(file);
            Files.writeString(file, (created ? header() : "") + line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated secrets to " + file, e);
        }
        LOG.info(() -> "generated a bootstrap secret: it is in " + file + " (owner-only), nowhere else");
    }

    Path file() {
        return Path.of(dataDir, "secrets", "bootstrap.txt").toAbsolutePath();
    }

    private static boolean create(Path file) throws IOException {
        Path folder = file.getParent();
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            return true;
        } catch (FileAlreadyExistsException exists) {
            return false;
        }
    }

    private static String header() {
        return "# Tillpoint: secrets generated on the first start (" + Instant.now() + "). Owner-only.\n"
                + "# Keep them somewhere safe; the gateway keeps only their hashes. This file may then be deleted.\n";
    }
}
