package io.tillpoint.domain.model.payment;

import static io.tillpoint.domain.shared.DomainAssertions.invalidState;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The payment lifecycle as one explicit state machine: every (status, event) pair is either in
 * the table below or refused with 409 invalid_state. Nothing else.
 */
class PaymentStatusTest {

    /** The whole lifecycle, one allowed transition per line: from, event, to. */
    private static final String TRANSITIONS = """
            PROCESSING          AUTHORIZATION_APPROVED  AUTHORIZED
            PROCESSING          AUTHORIZATION_DECLINED  DECLINED
            PROCESSING          OUTCOME_UNKNOWN         UNKNOWN
            PROCESSING          CHALLENGE_REQUIRED      REQUIRES_ACTION
            PROCESSING          HELD_FOR_REVIEW         IN_REVIEW
            UNKNOWN             AUTHORIZATION_APPROVED  AUTHORIZED
            UNKNOWN             AUTHORIZATION_DECLINED  DECLINED
            UNKNOWN             HELD_FOR_REVIEW         IN_REVIEW
            REQUIRES_ACTION     CHALLENGE_SUBMITTED     PROCESSING
            REQUIRES_ACTION     AUTHORIZATION_DECLINED  DECLINED
            AUTHORIZED          CAPTURE                 CAPTURED
            AUTHORIZED          VOID                    VOIDED
            IN_REVIEW           REVIEW_APPROVED         AUTHORIZED
            IN_REVIEW           VOID                    VOIDED
            CAPTURED            PARTIAL_REFUND          PARTIALLY_REFUNDED
            CAPTURED            FULL_REFUND             REFUNDED
            PARTIALLY_REFUNDED  PARTIAL_REFUND          PARTIALLY_REFUNDED
            PARTIALLY_REFUNDED  FULL_REFUND             REFUNDED
            """;

    private static final Map<PaymentStatus, Map<PaymentEvent, PaymentStatus>> EXPECTED = parse(TRANSITIONS);

    private static Map<PaymentStatus, Map<PaymentEvent, PaymentStatus>> parse(String table) {
        Map<PaymentStatus, Map<PaymentEvent, PaymentStatus>> expected = new EnumMap<>(PaymentStatus.class);
        for (PaymentStatus s : PaymentStatus.values()) {
            expected.put(s, new EnumMap<>(PaymentEvent.class));
        }
        table.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
            String[] cols = line.split("\\s+");
            expected.get(PaymentStatus.valueOf(cols[0])).put(PaymentEvent.valueOf(cols[1]), PaymentStatus.valueOf(cols[2]));
        });
        return expected;
    }

    /** Every status crossed with every event: 10 x 11 pairs. */
    static Stream<Arguments> everyStatusAndEvent() {
        return Arrays.stream(PaymentStatus.values())
                .flatMap(s -> Arrays.stream(PaymentEvent.values()).map(e -> Arguments.of(s, e)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("everyStatusAndEvent")
    void followsTheTableAndRefusesEverythingElse(PaymentStatus from, PaymentEvent event) {
        PaymentStatus expected = EXPECTED.get(from).get(event);

        if (expected != null) {
            assertThat(from.allows(event)).isTrue();
            assertThat(from.on(event)).isEqualTo(expected);
        } else {
            assertThat(from.allows(event)).isFalse();
            assertThat(invalidState(() -> from.on(event)))
                    .hasMessage("Cannot " + event.verb() + " a payment whose status is " + from.apiName());
        }
    }

    @Test
    void theTableCoversEighteenTransitions() {
        long allowed = everyStatusAndEvent()
                .filter(a -> ((PaymentStatus) a.get()[0]).allows((PaymentEvent) a.get()[1]))
                .count();
        assertThat(allowed).isEqualTo(18);
    }

    @Test
    void finalStatusesAllowNoEventAtAll() {
        Set<PaymentStatus> finals = EnumSet.noneOf(PaymentStatus.class);
        for (PaymentStatus s : PaymentStatus.values()) {
            if (s.isFinal()) {
                finals.add(s);
            }
        }
        assertThat(finals).containsExactlyInAnyOrder(PaymentStatus.REFUNDED, PaymentStatus.VOIDED,
                PaymentStatus.DECLINED);
    }

    @Test
    void processingAndUnknownBothReadProcessing() {
        assertThat(PaymentStatus.PROCESSING.apiName()).isEqualTo("processing");
        assertThat(PaymentStatus.UNKNOWN.apiName()).isEqualTo("processing");
    }

    @Test
    void everyOtherStatusReadsAsTheContractNamesIt() {
        Map<PaymentStatus, String> names = Arrays.stream(PaymentStatus.values())
                .filter(s -> s != PaymentStatus.PROCESSING && s != PaymentStatus.UNKNOWN)
                .collect(Collectors.toMap(s -> s, PaymentStatus::apiName));

        assertThat(names).containsOnly(
                Map.entry(PaymentStatus.REQUIRES_ACTION, "requires_action"),
                Map.entry(PaymentStatus.AUTHORIZED, "authorized"),
                Map.entry(PaymentStatus.CAPTURED, "captured"),
                Map.entry(PaymentStatus.PARTIALLY_REFUNDED, "partially_refunded"),
                Map.entry(PaymentStatus.REFUNDED, "refunded"),
                Map.entry(PaymentStatus.VOIDED, "voided"),
                Map.entry(PaymentStatus.DECLINED, "declined"),
                Map.entry(PaymentStatus.IN_REVIEW, "in_review"));
    }

    @Test
    void aRefusalNamesTheStatusAsTheApiShowsIt() {
        assertThat(invalidState(() -> PaymentStatus.UNKNOWN.on(PaymentEvent.CAPTURE)))
                .hasMessage("Cannot capture a payment whose status is processing");
    }

    @Test
    void readsStatusFiltersByApiName() {
        assertThat(PaymentStatus.fromApiName("captured")).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(PaymentStatus.fromApiName("processing")).isEqualTo(PaymentStatus.PROCESSING);
        assertThat(PaymentStatus.fromApiName("CAPTURED")).isNull();
        assertThat(PaymentStatus.fromApiName("pending")).isNull();
    }
}
