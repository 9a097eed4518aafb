package io.tillpoint.interfaces.rest;

import static io.tillpoint.interfaces.rest.Refusals.assertRefused;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tillpoint.application.CreateCardPayment;
import io.tillpoint.domain.model.card.Card;
import io.tillpoint.domain.model.card.CardBrand;
import io.tillpoint.domain.model.payment.CaptureMode;
import io.tillpoint.domain.model.payment.Customer;
import io.tillpoint.domain.shared.CurrencyCode;
import io.tillpoint.domain.shared.Money;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.security.Permission;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /api/v1/payments: the contract's body becomes a command; each contract limit is a 400 naming its field. */
class PaymentRequestsTest {

    /** A card that expires four years from now, so the contract example never goes stale. */
    private static final int EXP_YEAR = YearMonth.now(ZoneOffset.UTC).getYear() + 4;

    /** The request body of the contract, "Payments" section (exp_year moved forward). */
    private static final String CONTRACT_BODY = """
            {"amount": 1999, "currency": "USD", "capture": "automatic",
             "reference": "order-123", "description": "...", "metadata": {"k": "v"},
             "customer": {"id": "c-1", "email": "a@b.c", "ip": "203.0.113.9", "country": "US"},
             "payment_method": {"type": "card", "card": {"number": "4242424242424242",
               "exp_month": 12, "exp_year": %d, "cvc": "123", "holder_name": "A B"}}}
            """.formatted(EXP_YEAR);

    private static JsonObject contractBody() {
        return Json.createReader(new StringReader(CONTRACT_BODY)).readObject();
    }

    /** The contract body with the field at {@code path} (dotted) set to {@code value}. */
    private static JsonObject with(String path, Object value) {
        return with(contractBody(), path, value);
    }

    private static JsonObject with(JsonObject object, String path, Object value) {
        int dot = path.indexOf('.');
        JsonObjectBuilder copy = Json.createObjectBuilder(object);
        if (dot < 0) {
            return copy.add(path, json(value)).build();
        }
        String head = path.substring(0, dot);
        return copy.add(head, with(object.getJsonObject(head), path.substring(dot + 1), value)).build();
    }

    /** The contract body without the field at {@code path} (dotted). */
    private static JsonObject without(String path) {
        return without(contractBody(), path);
    }

    private static JsonObject without(JsonObject object, String path) {
        int dot = path.indexOf('.');
        JsonObjectBuilder copy = Json.createObjectBuilder(object);
        if (dot < 0) {
            return copy.remove(path).build();
        }
        String head = path.substring(0, dot);
        return copy.add(head, without(object.getJsonObject(head), path.substring(dot + 1))).build();
    }

    @SuppressWarnings("unchecked")
    private static JsonValue json(Object value) {
        if (value instanceof JsonValue v) {
            return v;
        }
        if (value instanceof String s) {
            return Json.createValue(s);
        }
        if (value instanceof Long l) {
            return Json.createValue(l);
        }
        if (value instanceof Integer i) {
            return Json.createValue(i);
        }
        if (value instanceof Map<?, ?> m) {
            return Json.createObjectBuilder((Map<String, Object>) m).build();
        }
        throw new IllegalArgumentException("no JSON for " + value);
    }

    private static CreateCardPayment create(JsonObject body) {
        return PaymentRequests.createPayment("mer_test", JsonBody.parse(body.toString().getBytes(UTF_8)));
    }

    private static void assertRefusedAs(JsonObject body, String param) {
        assertRefused(() -> create(body), "invalid_request", param);
    }

