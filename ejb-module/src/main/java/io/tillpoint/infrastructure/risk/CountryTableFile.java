package io.tillpoint.infrastructure.risk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A country table as a file: one {@code key,country} line each (ISO 3166-1 alpha-2, upper case),
 * blank lines and {@code #} comments ignored. The configured file, or when none is configured the
 * small table shipped with the gateway.
 */
final class CountryTableFile {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    record Line(int number, String key, String country) {
    }

    private CountryTableFile() {
    }

    /** The lines of {@code configured} (a path; empty or null: the shipped {@code resource}). */
    static List<Line> read(String configured, String resource) {
        try {
            if (configured != null && !configured.isBlank()) {
                try (InputStream in = Files.newInputStream(Path.of(configured.strip()))) {
                    return lines(in, configured);
                }
            }
            try (InputStream in = CountryTableFile.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the shipped table " + resource + " is missing");
                }
                return lines(in, resource);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the country table " + configured, e);
        }
    }

    private static List<Line> lines(InputStream in, String source) throws IOException {
        List<Line> lines = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int comma = text.indexOf(',');
            String country = comma < 0 ? "" : text.substring(comma + 1).strip().toUpperCase(Locale.ROOT);
            if (comma < 0 || !COUNTRY.matcher(country).matches()) {
                throw new IllegalArgumentException(source + " line " + number
                        + ": expected <key>,<two-letter country code>");
            }
            lines.add(new Line(number, text.substring(0, comma).strip(), country));
        }
        return lines;
    }
}
