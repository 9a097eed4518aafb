package io.tillpoint.testbed.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Test card numbers with weights ("4242424242424242:85,4000000000000002:15"): which card the next payment uses. */
final class CardMix {

    private final List<String> numbers = new ArrayList<>();
    private final List<Integer> cumulative = new ArrayList<>();
    private int total;

    static CardMix parse(String spec) {
        CardMix mix = new CardMix();
        for (String part : spec.split(",")) {
            String entry = part.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String number = colon < 0 ? entry : entry.substring(0, colon).strip();
            int weight;
            try {
                weight = colon < 0 ? 1 : Integer.parseInt(entry.substring(colon + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--cards: the weight of a card must be an integer");
            }
            if (!number.matches("\\d{12,19}") || weight < 1 || weight > 1000) {
                throw new IllegalArgumentException("--cards: each entry is NUMBER[:WEIGHT], 12-19 digits and a weight 1..1000");
            }
            mix.total += weight;
            mix.numbers.add(number);
            mix.cumulative.add(mix.total);
        }
        if (mix.numbers.isEmpty()) {
            throw new IllegalArgumentException("--cards names no card");
        }
        return mix;
    }

    String next() {
        int pick = ThreadLocalRandom.current().nextInt(total);
        for (int i = 0; i < numbers.size(); i++) {
            if (pick < cumulative.get(i)) {
                return numbers.get(i);
            }
        }
        return numbers.get(numbers.size() - 1);
    }

    /** The mix without the card numbers: last four digits and weights. */
    String describe() {
        StringBuilder out = new StringBuilder();
        int previous = 0;
        for (int i = 0; i < numbers.size(); i++) {
            String n = numbers.get(i);
            out.append(i == 0 ? "" : ", ").append("..").append(n.substring(n.length() - 4))
                    .append(' ').append(100 * (cumulative.get(i) - previous) / total).append('%');
            previous = cumulative.get(i);
        }
        return out.toString();
    }
}
