package io.tillpoint.domain.model.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * What kind of address a webhook would reach. Public addresses are for anybody's receivers; the
 * private kinds (loopback, private networks, link-local, carrier-grade NAT, unique-local) only for
 * an operator who allows them ({@code TILLPOINT_WEBHOOK_ALLOW_PRIVATE}); the rest never: a cloud
 * metadata service, "this host", multicast and reserved addresses receive no webhooks anywhere.
 */
public enum AddressKind {
    PUBLIC(false, false),
    LOOPBACK(true, false),
    PRIVATE(true, false),
    LINK_LOCAL(true, false),
    CARRIER_GRADE_NAT(true, false),
    UNIQUE_LOCAL(true, false),
    METADATA(true, true),
    UNSPECIFIED(true, true),
    MULTICAST(true, true),
    RESERVED(true, true);

    private final boolean refused;
    private final boolean alwaysRefused;

    AddressKind(boolean refused, boolean alwaysRefused) {
        this.refused = refused;
        this.alwaysRefused = alwaysRefused;
    }

    /** True when a webhook may not go to such an address, given what the operator allows. */
    public boolean refused(boolean allowPrivate) {
        return alwaysRefused || (refused && !allowPrivate);
    }

    /** How a refusal names it, e.g. "a loopback address". */
    public String description() {
        return switch (this) {
            case PUBLIC -> "a public address";
            case LOOPBACK -> "a loopback address";
            case PRIVATE -> "a private network address";
            case LINK_LOCAL -> "a link-local address";
            case CARRIER_GRADE_NAT -> "a carrier-grade NAT address";
            case UNIQUE_LOCAL -> "a unique-local address";
            case METADATA -> "a cloud metadata address";
            case UNSPECIFIED -> "an unspecified address";
            case MULTICAST -> "a multicast address";
            case RESERVED -> "a reserved address";
        };
    }

    public static AddressKind of(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return ofIpv4(v4.getAddress());
        }
        return ofIpv6(((Inet6Address) address).getAddress());
    }

    private static AddressKind ofIpv4(byte[] a) {
        int b0 = a[0] & 0xFF;
        int b1 = a[1] & 0xFF;
        int b2 = a[2] & 0xFF;
        int b3 = a[3] & 0xFF;
        if (b0 == 169 && b1 == 254 && b2 == 169 && b3 == 254) {
            return METADATA;                       // AWS, GCP, Azure, OpenStack, ...
        }
        if (b0 == 100 && b1 == 100 && b2 == 100 && b3 == 200) {
            return METADATA;                       // Alibaba Cloud
        }
        if (b0 == 0) {
            return UNSPECIFIED;                    // 0.0.0.0/8, "this network" (0.0.0.0 reaches the host itself)
        }
        if (b0 == 127) {
            return LOOPBACK;
        }
        if (b0 == 10 || (b0 == 172 && (b1 & 0xF0) == 16) || (b0 == 192 && b1 == 168)) {
            return PRIVATE;                        // RFC 1918
        }
        if (b0 == 169 && b1 == 254) {
            return LINK_LOCAL;
        }
        if (b0 == 100 && (b1 & 0xC0) == 64) {
            return CARRIER_GRADE_NAT;              // 100.64.0.0/10, RFC 6598
        }
        if ((b0 == 192 && b1 == 0 && b2 == 0) || (b0 == 198 && (b1 & 0xFE) == 18)) {
            return PRIVATE;                        // 192.0.0.0/24 protocol assignments, 198.18.0.0/15 benchmarking
        }
        if ((b0 & 0xF0) == 224) {
            return MULTICAST;
        }
        if ((b0 & 0xF0) == 240) {
            return RESERVED;                       // 240.0.0.0/4 and the broadcast address
        }
        return PUBLIC;
    }

    private static AddressKind ofIpv6(byte[] a) {
        if (isZero(a, 0, 10) && (a[10] & 0xFF) == 0xFF && (a[11] & 0xFF) == 0xFF) {
            return ofIpv4(tail(a, 12));            // ::ffff:a.b.c.d, IPv4-mapped
        }
        if (isZero(a, 0, 15)) {
            return a[15] == 1 ? LOOPBACK : UNSPECIFIED;
        }
        if (isZero(a, 0, 12)) {
            return ofIpv4(tail(a, 12));            // ::a.b.c.d, IPv4-compatible (deprecated)
        }
        if ((a[0] & 0xFF) == 0x00 && (a[1] & 0xFF) == 0x64 && (a[2] & 0xFF) == 0xFF && (a[3] & 0xFF) == 0x9B
                && isZero(a, 4, 12)) {
            return ofIpv4(tail(a, 12));            // 64:ff9b::/96, NAT64
        }
        if ((a[0] & 0xFF) == 0x20 && (a[1] & 0xFF) == 0x02) {
            return ofIpv4(new byte[] {a[2], a[3], a[4], a[5]}); // 2002::/16, 6to4
        }
        if ((a[0] & 0xFF) == 0xFD && a[1] == 0 && (a[2] & 0xFF) == 0x0E && (a[3] & 0xFF) == 0xC2 && isZero(a, 4, 14)
                && (a[14] & 0xFF) == 0x02 && (a[15] & 0xFF) == 0x54) {
            return METADATA;                       // fd00:ec2::254, AWS over IPv6
        }
        if ((a[0] & 0xFE) == 0xFC) {
            return UNIQUE_LOCAL;                   // fc00::/7
        }
        if ((a[0] & 0xFF) == 0xFE && (a[1] & 0xC0) == 0x80) {
            return LINK_LOCAL;                     // fe80::/10
        }
        if ((a[0] & 0xFF) == 0xFE && (a[1] & 0xC0) == 0xC0) {
            return PRIVATE;                        // fec0::/10, site-local (deprecated)
        }
        if ((a[0] & 0xFF) == 0xFF) {
            return MULTICAST;
        }
        return PUBLIC;
    }

    private static boolean isZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] tail(byte[] a, int from) {
        return new byte[] {a[from], a[from + 1], a[from + 2], a[from + 3]};
    }
}
