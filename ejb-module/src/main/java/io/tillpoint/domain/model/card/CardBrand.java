package io.tillpoint.domain.model.card;

/** Card schemes recognised from the leading digits (IIN ranges) of a card number. */
public enum CardBrand {
    VISA("visa", 3),
    MASTERCARD("mastercard", 3),
    AMEX("amex", 4),
    DISCOVER("discover", 3),
    JCB("jcb", 3),
    DINERS("diners", 3),
    UNIONPAY("unionpay", 3),
    UNKNOWN("unknown", 3);

    private final String apiName;
    private final int cvcLength;

    CardBrand(String apiName, int cvcLength) {
        this.apiName = apiName;
        this.cvcLength = cvcLength;
    }

    public String apiName() {
        return apiName;
    }

    public int cvcLength() {
        return cvcLength;
    }

    public static CardBrand detect(String digits) {
        int two = prefix(digits, 2);
        int three = prefix(digits, 3);
        int four = prefix(digits, 4);
        int six = prefix(digits, 6);
        if (digits.startsWith("4")) {
            return VISA;
        }
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return MASTERCARD;
        }
        if (two == 34 || two == 37) {
            return AMEX;
        }
        if (four == 6011 || two == 65 || (three >= 644 && three <= 649)
                || (six >= 622126 && six <= 622925)) {
            return DISCOVER;
        }
        if (four >= 3528 && four <= 3589) {
            return JCB;
        }
        if (two == 36 || two == 38 || two == 39 || (three >= 300 && three <= 305)) {
            return DINERS;
        }
        if (two == 62) {
            return UNIONPAY;
        }
        return UNKNOWN;
    }

    private static int prefix(String digits, int length) {
        return digits.length() < length ? -1 : Integer.parseInt(digits.substring(0, length));
    }
}
