package io.tillpoint.infrastructure.reconciliation;

import io.tillpoint.domain.model.reconciliation.ClearingFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Clearing files in {@code <data folder>/clearing/clearing-YYYY-MM-DD.csv} (or
 * {@code tillpoint.clearing.dir}): an acquirer's file transfer drops them there, the sandbox writes
 * its own. A file is written under a temporary name and moved into place, so a reader never sees half
 * of one. With several instances the folder must be shared (or the file dropped on each).
 */
@ApplicationScoped
public class FolderClearingFiles implements ClearingFiles {

    @Inject
    @ConfigProperty(name = "tillpoint.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "tillpoint.clearing.dir")
    Optional<String> clearingDir;

    Path folder() {
        return clearingDir.filter(d -> !d.isBlank()).map(Path::of).orElseGet(() -> Path.of(dataDir, "clearing"));
    }

    static String name(LocalDate day) {
        return "clearing-" + day + ".csv";
    }

    @Override
    public Optional<String> forDay(LocalDate day) {
        Path file = folder().resolve(name(day));
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the clearing file of " + day, e);
        }
    }

    /** Writes the day's file (replacing one that is there); its name. */
    public String write(LocalDate day, String text) {
        try {
            Path dir = Files.createDirectories(folder());
            Path temporary = Files.createTempFile(dir, ".clearing", ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, dir.resolve(name(day)), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return name(day);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the clearing file of " + day, e);
        }
    }
}
