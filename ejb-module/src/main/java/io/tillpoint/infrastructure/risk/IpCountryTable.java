package io.tillpoint.infrastructure.risk;

import io.tillpoint.domain.model.risk.IpAddress;
import io.tillpoint.domain.model.risk.IpCountries;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * IP address to country from a table of {@code <network>/<prefix length>,<country>} lines (IPv4
 * and IPv6; a more specific network wins over one it lies in). The file named by
 * {@code tillpoint.risk.ip-countries-file} ({@code TILLPOINT_RISK_IP_COUNTRIES_FILE}), or the small
 * shipped table of documentation networks for tests and trials. A lookup is one masked hash lookup
 * per distinct prefix length in the table.
 */
@ApplicationScoped
public class IpCountryTable implements IpCountries {

    static final String SHIPPED = "/risk/ip-countries.csv";

    /** A network: its first address as a 128-bit number. */
    private record Network(long high, long low) {
    }

    @Inject
    @ConfigProperty(name = "tillpoint.risk.ip-countries-file", defaultValue = " ")
    String file;

    /** Per prefix length (most specific first): network -> country. */
    private volatile TreeMap<Integer, Map<Network, String>> byPrefix = new TreeMap<>();

    /** For CDI. */
    public IpCountryTable() {
    }

    /** From {@code file} (blank: the shipped table), outside a container. */
    public IpCountryTable(String file) {
        this.file = file;
        load();
    }

    @PostConstruct
    void load() {
        TreeMap<Integer, Map<Network, String>> table = new TreeMap<>((a, b) -> Integer.compare(b, a));
        List<CountryTableFile.Line> lines = CountryTableFile.read(file, SHIPPED);
        for (CountryTableFile.Line line : lines) {
            int slash = line.key().indexOf('/');
            IpAddress address = slash < 0 ? null : IpAddress.parse(line.key().substring(0, slash));
            int length;
            try {
                length = slash < 0 ? -1 : Integer.parseInt(line.key().substring(slash + 1));
            } catch (NumberFormatException e) {
                length = -1;
            }
            int max = address != null && address.isIpv4() ? 32 : 128;
            if (address == null || length < 0 || length > max) {
                throw new IllegalArgumentException("IP country table line " + line.number()
                        + ": expected <network>/<prefix length>,<country>");
            }
            int bits = address.isIpv4() ? 96 + length : length;
            table.computeIfAbsent(bits, b -> new HashMap<>()).put(masked(address.high(), address.low(), bits),
                    line.country());
        }
        byPrefix = table;
    }

    @Override
    public String countryOf(IpAddress address) {
        if (address == null) {
            return null;
        }
        for (Map.Entry<Integer, Map<Network, String>> e : byPrefix.entrySet()) {
            String country = e.getValue().get(masked(address.high(), address.low(), e.getKey()));
            if (country != null) {
                return country;
            }
        }
        return null;
    }

    private static Network masked(long high, long low, int bits) {
        long highMask = bits >= 64 ? -1L : bits == 0 ? 0L : -1L << (64 - bits);
        long lowMask = bits <= 64 ? 0L : bits == 128 ? -1L : -1L << (128 - bits);
        return new Network(high & highMask, low & lowMask);
    }
}
