package io.tillpoint.infrastructure.secrets;

import io.tillpoint.application.GeneratedSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Generated secrets go into {@code <data dir>/secrets/bootstrap.txt}, owner-only (0600, in a 0700
 * folder) from the moment it exists: written aside and moved into place, so that the file holds
 * exactly the secrets of the start that generated them. The launcher shows its lines on the
 * terminal on that start; the log only says where the file is.
 */
@ApplicationScoped
public class DataFolderSecrets implements GeneratedSecrets {

    private static final Logger LOG = Logger.getLogger(DataFolderSecrets.class.getName());
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FOLDER =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    @Inject
    @ConfigProperty(name = "tillpoint.data.dir")
    String dataDir;

    @Override
    public void handOver(List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        Path file = file();
        try {
            Path folder = file.getParent();
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, OWNER_ONLY_FOLDER);
            }
            Path aside = Files.createTempFile(folder, "bootstrap", ".tmp", OWNER_ONLY_FILE);
            Files.writeString(aside, header() + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated secrets to " + file, e);
        }
        LOG.info(() -> "generated bootstrap secrets: they are in " + file + " (owner-only), nowhere else");
    }

    Path file() {
        return Path.of(dataDir, "secrets", "bootstrap.txt").toAbsolutePath();
    }

    private static String header() {
        return "# Tillpoint: secrets generated on the first start (" + Instant.now() + "). Owner-only.\n"
                + "# Keep them somewhere safe; the gateway keeps only their hashes. This file may then be deleted.\n";
    }
}
