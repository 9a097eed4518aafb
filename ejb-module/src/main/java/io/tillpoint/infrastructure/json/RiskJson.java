package io.tillpoint.infrastructure.json;

import io.tillpoint.domain.model.risk.AmountsByCurrency;
import io.tillpoint.domain.model.risk.BlocklistEntry;
import io.tillpoint.domain.model.risk.Condition;
import io.tillpoint.domain.model.risk.ConditionKind;
import io.tillpoint.domain.model.risk.Freeze;
import io.tillpoint.domain.model.risk.RiskAssessment;
import io.tillpoint.domain.model.risk.RiskRule;
import io.tillpoint.domain.model.risk.SubjectKind;
import io.tillpoint.domain.shared.InvalidInputException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Risk control's objects as JSON, wherever they are shown or kept: a rule's condition (the admin
 * API's {@code condition} object, also how the database keeps a rule's parameters), rules,
 * blocklist entries, freezes (also the data of a {@code risk.alert} event) and a payment's
 * {@code risk} field. A condition is read strictly: an unknown or missing field, a wrong type or
 * a value out of range is a 400 that names the field ({@code condition.<field>}).
 */
public final class RiskJson {

    private static final String PARAM = "condition";

    private RiskJson() {
    }

    // ------------------------------------------------------------------------------ conditions

    public static JsonObject condition(Condition condition) {
        JsonObjectBuilder json = Jsons.object().add("kind", condition.kind().wire());
        if (condition instanceof Condition.CountryMismatch c) {
            json.add("thresholds", amounts(c.thresholds()));
        } else if (condition instanceof Condition.AmountAbove c) {
            json.add("limits", amounts(c.limits()));
        } else if (condition instanceof Condition.AmountUnusual c) {
            json.add("deviations", c.deviations()).add("min_payments", c.minPayments());
        } else if (condition instanceof Condition.FailureStreak c) {
            json.add("subject", c.subject().wire()).add("declines", c.declines())
                    .add("window_minutes", c.window().toMinutes());
        } else if (condition instanceof Condition.CardTesting c) {
            json.add("subject", c.subject().wire()).add("attempts", c.attempts())
                    .add("distinct_cards", c.distinctCards()).add("small_amounts", amounts(c.smallAmounts()))
                    .add("window_minutes", c.window().toMinutes()).add("min_decline_ratio", c.minDeclineRatio());
        }
        return json.build();
    }

    /** The condition a JSON object describes, checked strictly. */
    public static Condition condition(JsonObject json) {
        ConditionKind kind = ConditionKind.ofWire(string(json, "kind"), PARAM + ".kind");
        return switch (kind) {
            case COUNTRY_MISMATCH -> {
                only(json, "kind", "thresholds");
                yield new Condition.CountryMismatch(amounts(json, "thresholds"));
            }
            case AMOUNT_ABOVE -> {
                only(json, "kind", "limits");
                yield new Condition.AmountAbove(amounts(json, "limits"));
            }
            case AMOUNT_UNUSUAL -> {
                only(json, "kind", "deviations", "min_payments");
                yield new Condition.AmountUnusual(number(json, "deviations"), (int) integer(json, "min_payments"));
            }
            case NEW_COUNTRY -> {
                only(json, "kind");
                yield new Condition.NewCountry();
            }
            case FAILURE_STREAK -> {
                only(json, "kind", "subject", "declines", "window_minutes");
                yield new Condition.FailureStreak(SubjectKind.ofWire(string(json, "subject"), PARAM + ".subject"),
                        (int) integer(json, "declines"), Duration.ofMinutes(integer(json, "window_minutes")));
            }
            case CARD_TESTING -> {
                only(json, "kind", "subject", "attempts", "distinct_cards", "small_amounts", "window_minutes",
                        "min_decline_ratio");
                yield new Condition.CardTesting(SubjectKind.ofWire(string(json, "subject"), PARAM + ".subject"),
                        (int) integer(json, "attempts"), (int) integer(json, "distinct_cards"),
                        amounts(json, "small_amounts"), Duration.ofMinutes(integer(json, "window_minutes")),
                        number(json, "min_decline_ratio"));
            }
        };
    }

    /** A condition as the database keeps it: its kind, and its parameters ({@link #parameters}). */
    public static Condition condition(String kind, String parameters) {
        try (JsonReader reader = Jsons.reader(new StringReader(parameters))) {
            JsonObjectBuilder json = Jsons.object(reader.readObject()).add("kind", kind);
            return condition(json.build());
        }
    }

    /** A condition's parameters: its JSON object without the kind. */
    public static String parameters(Condition condition) {
        return Jsons.object(condition(condition)).remove("kind").build().toString();
    }

    private static JsonObjectBuilder amounts(AmountsByCurrency amounts) {
        JsonObjectBuilder json = Jsons.object();
        amounts.sorted().forEach(json::add);
        return json;
    }