    private static Map<String, String> metadataWithKeys(int count) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            values.put("key_" + i, "v");
        }
        return values;
    }

    @Test
    void theContractExampleBecomesACardPaymentCommand() {
        CreateCardPayment command = create(contractBody());

        assertThat(command.merchantId()).isEqualTo("mer_test");
        assertThat(command.amount()).isEqualTo(Money.of(1999, CurrencyCode.of("USD")));
        assertThat(command.captureMode()).isEqualTo(CaptureMode.AUTOMATIC);
        assertThat(command.details().reference()).isEqualTo("order-123");
        assertThat(command.details().description()).isEqualTo("...");
        assertThat(command.details().metadata().values()).containsExactly(Map.entry("k", "v"));
        Customer customer = command.details().customer();
        assertThat(customer.id()).isEqualTo("c-1");
        assertThat(customer.email()).isEqualTo("a@b.c");
        assertThat(customer.ip()).isEqualTo("203.0.113.9");
        assertThat(customer.country()).isEqualTo("US");
        Card card = command.card();
        assertThat(card.brand()).isEqualTo(CardBrand.VISA);
        assertThat(card.number().last4()).isEqualTo("4242");
        assertThat(card.expiry().month()).isEqualTo(12);
        assertThat(card.expiry().year()).isEqualTo(EXP_YEAR);
        assertThat(card.cvc().reveal()).isEqualTo("123");
        assertThat(card.holderName()).isEqualTo("A B");
    }

    @Test
    void theCommandNeverPrintsTheCardNumberOrCvc() {
        String printed = create(contractBody()).toString();

        assertThat(printed).doesNotContain("4242424242424242").doesNotContain("\"123\"").contains("424242******4242");
    }

    @Test
    void theSmallestBodyIsAmountCurrencyAndACard() {
        JsonObject minimal = Json.createObjectBuilder()
                .add("amount", 500).add("currency", "JPY")
                .add("payment_method", contractBody().getJsonObject("payment_method"))
                .build();

        CreateCardPayment command = create(minimal);

        assertThat(command.amount()).isEqualTo(Money.of(500, CurrencyCode.of("JPY")));
        assertThat(command.captureMode()).isEqualTo(CaptureMode.AUTOMATIC);
        assertThat(command.details().customer()).isNull();
        assertThat(command.details().metadata().values()).isEmpty();
    }

    @Nested
    class AmountCurrencyAndCapture {

        @Test
        void anAmountIsRequired() {
            assertRefusedAs(without("amount"), "amount");
        }

        @ParameterizedTest(name = "amount {0}")
        @ValueSource(longs = {0, -1, 1_000_000_000_001L})
        void anAmountMustBeMoreThanZeroAndAtMostTenToTheTwelve(long amount) {
            assertRefusedAs(with("amount", amount), "amount");
        }

        @Test
        void tenToTheTwelveIsAllowed() {
            assertThat(create(with("amount", 1_000_000_000_000L)).amount().minorUnits()).isEqualTo(1_000_000_000_000L);
        }

        @Test
        void anAmountIsAnIntegerNeverFloatingPoint() {
            assertRefusedAs(with("amount", Json.createValue(19.99)), "amount");
            assertRefusedAs(with("amount", "1999"), "amount");
        }

        @ParameterizedTest(name = "currency ''{0}''")
        @ValueSource(strings = {"usd", "US", "USDX", "XXX", "XTS", "ABC"})
        void aCurrencyIsAnUpperCaseIso4217Code(String currency) {
            assertRefusedAs(with("currency", currency), "currency");
        }

        @Test
        void aCurrencyIsRequired() {
            assertRefusedAs(without("currency"), "currency");
        }

        @Test
        void captureIsAutomaticOrManual() {
            assertThat(create(with("capture", "manual")).captureMode()).isEqualTo(CaptureMode.MANUAL);
            assertThat(create(without("capture")).captureMode()).isEqualTo(CaptureMode.AUTOMATIC);
            assertRefusedAs(with("capture", "later"), "capture");
            assertRefusedAs(with("capture", "MANUAL"), "capture");
        }

        @Test
        void anUnknownFieldIsRefusedByName() {
            assertRefusedAs(with("amout", 1999), "amout");
        }
    }

    @Nested
    class Limits {

        @Test
        void aReferenceHasAtMost255Characters() {
            assertThat(create(with("reference", "r".repeat(255))).details().reference()).hasSize(255);
            assertRefusedAs(with("reference", "r".repeat(256)), "reference");
        }

        @Test
        void aDescriptionHasAtMost1000Characters() {
            assertThat(create(with("description", "d".repeat(1000))).details().description()).hasSize(1000);
            assertRefusedAs(with("description", "d".repeat(1001)), "description");
        }

        @Test
        void metadataHasAtMost50Keys() {
            assertThat(create(with("metadata", metadataWithKeys(50))).details().metadata().values()).hasSize(50);
            assertRefusedAs(with("metadata", metadataWithKeys(51)), "metadata");
        }

        @Test
        void metadataKeysHaveAtMost40Characters() {
            assertThat(create(with("metadata", Map.of("k".repeat(40), "v"))).details().metadata().values()).hasSize(1);
            assertRefusedAs(with("metadata", Map.of("k".repeat(41), "v")), "metadata");
        }

        @Test
        void metadataValuesHaveAtMost500Characters() {
            assertThat(create(with("metadata", Map.of("k", "v".repeat(500)))).details().metadata().values())
                    .containsEntry("k", "v".repeat(500));
            assertRefusedAs(with("metadata", Map.of("k", "v".repeat(501))), "metadata.k");
        }

        @Test
        void metadataValuesAreStrings() {
            assertRefusedAs(with("metadata", Map.of("count", 2)), "metadata.count");
            assertRefusedAs(with("metadata", "k=v"), "metadata");
        }
    }

    @Nested
    class CustomerFields {

        @ParameterizedTest(name = "email ''{0}''")
        @ValueSource(strings = {"not-an-email", "a@b", "@b.c", "a@", "a b@c.d", "a@b..c", "a@-b.c", "a@b.c "})
        void anEmailMustBeAValidAddress(String email) {
            assertRefusedAs(with("customer.email", email), "customer.email");
        }

        @ParameterizedTest(name = "email ''{0}''")
        @ValueSource(strings = {"a@b.c", "first.last+tag@example.co.uk", "x@sub-domain.example"})
        void validEmailsPass(String email) {
            assertThat(create(with("customer.email", email)).details().customer().email()).isEqualTo(email);
        }

        @ParameterizedTest(name = "ip ''{0}''")
        @ValueSource(strings = {"256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.4:80", "example.com",
            "2001:db8::g", "1::2::3", "::ffff:1.2.3.4:80"})
        void anIpMustBeAValidIpv4OrIpv6Address(String ip) {
            assertRefusedAs(with("customer.ip", ip), "customer.ip");
        }

        @ParameterizedTest(name = "ip ''{0}''")
        @ValueSource(strings = {"203.0.113.9", "0.0.0.0", "255.255.255.255", "2001:db8::1", "::1",
            "2001:0db8:0000:0000:0000:ff00:0042:8329"})
        void validIpv4AndIpv6AddressesPass(String ip) {
            assertThat(create(with("customer.ip", ip)).details().customer().ip()).isEqualTo(ip);
        }

        @ParameterizedTest(name = "country ''{0}''")
        @ValueSource(strings = {"usa", "us", "USA", "XX", "U"})
        void aCountryIsIso3166Alpha2UpperCase(String country) {
            assertRefusedAs(with("customer.country", country), "customer.country");
        }

        @Test
        void anUnknownCustomerFieldIsRefusedWithItsPath() {
            assertRefusedAs(with("customer.phone", "+1 555"), "customer.phone");
        }
    }

    @Nested
    class PaymentMethod {

        @ParameterizedTest(name = "type ''{0}''")
        @ValueSource(strings = {"alipay", "wechat_pay", "crypto", "card_token"})
        void otherContractMethodsAreNotAvailableYet(String type) {
            assertRefused(() -> create(with("payment_method", Map.of("type", type))),
                    "payment_method_unavailable", "payment_method.type");
        }

        @Test
        void theContractsOtherMethodFormsAreRefusedAsUnavailableToo() {
            assertRefused(() -> create(with("payment_method", Map.of("type", "crypto", "asset", "USDC"))),
                    "payment_method_unavailable", "payment_method.type");
            assertRefused(() -> create(with("payment_method", Map.of("type", "card_token", "token", "tok_abc"))),
                    "payment_method_unavailable", "payment_method.type");
        }

        @Test
        void anUnknownTypeIsInvalid() {
            assertRefusedAs(with("payment_method.type", "bitcoin"), "payment_method.type");
            assertRefusedAs(without("payment_method.type"), "payment_method.type");
        }

        @Test
        void aPaymentMethodIsRequired() {
            assertRefusedAs(without("payment_method"), "payment_method");
            assertRefusedAs(without("payment_method.card"), "payment_method.card");
        }

        @ParameterizedTest(name = "without {0}")
        @ValueSource(strings = {"number", "exp_month", "exp_year"})
        void aCardNeedsItsNumberAndExpiry(String field) {
            assertRefusedAs(without("payment_method.card." + field), "payment_method.card." + field);
        }

        @Test
        void cvcAndHolderNameAreOptional() {
            JsonObject body = without(without("payment_method.card.cvc"), "payment_method.card.holder_name");

            Card card = create(body).card();

            assertThat(card.cvc()).isNull();
            assertThat(card.holderName()).isNull();
        }

        @Test
        void aWrongTypeInsideTheCardNamesTheDottedPath() {
            assertRefusedAs(with("payment_method.card.exp_month", "12"), "payment_method.card.exp_month");
            assertRefusedAs(with("payment_method.card.exp_year", Json.createValue(2030.5)), "payment_method.card.exp_year");
            assertRefusedAs(with("payment_method.card.number", 4242424242424242L), "payment_method.card.number");
        }

        @Test
        void anUnknownCardFieldIsRefusedWithItsPath() {
            assertRefusedAs(with("payment_method.card.pin", "1234"), "payment_method.card.pin");
        }

        @Test
        void aLuhnInvalidNumberIsRefused() {
            assertRefused(() -> create(with("payment_method.card.number", "4242424242424241")),
                    "invalid_number", "payment_method.card.number");
        }

        @Test
        void anExpiredCardIsRefused() {
            YearMonth lastMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
            JsonObject body = with(with("payment_method.card.exp_month", lastMonth.getMonthValue()),
                    "payment_method.card.exp_year", lastMonth.getYear());

            assertRefused(() -> create(body), "invalid_expiry_year", "payment_method.card.exp_year");
        }

        @Test
        void anAmexTakesAFourDigitCvc() {
            JsonObject amex = with("payment_method.card.number", "378282246310005");

            assertRefused(() -> create(amex), "invalid_cvc", "payment_method.card.cvc");
            assertThat(create(with(amex, "payment_method.card.cvc", "1234")).card().brand()).isEqualTo(CardBrand.AMEX);
        }
    }

    @Nested
    class IpAddresses {

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"example.com", "localhost", "tillpoint.io", "abc:def", "1.2.3.4:80", "dead:beef:cafe",
            "fe80::1%eth0"})
        void namesAreNeverLookedUpTheyAreSimplyNotAddresses(String name) {
            List<String> lookups = hostLookupsDuring(() -> assertThat(PaymentRequests.isIpAddress(name)).isFalse());

            assertThat(lookups).isEmpty();
        }

        @Test
        void literalsAreReadWithoutALookup() {
            List<String> lookups = hostLookupsDuring(() -> {
                assertThat(PaymentRequests.isIpAddress("203.0.113.9")).isTrue();
                assertThat(PaymentRequests.isIpAddress("2001:db8::1")).isTrue();
                assertThat(PaymentRequests.isIpAddress("256.1.1.1")).isFalse();
            });

            assertThat(lookups).isEmpty();
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"..:", ".:1", ".1:2"})
        void oddDotColonInputIsNotLookedUpEither(String input) {
            List<String> lookups = hostLookupsDuring(() -> assertThat(PaymentRequests.isIpAddress(input)).isFalse());

            assertThat(lookups).isEmpty();
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"::ffff:192.0.2.1", "::ffff:c000:0201"})
        void anIpv4MappedIpv6AddressIsAValidIpv6Address(String ip) {
            assertThat(PaymentRequests.isIpAddress(ip)).isTrue();
        }
    }

    /**
     * Host names the JDK is asked to resolve while {@code action} runs. On JDK 17 every name
     * resolution passes {@code SecurityManager.checkConnect(host, -1)}, so a permissive spy
     * manager sees each one; parsing a literal address does not call it.
     */
    @SuppressWarnings("removal")
    private static List<String> hostLookupsDuring(Runnable action) {
        List<String> lookups = new CopyOnWriteArrayList<>();
        SecurityManager spy = new SecurityManager() {
            @Override
            public void checkPermission(Permission perm) {
            }

            @Override
            public void checkPermission(Permission perm, Object context) {
            }

            @Override
            public void checkConnect(String host, int port) {
                if (port == -1) {
                    lookups.add(host);
                }
            }
        };
        try {
            System.setSecurityManager(spy);
        } catch (UnsupportedOperationException notOnThisJdk) {
            assumeTrue(false, "this JDK does not allow a SecurityManager (run with -Djava.security.manager=allow)");
        }
        try {
            action.run();
        } finally {
            System.setSecurityManager(null);
        }
        return lookups;
    }
}
