package io.tillpoint.infrastructure.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderSecretsTest {

    @TempDir
    Path data;

    private DataFolderSecrets secrets() {
        DataFolderSecrets secrets = new DataFolderSecrets();
        secrets.dataDir = data.toString();
        return secrets;
    }

    @Test
    void the_secrets_go_into_an_owner_only_file_in_an_owner_only_folder() throws Exception {
        secrets().handOver(List.of("platform API client: client_id=platform client_secret=ps_1", "console user: admin password=p1"));

        Path file = data.resolve("secrets").resolve("bootstrap.txt");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readAllLines(file)).filteredOn(l -> !l.startsWith("#"))
                .containsExactly("platform API client: client_id=platform client_secret=ps_1", "console user: admin password=p1");
    }

    @Test
    void a_later_start_that_generates_secrets_replaces_the_earlier_ones_and_leaves_nothing_aside() throws Exception {
        secrets().handOver(List.of("platform API client: client_id=platform client_secret=ps_1"));
        secrets().handOver(List.of("platform API client: client_id=platform client_secret=ps_2"));

        Path folder = data.resolve("secrets");
        assertThat(Files.readString(folder.resolve("bootstrap.txt"))).contains("ps_2").doesNotContain("ps_1");
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(folder.resolve("bootstrap.txt"));
        }
    }

    @Test
    void a_start_that_generates_nothing_leaves_the_file_alone() throws Exception {
        secrets().handOver(List.of("console user: admin password=p1"));
        Path file = data.resolve("secrets").resolve("bootstrap.txt");
        String before = Files.readString(file);

        secrets().handOver(List.of());

        assertThat(Files.readString(file)).isEqualTo(before);
    }
}