    private static AmountsByCurrency amounts(JsonObject json, String name) {
        JsonValue v = required(json, name);
        if (!(v instanceof JsonObject o)) {
            throw new InvalidInputException(PARAM + "." + name, "must be an object of currency codes to amounts");
        }
        Map<String, Long> amounts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            if (!(e.getValue() instanceof JsonNumber n) || !n.isIntegral()) {
                throw new InvalidInputException(PARAM + "." + name + "." + e.getKey(), "must be an integer");
            }
            try {
                amounts.put(e.getKey(), n.bigDecimalValue().longValueExact());
            } catch (ArithmeticException tooBig) {
                throw new InvalidInputException(PARAM + "." + name + "." + e.getKey(), "is out of range");
            }
        }
        return AmountsByCurrency.of(amounts, PARAM + "." + name);
    }

    private static void only(JsonObject json, String... names) {
        Set<String> allowed = Set.of(names);
        for (String key : json.keySet()) {
            if (!allowed.contains(key)) {
                throw new InvalidInputException(PARAM + "." + key, "is not a field of this kind of condition");
            }
        }
    }

    private static JsonValue required(JsonObject json, String name) {
        JsonValue v = json.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            throw new InvalidInputException(PARAM + "." + name, "is required");
        }
        return v;
    }

    private static String string(JsonObject json, String name) {
        if (!(required(json, name) instanceof JsonString s)) {
            throw new InvalidInputException(PARAM + "." + name, "must be a string");
        }
        return s.getString();
    }

    private static long integer(JsonObject json, String name) {
        if (!(required(json, name) instanceof JsonNumber n) || !n.isIntegral()) {
            throw new InvalidInputException(PARAM + "." + name, "must be an integer");
        }
        try {
            long value = n.bigDecimalValue().longValueExact();
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new InvalidInputException(PARAM + "." + name, "is out of range");
            }
            return value;
        } catch (ArithmeticException tooBig) {
            throw new InvalidInputException(PARAM + "." + name, "is out of range");
        }
    }

    private static double number(JsonObject json, String name) {
        if (!(required(json, name) instanceof JsonNumber n)) {
            throw new InvalidInputException(PARAM + "." + name, "must be a number");
        }
        double value = n.doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new InvalidInputException(PARAM + "." + name, "is out of range");
        }
        return value;
    }

    // ------------------------------------------------------------------------- what is shown

    /** A payment's {@code risk} field (null for a payment taken before risk control). */
    public static JsonValue assessment(RiskAssessment risk) {
        if (risk == null) {
            return JsonValue.NULL;
        }
        JsonArrayBuilder rules = Jsons.array();
        risk.rules().forEach(rules::add);
        return Jsons.object().add("score", risk.score()).add("decision", risk.decision().wire()).add("rules", rules)
                .build();
    }

    public static JsonObject rule(RiskRule r) {
        JsonObjectBuilder json = Jsons.object()
                .add("id", r.id())
                .add("object", "risk_rule")
                .add("version", r.version())
                .add("name", r.name())
                .add("enabled", r.enabled())
                .add("order", r.order())
                .add("condition", condition(r.condition()))
                .add("score", r.score())
                .add("action", r.action().wire());
        if (r.freezeFor() == null) {
            json.addNull("freeze_minutes");
        } else {
            json.add("freeze_minutes", r.freezeFor().toMinutes());
        }
        return json.add("evaluated", r.screening() ? "before_acquirer" : "after_outcome")
                .add("created_at", PaymentJson.format(r.createdAt()))
                .add("created_by", r.createdBy())
                .build();
    }

    public static JsonObject blocklistEntry(BlocklistEntry e) {
        JsonObjectBuilder json = Jsons.object()
                .add("id", e.id())
                .add("object", "risk_blocklist_entry")
                .add("kind", e.kind().wire());
        PaymentJson.nullable(json, "value", e.shownValue());
        PaymentJson.nullable(json, "merchant_id", e.merchantId());
        if (e.cardBin() != null) {
            JsonObjectBuilder card = Jsons.object().add("bin", e.cardBin());
            PaymentJson.nullable(card, "last4", e.cardLast4());
            json.add("card", card);
        } else {
            json.addNull("card");
        }
        json.add("reason", e.reason())
                .add("created_at", PaymentJson.format(e.createdAt()))
                .add("created_by", e.createdBy());
        PaymentJson.nullable(json, "removed_at", PaymentJson.format(e.removedAt()));
        PaymentJson.nullable(json, "removed_by", e.removedBy());
        PaymentJson.nullable(json, "removal_reason", e.removalReason());
        return json.build();
    }

    /** A freeze as operators see it, and as a {@code risk.alert} event's data: never a card's fingerprint. */
    public static JsonObject freeze(Freeze f, Instant now) {
        JsonObjectBuilder subject = Jsons.object().add("kind", f.kind().wire());
        PaymentJson.nullable(subject, "value", f.shownValue());
        PaymentJson.nullable(subject, "merchant_id", f.merchantId());
        if (f.kind() == SubjectKind.CARD) {
            PaymentJson.nullable(subject, "bin", f.cardBin());
        }
        JsonObjectBuilder json = Jsons.object()
                .add("id", f.id())
                .add("object", "risk_freeze")
                .add("subject", subject)
                .add("status", f.status(now));
        PaymentJson.nullable(json, "payment_id", f.paymentId());
        PaymentJson.nullable(json, "rule", f.ruleName());
        if (f.ruleVersion() == null) {
            json.addNull("rule_version");
        } else {
            json.add("rule_version", f.ruleVersion());
        }
        json.add("reason", f.reason())
                .add("created_at", PaymentJson.format(f.createdAt()))
                .add("created_by", f.createdBy())
                .add("expires_at", PaymentJson.format(f.expiresAt()));
        PaymentJson.nullable(json, "lifted_at", PaymentJson.format(f.liftedAt()));
        PaymentJson.nullable(json, "lifted_by", f.liftedBy());
        PaymentJson.nullable(json, "lift_reason", f.liftReason());
        return json.build();
    }

    /** The data of a {@code risk.alert} event: what was frozen, why, until when. */
    public static JsonObject alert(Freeze f, Instant now) {
        return Jsons.object()
                .add("object", "risk_alert")
                .add("type", "freeze")
                .add("freeze", freeze(f, now))
                .build();
    }
}
