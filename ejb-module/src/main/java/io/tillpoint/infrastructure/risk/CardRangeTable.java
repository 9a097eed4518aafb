package io.tillpoint.infrastructure.risk;

import io.tillpoint.domain.model.card.CardNumber;
import io.tillpoint.domain.model.risk.IssuingCountries;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Card issuing country from a card range table of {@code <leading digits>,<country>} lines (1 to
 * 19 digits; the longest matching prefix wins), as acquirers' BIN and account range files give
 * it. The file named by {@code tillpoint.risk.card-countries-file}
 * ({@code TILLPOINT_RISK_CARD_COUNTRIES_FILE}), or the shipped table of the sandbox's cards
 * (4000000000000101 is issued in BR, every other card in US, as the sandbox acquirer answers).
 */
@ApplicationScoped
public class CardRangeTable implements IssuingCountries {

    static final String SHIPPED = "/risk/card-countries.csv";

    @Inject
    @ConfigProperty(name = "tillpoint.risk.card-countries-file", defaultValue = " ")
    String file;

    private volatile Map<String, String> byPrefix = Map.of();
    /** The prefix lengths in the table, longest first. */
    private volatile int[] lengths = new int[0];

    /** For CDI. */
    public CardRangeTable() {
    }

    /** From {@code file} (blank: the shipped table), outside a container. */
    public CardRangeTable(String file) {
        this.file = file;
        load();
    }

    @PostConstruct
    void load() {
        Map<String, String> table = new HashMap<>();
        TreeSet<Integer> found = new TreeSet<>();
        for (CountryTableFile.Line line : CountryTableFile.read(file, SHIPPED)) {
            String prefix = line.key();
            if (prefix.isEmpty() || prefix.length() > 19 || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("card country table line " + line.number()
                        + ": expected <1 to 19 leading digits>,<country>");
            }
            table.put(prefix, line.country());
            found.add(prefix.length());
        }
        int[] sorted = found.descendingSet().stream().mapToInt(Integer::intValue).toArray();
        byPrefix = Map.copyOf(table);
        lengths = sorted;
    }

    @Override
    public String countryOf(CardNumber number) {
        String digits = number.reveal();
        for (int length : lengths) {
            if (length <= digits.length()) {
                String country = byPrefix.get(digits.substring(0, length));
                if (country != null) {
                    return country;
                }
            }
        }
        return null;
    }
}
