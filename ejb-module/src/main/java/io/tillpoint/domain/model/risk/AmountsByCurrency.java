package io.tillpoint.domain.model.risk;

import io.tillpoint.domain.shared.CurrencyCode;
import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.domain.shared.Money;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rule's amounts per currency, in each currency's minor unit (there is no conversion between
 * currencies: a currency without an amount here is not checked by the rule).
 */
public record AmountsByCurrency(Map<String, Long> amounts) {

    public static final int MAX_CURRENCIES = 50;

    public AmountsByCurrency {
        amounts = Map.copyOf(amounts);
    }

    /** Checked: ISO 4217 codes, amounts from 1 to 10^12 minor units. */
    public static AmountsByCurrency of(Map<String, Long> amounts, String param) {
        if (amounts.isEmpty()) {
            throw new InvalidInputException(param, "must name at least one currency");
        }
        if (amounts.size() > MAX_CURRENCIES) {
            throw new InvalidInputException(param, "must name at most " + MAX_CURRENCIES + " currencies");
        }
        Map<String, Long> checked = new TreeMap<>();
        for (Map.Entry<String, Long> e : amounts.entrySet()) {
            try {
                CurrencyCode.of(e.getKey());
            } catch (InvalidInputException notACurrency) {
                throw new InvalidInputException(param, "has a key that is not an ISO 4217 currency code");
            }
            Long value = e.getValue();
            if (value == null || value < 1 || value > Money.MAX_PAYMENT_AMOUNT) {
                throw new InvalidInputException(param + "." + e.getKey(),
                        "must be an amount from 1 to " + Money.MAX_PAYMENT_AMOUNT + " minor units");
            }
            checked.put(e.getKey(), value);
        }
        return new AmountsByCurrency(checked);
    }

    /** The amount for {@code currency}, or null when the rule names none for it. */
    public Long of(CurrencyCode currency) {
        return amounts.get(currency.code());
    }

    /** In code order, for showing and storing. */
    public Map<String, Long> sorted() {
        return new TreeMap<>(amounts);
    }
}
