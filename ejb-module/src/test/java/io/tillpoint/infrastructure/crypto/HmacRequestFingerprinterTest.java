package io.tillpoint.infrastructure.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.domain.model.idempotency.RequestFingerprint;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, point 1: the idempotency fingerprint is an HMAC under a key of its own over a canonical
 * form of the request, in which the CVC is left out and the card number stands as its keyed
 * fingerprint; the same request gives the same fingerprint whatever its member order or whitespace.
 */
class HmacRequestFingerprinterTest {

    private static final String PATH = "/payments";
    private static final String PAYMENT = "{\"amount\":1999,\"currency\":\"USD\",\"capture\":\"automatic\","
            + "\"reference\":\"order-123\",\"metadata\":{\"k\":\"v\",\"a\":\"b\"},"
            + "\"payment_method\":{\"type\":\"card\",\"card\":{\"number\":\"4242424242424242\","
            + "\"exp_month\":12,\"exp_year\":2030,\"cvc\":\"123\",\"holder_name\":\"A B\"}}}";
    private static final String REORDERED = "{ \"payment_method\" : { \"card\" : { \"cvc\" : \"123\", \"exp_year\" : 2030,"
            + " \"number\" : \"4242424242424242\", \"holder_name\" : \"A B\", \"exp_month\" : 12 }, \"type\" : \"card\" },\n"
            + "  \"metadata\" : { \"a\" : \"b\", \"k\" : \"v\" }, \"reference\" : \"order-123\", \"capture\" : \"automatic\",\n"
            + "  \"currency\" : \"USD\", \"amount\" : 1999 }";

    private final HmacRequestFingerprinter fingerprinter = new HmacRequestFingerprinter(TestKeys.firstKeys());

    private RequestFingerprint of(String body) {
        return fingerprinter.fingerprint("POST", PATH, body.getBytes(UTF_8));
    }

    @Test
    void theSameRequestHasTheSameFingerprintWhateverItsMemberOrderAndWhitespace() {
        assertThat(of(REORDERED)).isEqualTo(of(PAYMENT));
        assertThat(of(REORDERED).matches(of(PAYMENT).value())).isTrue();
    }

    @Test
    void theValueNamesItsKeysAndIsAWholeDigest() {
        assertThat(of(PAYMENT).value()).startsWith("r1i1.").hasSize(48).matches("r1i1\\.[A-Za-z0-9_-]{43}");
    }

    @Test
    void theCvcIsLeftOutAndTheCardNumberCountsAsItsFingerprint() {
        assertThat(of(PAYMENT.replace("\"cvc\":\"123\"", "\"cvc\":\"999\""))).isEqualTo(of(PAYMENT));
        assertThat(of(PAYMENT.replace(",\"cvc\":\"123\"", ""))).isEqualTo(of(PAYMENT));
        assertThat(of(PAYMENT.replace("4242424242424242", "4242 4242 4242 4242"))).as("the same card number")
                .isEqualTo(of(PAYMENT));
        assertThat(of(PAYMENT.replace("4242424242424242", "5555555555554444"))).isNotEqualTo(of(PAYMENT));
    }

    @Test
    void anyOtherDifferenceIsAnotherRequest() {
        assertThat(of(PAYMENT.replace("1999", "2000"))).isNotEqualTo(of(PAYMENT));
        assertThat(of(PAYMENT.replace("\"v\"", "\"w\""))).isNotEqualTo(of(PAYMENT));
        assertThat(of(PAYMENT.replace("\"A B\"", "\"A  B\""))).isNotEqualTo(of(PAYMENT));
        assertThat(of(PAYMENT.replace("\"exp_year\":2030", "\"exp_year\":2031"))).isNotEqualTo(of(PAYMENT));
        assertThat(fingerprinter.fingerprint("POST", "/payments/pay_1/refunds", PAYMENT.getBytes(UTF_8)))
                .isNotEqualTo(of(PAYMENT));
        assertThat(fingerprinter.fingerprint("PUT", PATH, PAYMENT.getBytes(UTF_8))).isNotEqualTo(of(PAYMENT));
        assertThat(of("{\"amount\":\"1999\"}")).as("a string is not a number").isNotEqualTo(of("{\"amount\":1999}"));
    }

    @Test
    void pathAndBodyCannotBeShiftedIntoEachOther() {
        assertThat(fingerprinter.fingerprint("POST", "/payments/pay_1/refunds", "{}".getBytes(UTF_8)))
                .isNotEqualTo(fingerprinter.fingerprint("POST", "/payments/pay_1/refunds{", "}".getBytes(UTF_8)));
    }

    @Test
    void anEmptyBodyIsNeitherAnEmptyObjectNorMissing() {
        RequestFingerprint empty = fingerprinter.fingerprint("POST", "/payments/pay_1/void", new byte[0]);

        assertThat(empty.value()).hasSize(48);
        assertThat(empty).isNotEqualTo(fingerprinter.fingerprint("POST", "/payments/pay_1/void", "{}".getBytes(UTF_8)));
    }

