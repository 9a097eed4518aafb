package io.tillpoint.domain.model.card;

import java.util.ArrayList;
import java.util.List;

/**
 * Card numbers inside free text (a reference, a note, a path): the rule of contract, "a Luhn-valid
 * run of 12-19 digits, spaces or dashes between them allowed".
 *
 * <p>A text is read as runs of digit groups: a group is digits without a break, and two groups
 * belong to one run when 1 to {@value #MOST_SEPARATORS} spaces or dashes stand between them. Any
 * span of whole groups of a run that holds 12 to 19 digits and passes Luhn is a card number, so a
 * CVC, a date or a quantity next to a card number does not hide it ({@code "4242 4242 4242 4242
 * 123"}). A group of more than 19 digits (an order number, a timestamp) is a long number: neither
 * it nor any part of it is a card number, or one in ten long numbers would be refused by chance.
 *
 * <p>A span that starts with 0 is not a card number: no card's major industry identifier (its first
 * digit, ISO/IEC 7812) is 0, while zero-padded numbers are everywhere ({@code pay_...000000000000}
 * is twelve zeros, and Luhn-valid).
 *
 * <p>A UUID ({@code 8-4-4-4-12} hexadecimal digits, standing apart) is an id, never a card number:
 * its groups are not read as digits. Otherwise about one UUID in ten thousand (a merchant's order id,
 * an idempotency key) would hold a Luhn-valid span of all-digit groups by chance; and no card
 * number has the shape of a UUID.
 *
 * <p>One pass over the text and at most 19 groups looked at per group: time linear in the text,
 * no regular expression to backtrack.
 */
public final class CardNumbersInText {

    static final int FEWEST_DIGITS = 12;
    static final int MOST_DIGITS = 19;
    static final int MOST_SEPARATORS = 3;
    private static final int UUID_LENGTH = 36;

    /** Where a card number stands in a text: from {@code start} (inclusive) to {@code end} (exclusive). */
    public record Found(int start, int end) {
    }

    private CardNumbersInText() {
    }

    /** Whether {@code text} holds a card number anywhere. */
    public static boolean contains(String text) {
        return !scan(text, true).isEmpty();
    }

    /** Every card number in {@code text}, in order and apart from each other; empty for none (or no text). */
    public static List<Found> find(String text) {
        return scan(text, false);
    }

    /**
     * {@code text} with every card number in it masked to its first six and last four digits
     * ({@link PanMasking#mask}); the same string when it holds none.
     */
    public static String mask(String text) {
        List<Found> found = find(text);
        if (found.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (Found f : found) {
            out.append(text, copied, f.start()).append(PanMasking.mask(text.substring(f.start(), f.end())));
            copied = f.end();
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static List<Found> scan(String text, boolean firstOnly) {
        if (text == null || text.length() < FEWEST_DIGITS) {
            return List.of();
        }
        List<Found> found = null;
        Groups groups = new Groups();
        char[] digits = new char[MOST_DIGITS];
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (isUuidAt(text, i)) {
                i += UUID_LENGTH;
                continue;
            }
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            groups.clear();
            int runEnd = readRun(text, i, groups);
            for (int g = 0; g < groups.count; g++) {
                int last = longestCardNumberFrom(text, groups, g, digits);
                if (last >= 0) {
                    if (found == null) {
                        found = new ArrayList<>(2);
                    }
                    found.add(new Found(groups.start[g], groups.end[last]));
                    if (firstOnly) {
                        return found;
                    }
                    g = last;
                }
            }
            i = runEnd;
        }
        return found == null ? List.of() : found;
    }

    /** Reads the run of digit groups that starts at {@code from} into {@code groups}; where it ends. */
    private static int readRun(String text, int from, Groups groups) {
        int n = text.length();
        int i = from;
        while (true) {
            int start = i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            groups.add(start, i);
            int separators = 0;
            int next = i;
            while (next < n && separators <= MOST_SEPARATORS && isSeparator(text.charAt(next))) {
                next++;
                separators++;
            }
            if (separators == 0 || separators > MOST_SEPARATORS || next >= n || !isDigit(text.charAt(next))) {
                return i;
            }
            i = next;
        }
    }

    /** The last group of the longest card number that starts with group {@code first}; -1 for none. */
    private static int longestCardNumberFrom(String text, Groups groups, int first, char[] digits) {
        if (text.charAt(groups.start[first]) == '0') {
            return -1;
        }
        int length = 0;
        int last = -1;
        for (int g = first; g < groups.count; g++) {
            int groupLength = groups.end[g] - groups.start[g];
            if (length + groupLength > MOST_DIGITS) {
                break;
            }
            text.getChars(groups.start[g], groups.end[g], digits, length);
            length += groupLength;
            if (length >= FEWEST_DIGITS && luhn(digits, length)) {
                last = g;
            }
        }
        return last;
    }

    private static boolean luhn(char[] digits, int length) {
        int sum = 0;
        boolean doubled = false;
        for (int i = length - 1; i >= 0; i--) {
            int d = digits[i] - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** Whether a UUID stands at {@code i}: 8-4-4-4-12 hex digits, no letter or digit right before or after. */
    private static boolean isUuidAt(String text, int i) {
        int end = i + UUID_LENGTH;
        if (end > text.length() || (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))
                || (end < text.length() && Character.isLetterOrDigit(text.charAt(end)))) {
            return false;
        }
        for (int k = 0; k < UUID_LENGTH; k++) {
            char c = text.charAt(i + k);
            boolean dash = k == 8 || k == 13 || k == 18 || k == 23;
            if (dash ? c != '-' : !isHex(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-';
    }

    /** The digit groups of one run: where each starts and ends. */
    private static final class Groups {
        int[] start = new int[8];
        int[] end = new int[8];
        int count;

        void clear() {
            count = 0;
        }

        void add(int from, int to) {
            if (count == start.length) {
                start = java.util.Arrays.copyOf(start, count * 2);
                end = java.util.Arrays.copyOf(end, count * 2);
            }
            start[count] = from;
            end[count] = to;
            count++;
        }
    }
}
