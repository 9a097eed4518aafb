package io.tillpoint.domain.model.risk;

import java.util.Objects;

/**
 * An IPv4 or IPv6 address as one canonical text (IPv4 dotted; IPv6 in RFC 5952 form, lower case,
 * the longest run of zero groups compressed; an IPv4-mapped IPv6 address is its IPv4 address), so
 * that one address matches its blocklist entry, freeze and count however it was written. Also as
 * a 128-bit number (IPv4 mapped into {@code ::ffff:0:0/96}) for range tables. Parsed by hand:
 * never a DNS lookup.
 */
public final class IpAddress {

    private static final long IPV4_MAPPED_HIGH = 0L;
    private static final long IPV4_MAPPED_LOW_PREFIX = 0xFFFFL << 32;

    private final long high;
    private final long low;
    private final String text;

    private IpAddress(long high, long low) {
        this.high = high;
        this.low = low;
        this.text = format(high, low);
    }

    /** The address, or null when {@code raw} is not an IPv4 or IPv6 address in text form. */
    public static IpAddress parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 45) {
            return null;
        }
        if (raw.indexOf(':') < 0) {
            long v4 = ipv4(raw);
            return v4 < 0 ? null : new IpAddress(IPV4_MAPPED_HIGH, IPV4_MAPPED_LOW_PREFIX | v4);
        }
        int[] groups = ipv6(raw);
        if (groups == null) {
            return null;
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = (high << 16) | groups[i];
            low = (low << 16) | groups[i + 4];
        }
        return new IpAddress(high, low);
    }

    /** The canonical text of {@code raw}, or null when it is no address. */
    public static String canonical(String raw) {
        IpAddress ip = parse(raw);
        return ip == null ? null : ip.text;
    }

    public boolean isIpv4() {
        return high == IPV4_MAPPED_HIGH && (low >>> 32) == 0xFFFFL;
    }

    /** The upper 64 bits of the 128-bit number. */
    public long high() {
        return high;
    }

    /** The lower 64 bits of the 128-bit number. */
    public long low() {
        return low;
    }

    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress other && other.high == high && other.low == low;
    }

    @Override
    public int hashCode() {
        return Objects.hash(high, low);
    }

    @Override
    public String toString() {
        return text;
    }

    /** 0 .. 2^32-1, or -1 when not a dotted quad of 0..255 without leading zeros. */
    private static long ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                return -1;
            }
            int n = 0;
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                n = n * 10 + (c - '0');
            }
            if (n > 255) {
                return -1;
            }
            value = (value << 8) | n;
        }
        return value;
    }

    /** Eight 16-bit groups, or null. */
    private static int[] ipv6(String s) {
        String hex = s;
        int[] tail = null;
        int lastColon = s.lastIndexOf(':');
        if (s.indexOf('.') >= 0) {
            long v4 = ipv4(s.substring(lastColon + 1));
            if (v4 < 0) {
                return null;
            }
            tail = new int[] {(int) (v4 >>> 16), (int) (v4 & 0xFFFF)};
            hex = s.substring(0, lastColon + 1) + "0:0";
        }
        int compressed = hex.indexOf("::");
        if (compressed >= 0 && compressed != hex.lastIndexOf("::")) {
            return null;
        }
        String[] head;
        String[] rest;
        if (compressed >= 0) {
            String left = hex.substring(0, compressed);
            String right = hex.substring(compressed + 2);
            head = left.isEmpty() ? new String[0] : left.split(":", -1);
            rest = right.isEmpty() ? new String[0] : right.split(":", -1);
            if (head.length + rest.length > 7) {
                return null;
            }
        } else {
            head = hex.split(":", -1);
            rest = new String[0];
            if (head.length != 8) {
                return null;
            }
        }
        int[] groups = new int[8];
        for (int i = 0; i < head.length; i++) {
            int g = group(head[i]);
            if (g < 0) {
                return null;
            }
            groups[i] = g;
        }
        for (int i = 0; i < rest.length; i++) {
            int g = group(rest[i]);
            if (g < 0) {
                return null;
            }
            groups[8 - rest.length + i] = g;
        }
        if (tail != null) {
            groups[6] = tail[0];
            groups[7] = tail[1];
        }
        return groups;
    }

    private static int group(String part) {
        if (part.isEmpty() || part.length() > 4) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < part.length(); i++) {
            int d = Character.digit(part.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            n = (n << 4) | d;
        }
        return n;
    }

    private static String format(long high, long low) {
        if (high == IPV4_MAPPED_HIGH && (low >>> 32) == 0xFFFFL) {
            return ((low >>> 24) & 0xFF) + "." + ((low >>> 16) & 0xFF) + "." + ((low >>> 8) & 0xFF) + "." + (low & 0xFF);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 4; i++) {
            groups[i] = (int) ((high >>> (48 - 16 * i)) & 0xFFFF);
            groups[i + 4] = (int) ((low >>> (48 - 16 * i)) & 0xFFFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