    /**
     * A body that is not JSON is refused whatever it holds; its digits do not count, so no card
     * number or CVC in it reaches the hash. Two such bodies that differ only in digits are the same
     * request (the replay is the first one's 400).
     */
    @Test
    void aBodyThatIsNotJsonCountsWithoutItsDigits() {
        String broken = PAYMENT.substring(0, PAYMENT.length() - 3);

        assertThat(of(broken)).isEqualTo(of(broken.replace("4242424242424242", "5555555555554444")));
        assertThat(of(broken)).isNotEqualTo(of(PAYMENT));
        assertThat(of(broken)).isNotEqualTo(of(broken.replace("USD", "EUR")));
        assertThat(new String(CanonicalRequest.of("POST", PATH, broken.getBytes(UTF_8), n -> "x"), UTF_8))
                .doesNotContain("4242").doesNotContain("123");
    }

    @Test
    void theCanonicalFormHoldsNoCardNumberAndNoCvc() {
        String canonical = new String(CanonicalRequest.of("POST", PATH, PAYMENT.getBytes(UTF_8), n -> "i1.fp"), UTF_8);

        assertThat(canonical).doesNotContain("4242424242424242").doesNotContain("cvc").doesNotContain("\"123\"")
                .contains("\"number\":card(i1.fp)").contains("\"amount\":1999");
    }

    @Test
    void aNumberThatIsNoCardNumberCountsWithoutItsDigits() {
        String luhnInvalid = PAYMENT.replace("4242424242424242", "4242424242424241");
        String canonical = new String(CanonicalRequest.of("POST", PATH, luhnInvalid.getBytes(UTF_8), n -> "fp"), UTF_8);

        assertThat(canonical).doesNotContain("4242").contains("\"number\":\"################\"");
    }

    @Test
    void theFingerprintIsKeyedAndNoPlainHashOfTheBodyOrTheCardNumber() throws Exception {
        HmacRequestFingerprinter otherKeys = new HmacRequestFingerprinter(CardDataKeys.of(TestKeys.ring('c', 0, 1),
                TestKeys.ring('m', 0, 1), TestKeys.ring('x', 0, 1)));
        String value = of(PAYMENT).value();

        assertThat(otherKeys.fingerprint("POST", PATH, PAYMENT.getBytes(UTF_8))).isNotEqualTo(of(PAYMENT));
        for (String clear : new String[] {PAYMENT, "4242424242424242", "POST\u0000/payments\u0000" + PAYMENT}) {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(clear.getBytes(UTF_8));
            assertThat(value).doesNotContain(HexFormat.of().formatHex(sha).substring(0, 16))
                    .doesNotContain(Base64.getEncoder().encodeToString(sha).substring(0, 16))
                    .doesNotContain(Base64.getUrlEncoder().encodeToString(sha).substring(0, 16));
        }
    }

    @Test
    void aRecordMadeBeforeARotationStillMatchesTheSameRequestWhileTheOldKeysAreHeld() {
        RequestFingerprint before = of(PAYMENT);
        RequestFingerprint otherBefore = of(PAYMENT.replace("1999", "2000"));
        HmacRequestFingerprinter rotated = new HmacRequestFingerprinter(CardDataKeys.of(TestKeys.ring('c', 0, 1, 2),
                TestKeys.ring('m', 0, 1), TestKeys.ring('r', 0, 1, 2)));
        HmacRequestFingerprinter oldKeysGone = new HmacRequestFingerprinter(CardDataKeys.of(TestKeys.ring('c', 0, 2),
                TestKeys.ring('m', 0, 1), TestKeys.ring('r', 0, 2)));

        RequestFingerprint after = rotated.fingerprint("POST", PATH, PAYMENT.getBytes(UTF_8));

        assertThat(after.value()).startsWith("r2i2.").isNotEqualTo(before.value());
        assertThat(after.matches(before.value())).isTrue();
        assertThat(after.matches(otherBefore.value())).isFalse();
        assertThat(oldKeysGone.fingerprint("POST", PATH, PAYMENT.getBytes(UTF_8)).matches(before.value())).isFalse();
    }

    @Test
    void aCardNumberAnywhereElseStandsAsItsFingerprintToo() {
        String canonical = new String(CanonicalRequest.of("POST", PATH,
                "{\"note\":\"card 4242 4242 4242 4242 exp 12/30\",\"4242424242424242\":1}".getBytes(UTF_8),
                n -> "fp" + n.last4()), UTF_8);

        assertThat(canonical).doesNotContain("4242 4242").doesNotContain("424242")
                .contains("\"note\":\"card \\c(fp4242) exp 12/30\"").contains("\"\\c(fp4242)\":1");
    }

    @Test
    void noStringCanSpellTheCardNumberToken() {
        String canonical = new String(CanonicalRequest.of("POST", PATH, "{\"note\":\"\\\\c(fp)\"}".getBytes(UTF_8),
                n -> "fp"), UTF_8);

        assertThat(canonical).contains("\"note\":\"\\\\c(fp)\"");
    }
}
