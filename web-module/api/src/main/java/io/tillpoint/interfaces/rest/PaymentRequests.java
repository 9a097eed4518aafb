package io.tillpoint.interfaces.rest;

import io.tillpoint.application.CreateCardPayment;
import io.tillpoint.domain.model.card.Card;
import io.tillpoint.domain.model.card.CardNumber;
import io.tillpoint.domain.model.card.CardVerificationCode;
import io.tillpoint.domain.model.card.ExpiryDate;
import io.tillpoint.domain.model.merchant.Merchant;
import io.tillpoint.domain.model.payment.CaptureMode;
import io.tillpoint.domain.model.payment.Customer;
import io.tillpoint.domain.model.payment.Metadata;
import io.tillpoint.domain.model.payment.PaymentDetails;
import io.tillpoint.domain.shared.CurrencyCode;
import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.domain.shared.Money;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns request bodies into validated commands; every refusal names its field. */
public final class PaymentRequests {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final Pattern IPV4 = Pattern.compile("^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");
    private static final Pattern IPV6_CHARS = Pattern.compile("^[0-9A-Fa-f:.]{2,45}$");
    private static final Set<String> LATER_METHODS = Set.of("card_token", "alipay", "wechat_pay", "crypto");

    private PaymentRequests() {
    }

    public static CreateCardPayment createPayment(String merchantId, JsonBody body) {
        body.allowOnly("amount", "currency", "capture", "reference", "description", "metadata", "customer",
                "payment_method");
        long minorUnits = body.requiredLong("amount");
        CurrencyCode currency = CurrencyCode.of(body.requiredString("currency", 3));
        Money amount = Money.paymentAmount(minorUnits, currency, "amount");
        CaptureMode capture = CaptureMode.fromApiName(body.optionalString("capture", 16));
        String reference = body.optionalString("reference", 255);
        String description = body.optionalString("description", 1000);
        Metadata metadata = Metadata.of(body.optionalStringMap("metadata"));
        Customer customer = customer(body.optionalObject("customer"));
        Card card = card(body.requiredObject("payment_method"));
        return new CreateCardPayment(merchantId, amount, capture,
                new PaymentDetails(reference, description, metadata, customer), card);
    }

    private static Customer customer(JsonBody json) {
        if (json == null) {
            return null;
        }
        json.allowOnly("id", "email", "ip", "country");
        String id = json.optionalString("id", 255);
        String email = json.optionalString("email", 320);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new InvalidInputException(json.param("email"), "must be a valid email address");
        }
        String ip = json.optionalString("ip", 45);
        if (ip != null && !isIpAddress(ip)) {
            throw new InvalidInputException(json.param("ip"), "must be a valid IPv4 or IPv6 address");
        }
        String country = json.optionalString("country", 2);
        if (country != null) {
            Merchant.requireCountry(country, json.param("country"));
        }
        return new Customer(id, email, ip, country);
    }

    private static Card card(JsonBody method) {
        String type = method.requiredString("type", 32);
        if (LATER_METHODS.contains(type)) {
            throw new InvalidInputException("payment_method_unavailable", method.param("type"),
                    "'" + type + "' payments are not available on this gateway yet; use 'card'");
        }
        if (!"card".equals(type)) {
            throw new InvalidInputException(method.param("type"),
                    "must be one of card, card_token, alipay, wechat_pay, crypto");
        }
        method.allowOnly("type", "card");
        JsonBody json = method.requiredObject("card").allowOnly("number", "exp_month", "exp_year", "cvc", "holder_name");
        CardNumber number = CardNumber.parse(json.requiredString("number", 32));
        if (!json.has("exp_month")) {
            throw new InvalidInputException(json.param("exp_month"), "is required");
        }
        if (!json.has("exp_year")) {
            throw new InvalidInputException(json.param("exp_year"), "is required");
        }
        ExpiryDate expiry = ExpiryDate.of(json.optionalInt("exp_month"), json.optionalInt("exp_year"),
                YearMonth.now(ZoneOffset.UTC));
        CardVerificationCode cvc = CardVerificationCode.parse(json.optionalString("cvc", 4), number.brand());
        String holder = json.optionalString("holder_name", 200);
        return new Card(number, expiry, cvc, holder);
    }

    /** IPv4 dotted quad or IPv6 text form (RFC 4291 2.2), checked by hand: never a DNS lookup. */
    static boolean isIpAddress(String ip) {
        return IPV4.matcher(ip).matches() || isIpv6(ip);
    }

    private static boolean isIpv6(String ip) {
        if (ip.length() < 2 || ip.length() > 45 || !IPV6_CHARS.matcher(ip).matches()) {
            return false;
        }
        int groupsAllowed = 8;
        String hex = ip;
        int lastColon = ip.lastIndexOf(':');
        if (ip.indexOf('.') >= 0) {
            String tail = ip.substring(lastColon + 1);
            if (!IPV4.matcher(tail).matches()) {
                return false;
            }
            hex = ip.substring(0, lastColon + 1) + "0:0";
        }
        int compressed = hex.indexOf("::");
        if (compressed != hex.lastIndexOf("::")) {
            return false;
        }
        String[] parts = compressed < 0 ? hex.split(":", -1)
                : (hex.substring(0, compressed) + ":" + hex.substring(compressed + 2)).split(":", -1);
        int groups = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                boolean edgeOfCompression = compressed >= 0
                        && ((i == 0 && compressed == 0) || (i == parts.length - 1 && compressed + 2 == hex.length()));
                if (!edgeOfCompression) {
                    return false;
                }
                continue;
            }
            if (part.length() > 4 || !part.matches("[0-9A-Fa-f]+")) {
                return false;
            }
            groups++;
        }
        return compressed >= 0 ? groups < groupsAllowed : groups == groupsAllowed;
    }
}
