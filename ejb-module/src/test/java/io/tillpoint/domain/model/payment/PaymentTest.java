package io.tillpoint.domain.model.payment;

import static io.tillpoint.domain.model.ledger.Account.ACQUIRER_RECEIVABLE;
import static io.tillpoint.domain.model.ledger.Account.CARDHOLDER_AUTHORIZATIONS;
import static io.tillpoint.domain.model.ledger.Account.MERCHANT_PAYABLE;
import static io.tillpoint.domain.model.ledger.Account.MERCHANT_PENDING_AUTHORIZATIONS;
import static io.tillpoint.domain.model.payment.PaymentStatus.AUTHORIZED;
import static io.tillpoint.domain.model.payment.PaymentStatus.CAPTURED;
import static io.tillpoint.domain.model.payment.PaymentStatus.DECLINED;
import static io.tillpoint.domain.model.payment.PaymentStatus.PARTIALLY_REFUNDED;
import static io.tillpoint.domain.model.payment.PaymentStatus.PROCESSING;
import static io.tillpoint.domain.model.payment.PaymentStatus.REFUNDED;
import static io.tillpoint.domain.model.payment.PaymentStatus.REQUIRES_ACTION;
import static io.tillpoint.domain.model.payment.PaymentStatus.UNKNOWN;
import static io.tillpoint.domain.model.payment.PaymentStatus.VOIDED;
import static io.tillpoint.domain.shared.DomainAssertions.assertRefused;
import static io.tillpoint.domain.shared.DomainAssertions.invalidInput;
import static io.tillpoint.domain.shared.DomainAssertions.invalidState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tillpoint.domain.model.card.Card;
import io.tillpoint.domain.model.card.CardBrand;
import io.tillpoint.domain.model.card.CardNumber;
import io.tillpoint.domain.model.card.CardVerificationCode;
import io.tillpoint.domain.model.card.ExpiryDate;
import io.tillpoint.domain.model.card.InternalCardFingerprint;
import io.tillpoint.domain.model.card.MerchantCardFingerprint;
import io.tillpoint.domain.model.ledger.Account;
import io.tillpoint.domain.model.ledger.Journal;
import io.tillpoint.domain.model.ledger.JournalType;
import io.tillpoint.domain.model.ledger.Posting;
import io.tillpoint.domain.shared.CurrencyCode;
import io.tillpoint.domain.shared.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The payment aggregate: amounts move only through approve, capture, void and refund, each
 * guarded by the state machine, each returning a journal that balances to zero per currency
 * (debits positive, credits negative).
 */
class PaymentTest {

    private static final Instant CREATED = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-25T10:05:00Z");
    private static final YearMonth THIS_MONTH = YearMonth.of(2026, 11);
    private static final CurrencyCode USD = CurrencyCode.of("USD");
    private static final CurrencyCode EUR = CurrencyCode.of("EUR");
    private static final String MERCHANT = "mer_test";

    // ---- the payment from the contract's example: 19.99 USD on a Visa test card

    static Payment newPayment(CaptureMode captureMode) {
        Card card = new Card(CardNumber.parse("4242424242424242"), ExpiryDate.of(12, 2030, THIS_MONTH),
                CardVerificationCode.parse("123", CardBrand.VISA), "A B");
        PaymentDetails details = new PaymentDetails("order-123", "Two coffees", Metadata.of(Map.of("k", "v")),
                new Customer("c-1", "a@b.c", "203.0.113.9", "US"));
        return Payment.startCardPayment(MERCHANT, usd(1999), captureMode, details, CardSnapshot.of(card, new InternalCardFingerprint("i1.internal_4242"),
                new MerchantCardFingerprint("f1.shown_4242")),
                CREATED);
    }

    static Payment authorized() {
        Payment p = newPayment(CaptureMode.MANUAL);
        p.approve("A1B2C3", "acq_ref_1", "US", CREATED);
        return p;
    }

    static Payment captured() {
        Payment p = authorized();
        p.capture(null, CREATED);
        return p;
    }

    /** A payment in the given status, reached through the aggregate's own methods. */
    static Payment paymentIn(PaymentStatus status) {
        Payment p = switch (status) {
            case PROCESSING -> newPayment(CaptureMode.MANUAL);
            case UNKNOWN -> {
                Payment x = newPayment(CaptureMode.MANUAL);
                x.outcomeUnknown(CREATED);
                yield x;
            }
            case REQUIRES_ACTION -> {
                Payment x = newPayment(CaptureMode.MANUAL);
                x.requireChallenge("acq_ref_1", "US", CREATED);
                yield x;
            }
            case DECLINED -> {
                Payment x = newPayment(CaptureMode.MANUAL);
                x.decline(DeclineCode.CARD_DECLINED, "US", CREATED);
                yield x;
            }
            case AUTHORIZED -> authorized();
            case VOIDED -> {
                Payment x = authorized();
                x.voidAuthorization(CREATED);
                yield x;
            }
            case CAPTURED -> captured();
            case PARTIALLY_REFUNDED -> {
                Payment x = captured();
                refund(x, usd(500), null, CREATED);
                yield x;
            }
            case REFUNDED -> {
                Payment x = captured();
                refund(x, null, null, CREATED);
                yield x;
            }
            case IN_REVIEW -> {
                Payment x = PaymentRiskTest.screened(CaptureMode.MANUAL, PaymentRiskTest.REVIEW);
                x.approved("A1B2C3", "acq_ref_1", "US", CREATED);
                yield x;
            }
        };
        assertThat(p.status()).isEqualTo(status);
        return p;
    }

    static Money usd(long minorUnits) {
        return Money.of(minorUnits, USD);
    }

    /** Every journal sums to zero per currency; the postings here are all in the payment's currency. */
    static void assertBalanced(Journal journal) {
        Map<String, Long> sums = journal.postings().stream()
                .collect(Collectors.groupingBy(Posting::currency, Collectors.summingLong(Posting::amount)));
        assertThat(sums).as("sum of postings per currency").isNotEmpty().allSatisfy((currency, sum) -> assertThat(sum)
                .as(currency).isZero());
        assertThat(sums).containsOnlyKeys("USD");
    }

    static Amounts amountsOf(Payment p) {
        return new Amounts(p.amountCapturable(), p.amountCaptured(), p.amountRefunded());
    }

    /** A refund the acquirer acknowledges at once: asked for, then succeeded. */
    static RefundOutcome refund(Payment p, Money amount, String reason, Instant at) {
        Refund refund = p.requestRefund(amount, reason, at);
        return new RefundOutcome(refund, p.refundSucceeded(refund, at));
    }

    record RefundOutcome(Refund refund, Journal journal) {
    }

    record Amounts(long capturable, long captured, long refunded) {
    }

    @Test
    void aNewCardPaymentIsProcessingWithNothingMovedYet() {
        Payment p = newPayment(CaptureMode.AUTOMATIC);

        assertThat(p.id()).startsWith("pay_");
        assertThat(p.merchantId()).isEqualTo(MERCHANT);
        assertThat(p.status()).isEqualTo(PROCESSING);
        assertThat(p.status().apiName()).isEqualTo("processing");
        assertThat(p.amount()).isEqualTo(usd(1999));
        assertThat(p.currency()).isEqualTo(USD);
        assertThat(amountsOf(p)).isEqualTo(new Amounts(0, 0, 0));
        assertThat(p.captureMode()).isEqualTo(CaptureMode.AUTOMATIC);
        assertThat(p.methodType()).isEqualTo(PaymentMethodType.CARD);
        assertThat(p.reference()).isEqualTo("order-123");
        assertThat(p.metadata()).containsExactly(Map.entry("k", "v"));
        assertThat(p.customer().email()).isEqualTo("a@b.c");
        assertThat(p.createdAt()).isEqualTo(CREATED);
        assertThat(p.updatedAt()).isEqualTo(CREATED);
        assertThat(p.declineCode()).isNull();
    }

    @Test
    void keepsOnlyBrandFirstSixLastFourExpiryAndTheTwoFingerprintsOfTheCard() {
        CardSnapshot card = newPayment(CaptureMode.AUTOMATIC).card();

        assertThat(card.brand()).isEqualTo("visa");
        assertThat(card.bin()).isEqualTo("424242");
        assertThat(card.last4()).isEqualTo("4242");
        assertThat(card.expMonth()).isEqualTo(12);
        assertThat(card.expYear()).isEqualTo(2030);
        assertThat(card.fingerprint()).isEqualTo("f1.shown_4242");
        assertThat(card.internalFingerprint()).isEqualTo("i1.internal_4242");
        assertThat(card.maskedNumber()).isEqualTo("424242******4242");
    }

    @Nested
    class Authorization {

        @Test
        void anApprovalHoldsTheWholeAmountAsCapturable() {
            Payment p = newPayment(CaptureMode.MANUAL);

            Journal hold = p.approve("A1B2C3", "acq_ref_1", "US", LATER);

            assertThat(p.status()).isEqualTo(AUTHORIZED);
            assertThat(amountsOf(p)).isEqualTo(new Amounts(1999, 0, 0));
            assertThat(p.acquirerReference()).isEqualTo("acq_ref_1");
            assertThat(p.card().country()).isEqualTo("US");
            assertThat(p.updatedAt()).isEqualTo(LATER);
            assertThat(hold.type()).isEqualTo(JournalType.AUTHORIZATION_HOLD);
            assertThat(hold.postings()).extracting(Posting::account, Posting::amount).containsExactly(
                    tuple(CARDHOLDER_AUTHORIZATIONS, 1999L),
                    tuple(MERCHANT_PENDING_AUTHORIZATIONS, -1999L));
            assertBalanced(hold);
        }

        @Test
        void aDeclineKeepsEveryAmountAtZeroAndSaysWhy() {
            Payment p = newPayment(CaptureMode.AUTOMATIC);

            p.decline(DeclineCode.INSUFFICIENT_FUNDS, "BR", LATER);

            assertThat(p.status()).isEqualTo(DECLINED);
            assertThat(p.status().apiName()).isEqualTo("declined");
            assertThat(p.declineCode()).isEqualTo(DeclineCode.INSUFFICIENT_FUNDS);
            assertThat(p.declineCode().apiName()).isEqualTo("insufficient_funds");
            assertThat(amountsOf(p)).isEqualTo(new Amounts(0, 0, 0));
            assertThat(p.card().country()).isEqualTo("BR");
        }

        @Test
        void anUnknownOutcomeIsResolvedLaterByAskingTheAcquirerAgain() {
            Payment p = newPayment(CaptureMode.MANUAL);
            p.outcomeUnknown(LATER);
            assertThat(p.status()).isEqualTo(UNKNOWN);
            assertThat(p.status().apiName()).isEqualTo("processing");

            Journal hold = p.approve("A1B2C3", "acq_ref_1", null, LATER);

            assertThat(p.status()).isEqualTo(AUTHORIZED);
            assertThat(amountsOf(p)).isEqualTo(new Amounts(1999, 0, 0));
            assertBalanced(hold);
        }

        @Test
        void aStepUpChallengeWaitsForTheCardholderThenGoesBackToTheAcquirer() {
            Payment p = newPayment(CaptureMode.AUTOMATIC);

            p.requireChallenge("acq_ref_1", "US", LATER);
            assertThat(p.status()).isEqualTo(REQUIRES_ACTION);
            assertThat(p.challengeAttempts()).isZero();

            p.challengeSubmitted(LATER);
            assertThat(p.status()).isEqualTo(PROCESSING);
            assertThat(p.challengeAttempts()).isEqualTo(1);
        }

        @Test
        void aPaymentIsApprovedOnlyOnce() {
            Payment p = authorized();

            invalidState(() -> p.approve("X", "Y", "US", LATER));
            assertThat(amountsOf(p)).isEqualTo(new Amounts(1999, 0, 0));
        }
    }

    @Nested
    class Capture {

        @Test
        void automaticCaptureTakesEverythingAtOnceWithOneJournalAndNoHold() {
            Payment p = newPayment(CaptureMode.AUTOMATIC);

            Journal capture = p.approveAndCapture("A1B2C3", "acq_ref_1", "US", LATER);

            assertThat(p.status()).isEqualTo(CAPTURED);
            assertThat(amountsOf(p)).isEqualTo(new Amounts(0, 1999, 0));
            assertThat(p.acquirerReference()).isEqualTo("acq_ref_1");
            assertThat(p.card().country()).isEqualTo("US");
            assertThat(p.updatedAt()).isEqualTo(LATER);
            assertThat(capture.type()).isEqualTo(JournalType.CAPTURE);
            assertThat(capture.postings()).extracting(Posting::account, Posting::amount).containsExactly(
                    tuple(ACQUIRER_RECEIVABLE, 1999L),
                    tuple(MERCHANT_PAYABLE, -1999L));
            assertBalanced(capture);
        }

        @Test
        void automaticCaptureEndsWithTheSameBalancesAsAHoldAndAFullCapture() {
            Payment automatic = newPayment(CaptureMode.AUTOMATIC);
            Payment manual = newPayment(CaptureMode.MANUAL);

            Journal atOnce = automatic.approveAndCapture("A1B2C3", "acq_ref_1", "US", LATER);
            Journal hold = manual.approve("A1B2C3", "acq_ref_2", "US", CREATED);
            Journal capture = manual.capture(null, LATER);

            assertThat(balances(atOnce)).containsOnly(
                    Map.entry(ACQUIRER_RECEIVABLE, 1999L),
                    Map.entry(MERCHANT_PAYABLE, -1999L));
            assertThat(balances(hold, capture)).containsOnly(
                    Map.entry(CARDHOLDER_AUTHORIZATIONS, 0L),
                    Map.entry(MERCHANT_PENDING_AUTHORIZATIONS, 0L),
                    Map.entry(ACQUIRER_RECEIVABLE, 1999L),
                    Map.entry(MERCHANT_PAYABLE, -1999L));
            assertThat(amountsOf(automatic)).isEqualTo(amountsOf(manual));
        }

        @Test
        void aManualCapturePaymentIsNeverCapturedOnApproval() {
            Payment p = newPayment(CaptureMode.MANUAL);

            assertThatThrownBy(() -> p.approveAndCapture("A1B2C3", "acq_ref_1", "US", LATER))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(p.status()).isEqualTo(PROCESSING);
        }

        @Test
        void aManualPartialCaptureReleasesTheRestOfTheAuthorization() {
            Payment p = authorized();

            Journal capture = p.capture(usd(1500), LATER);

            assertThat(p.status()).isEqualTo(CAPTURED);
            assertThat(amountsOf(p)).isEqualTo(new Amounts(0, 1500, 0));
            assertThat(capture.postings()).extracting(Posting::account, Posting::amount).containsExactly(
                    tuple(MERCHANT_PENDING_AUTHORIZATIONS, 1999L),
                    tuple(CARDHOLDER_AUTHORIZATIONS, -1999L),
                    tuple(ACQUIRER_RECEIVABLE, 1500L),
                    tuple(MERCHANT_PAYABLE, -1500L));
            assertBalanced(capture);
        }

        @Test
        void capturingExactlyTheCapturableAmountIsAllowed() {
            Payment p = authorized();

            assertBalanced(p.capture(usd(1999), LATER));
            assertThat(amountsOf(p)).isEqualTo(new Amounts(0, 1999, 0));
        }

        @Test
        void refusesToCaptureMoreThanIsCapturable() {
            Payment p = authorized();

            assertRefused(() -> p.capture(usd(2000), LATER), "amount_too_large", "amount");

            assertThat(p.status()).isEqualTo(AUTHORIZED);
            assertThat(amountsOf(p)).isEqualTo(new Amounts(1999, 0, 0));
            assertThat(p.updatedAt()).isEqualTo(CREATED);
        }

        @Test
        void refusesAnAmountInAnotherCurrency() {
            Payment p = authorized();

            assertRefused(() -> p.capture(Money.of(100, EUR), LATER), "invalid_request", "amount");
            assertThat(p.status()).isEqualTo(AUTHORIZED);
        }

        @Test
        void aPaymentIsCapturedOnlyOnce() {
            Payment p = authorized();
            p.capture(usd(1000), LATER);

            invalidState(() -> p.capture(usd(500), LATER));
            invalidState(() -> p.capture(null, LATER));
            assertThat(amountsOf(p)).isEqualTo(new Amounts(0, 1000, 0));
        }

        @ParameterizedTest(name = "capture of {0}")
        @ValueSource(longs = {0, -1})
        void refusesToCaptureNothingOrANegativeAmount(long minorUnits) {
            Payment p = authorized();

            invalidInput(() -> p.capture(usd(minorUnits), LATER));

            assertThat(p.status()).isEqualTo(AUTHORIZED);
            assertThat(amountsOf(p)).isEqualTo(new Amounts(1999, 0, 0));
        }
    }

    @Nested
    class Voiding {

        @Test
        void voidingAnAuthorizationReleasesTheWholeHold() {
            Payment p = authorized();

            Journal release = p.voidAuthorization(LATER);

            assertThat(p.status()).isEqualTo(VOIDED);
            assertThat(amountsOf(p)).isEqualTo(new Amounts(0, 0, 0));
            assertThat(release.type()).isEqualTo(JournalType.VOID);
            assertThat(release.postings()).extracting(Posting::account, Posting::amount).containsExactly(
                    tuple(MERCHANT_PENDING_AUTHORIZATIONS, 1999L),
                    tuple(CARDHOLDER_AUTHORIZATIONS, -1999L));
            assertBalanced(release);
        }

        @ParameterizedTest(name = "cannot void a payment that is {0}")
        @EnumSource(value = PaymentStatus.class, names = {"AUTHORIZED", "IN_REVIEW"}, mode = EnumSource.Mode.EXCLUDE)
        void onlyAnAuthorizedOrHeldPaymentCanBeVoided(PaymentStatus status) {
            Payment p = paymentIn(status);
            Amounts before = amountsOf(p);

            invalidState(() -> p.voidAuthorization(LATER));

            assertThat(p.status()).isEqualTo(status);
            assertThat(amountsOf(p)).isEqualTo(before);
        }
    }

    @Nested
    class Refunds {

        @Test
        void partialRefundsAddUpToTheCapturedAmountThenThePaymentIsRefunded() {
            Payment p = captured();

            RefundOutcome first = refund(p, usd(500), "requested_by_customer", LATER);
            assertThat(p.status()).isEqualTo(PARTIALLY_REFUNDED);
            assertThat(amountsOf(p)).isEqualTo(new Amounts(0, 1999, 500));

            RefundOutcome second = refund(p, usd(1000), null, LATER);
            assertThat(p.status()).isEqualTo(PARTIALLY_REFUNDED);
            assertThat(amountsOf(p)).isEqualTo(new Amounts(0, 1999, 1500));

            RefundOutcome rest = refund(p, null, null, LATER);
            assertThat(p.status()).isEqualTo(REFUNDED);
            assertThat(amountsOf(p)).isEqualTo(new Amounts(0, 1999, 1999));
            assertThat(rest.refund().amount()).isEqualTo(usd(499));

            for (RefundOutcome outcome : List.of(first, second, rest)) {
                Refund refund = outcome.refund();
                assertThat(refund.id()).startsWith("re_");
                assertThat(refund.paymentId()).isEqualTo(p.id());
                assertThat(refund.status()).isEqualTo("succeeded");
                assertThat(refund.createdAt()).isEqualTo(LATER);
                Journal journal = outcome.journal();
                assertThat(journal.type()).isEqualTo(JournalType.REFUND);
                assertThat(journal.postings()).extracting(Posting::account, Posting::amount).containsExactly(
                        tuple(MERCHANT_PAYABLE, refund.amount().minorUnits()),
                        tuple(ACQUIRER_RECEIVABLE, -refund.amount().minorUnits()));
                assertBalanced(journal);
            }
            assertThat(first.refund().reason()).isEqualTo("requested_by_customer");
        }

        @Test
        void refundingExactlyWhatIsLeftIsAFullRefund() {
            Payment p = captured();
            refund(p, usd(999), null, LATER);

            refund(p, usd(1000), null, LATER);

            assertThat(p.status()).isEqualTo(REFUNDED);
            assertThat(p.amountRefunded()).isEqualTo(1999);
        }

        @Test
        void aRefundWithoutAnAmountRefundsEverything() {
            Payment p = captured();

            RefundOutcome outcome = refund(p, null, null, LATER);

            assertThat(p.status()).isEqualTo(REFUNDED);
            assertThat(outcome.refund().amount()).isEqualTo(usd(1999));
        }

        @Test
        void refusesToRefundMoreThanWasCaptured() {
            Payment p = captured();

            assertRefused(() -> refund(p, usd(2000), null, LATER), "amount_too_large", "amount");

            assertThat(p.status()).isEqualTo(CAPTURED);
            assertThat(amountsOf(p)).isEqualTo(new Amounts(0, 1999, 0));
        }

        @Test
        void refusesToRefundMoreThanIsLeftAfterEarlierRefunds() {
            Payment p = captured();
            refund(p, usd(1500), null, LATER);

            assertRefused(() -> refund(p, usd(500), null, LATER), "amount_too_large", "amount");

            assertThat(p.status()).isEqualTo(PARTIALLY_REFUNDED);
            assertThat(p.amountRefunded()).isEqualTo(1500);
        }

        @Test
        void onlyTheCapturedPartOfAPartialCaptureCanBeRefunded() {
            Payment p = authorized();
            p.capture(usd(1500), LATER);

            assertRefused(() -> refund(p, usd(1501), null, LATER), "amount_too_large", "amount");
            refund(p, null, null, LATER);

            assertThat(p.status()).isEqualTo(REFUNDED);
            assertThat(amountsOf(p)).isEqualTo(new Amounts(0, 1500, 1500));
        }

        @Test
        void refusesARefundInAnotherCurrency() {
            Payment p = captured();

            assertRefused(() -> refund(p, Money.of(100, EUR), null, LATER), "invalid_request", "amount");
            assertThat(p.amountRefunded()).isZero();
        }

        @ParameterizedTest(name = "cannot refund a payment that is {0}")
        @EnumSource(value = PaymentStatus.class, names = {"CAPTURED", "PARTIALLY_REFUNDED"},
                mode = EnumSource.Mode.EXCLUDE)
        void onlyACapturedPaymentCanBeRefunded(PaymentStatus status) {
            Payment p = paymentIn(status);
            Amounts before = amountsOf(p);

            invalidState(() -> refund(p, usd(1), null, LATER));
            invalidState(() -> refund(p, null, null, LATER));

            assertThat(p.status()).isEqualTo(status);
            assertThat(amountsOf(p)).isEqualTo(before);
        }

        @ParameterizedTest(name = "refund of {0}")
        @ValueSource(longs = {0, -1})
        void refusesToRefundNothingOrANegativeAmount(long minorUnits) {
            Payment p = captured();

            invalidInput(() -> refund(p, usd(minorUnits), null, LATER));

            assertThat(p.status()).isEqualTo(CAPTURED);
            assertThat(p.amountRefunded()).isZero();
        }
    }

    @Nested
    class RefundStateMachine {

        @Test
        void aRefundIsPendingUntilTheAcquirerAnswersAndRefundsNothingMeanwhile() {
            Payment p = captured();

            Refund refund = p.requestRefund(usd(500), "requested_by_customer", LATER);

            assertThat(refund.status()).isEqualTo("pending");
            assertThat(refund.isPending()).isTrue();
            assertThat(p.status()).isEqualTo(CAPTURED);
            assertThat(p.amountRefunded()).isZero();
            assertThat(p.amountRefundPending()).isEqualTo(500);
        }

        @Test
        void aSucceededRefundMovesTheMoneyWithABalancedJournal() {
            Payment p = captured();
            Refund refund = p.requestRefund(usd(500), null, LATER);

            Journal journal = p.refundSucceeded(refund, LATER);

            assertThat(refund.status()).isEqualTo("succeeded");
            assertThat(p.status()).isEqualTo(PARTIALLY_REFUNDED);
            assertThat(p.amountRefunded()).isEqualTo(500);
            assertThat(p.amountRefundPending()).isZero();
            assertThat(journal.type()).isEqualTo(JournalType.REFUND);
            assertBalanced(journal);
        }

        @Test
        void aFailedRefundLeavesTheRefundedAmountUnchangedAndTheMoneyRefundableAgain() {
            Payment p = captured();
            Refund refund = p.requestRefund(null, null, LATER);

            p.refundFailed(refund, "refund_declined", LATER);

            assertThat(refund.status()).isEqualTo("failed");
            assertThat(refund.failureCode()).isEqualTo("refund_declined");
            assertThat(p.status()).isEqualTo(CAPTURED);
            assertThat(p.amountRefunded()).isZero();
            assertThat(p.amountRefundPending()).isZero();
            assertThat(p.requestRefund(null, null, LATER).amount()).isEqualTo(usd(1999));
        }

        @Test
        void refundsInFlightCountAgainstWhatIsLeftToRefund() {
            Payment p = captured();
            p.requestRefund(usd(1500), null, LATER);

            assertRefused(() -> p.requestRefund(usd(500), null, LATER), "amount_too_large", "amount");
            assertThat(p.requestRefund(null, null, LATER).amount()).isEqualTo(usd(499));
            invalidState(() -> p.requestRefund(null, null, LATER));
        }

        @Test
        void aRefundIsAnsweredOnceOnly() {
            Payment p = captured();
            Refund refund = p.requestRefund(usd(500), null, LATER);
            p.refundSucceeded(refund, LATER);

            assertThatThrownBy(() -> p.refundSucceeded(refund, LATER)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> p.refundFailed(refund, "refund_declined", LATER))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(p.amountRefunded()).isEqualTo(500);
        }

        @Test
        void theLastPendingRefundToSucceedMakesThePaymentRefunded() {
            Payment p = captured();
            Refund first = p.requestRefund(usd(999), null, LATER);
            Refund second = p.requestRefund(usd(1000), null, LATER);

            p.refundSucceeded(second, LATER);
            assertThat(p.status()).isEqualTo(PARTIALLY_REFUNDED);
            p.refundSucceeded(first, LATER);

            assertThat(p.status()).isEqualTo(REFUNDED);
            assertThat(p.amountRefunded()).isEqualTo(1999);
        }

        @Test
        void aCaptureIsCheckedBeforeTheAcquirerIsAskedAndChangesNothing() {
            Payment p = authorized();

            assertThat(p.captureAmount(usd(1500))).isEqualTo(usd(1500));
            assertThat(p.captureAmount(null)).isEqualTo(usd(1999));
            assertRefused(() -> p.captureAmount(usd(2000)), "amount_too_large", "amount");
            assertThat(p.status()).isEqualTo(AUTHORIZED);
            invalidState(() -> captured().captureAmount(null));
            invalidState(() -> captured().checkVoidable());
        }
    }

    @Nested
    class WrongStates {

        @ParameterizedTest(name = "cannot capture a payment that is {0}")
        @EnumSource(value = PaymentStatus.class, names = {"AUTHORIZED"}, mode = EnumSource.Mode.EXCLUDE)
        void onlyAnAuthorizedPaymentCanBeCaptured(PaymentStatus status) {
            Payment p = paymentIn(status);
            Amounts before = amountsOf(p);

            invalidState(() -> p.capture(null, LATER));
            invalidState(() -> p.capture(usd(1), LATER));

            assertThat(p.status()).isEqualTo(status);
            assertThat(amountsOf(p)).isEqualTo(before);
        }

        @Test
        void aTooLargeCaptureOnAWrongStateIsAStateProblemFirst() {
            Payment p = paymentIn(DECLINED);

            invalidState(() -> p.capture(usd(1_000_000), LATER));
        }

        @Test
        void aDeclinedPaymentCanBeNeitherCapturedVoidedNorRefunded() {
            Payment p = paymentIn(DECLINED);

            invalidState(() -> p.capture(null, LATER));
            invalidState(() -> p.voidAuthorization(LATER));
            invalidState(() -> refund(p, null, null, LATER));
            assertThat(amountsOf(p)).isEqualTo(new Amounts(0, 0, 0));
        }
    }

    @Nested
    class LedgerView {

        @Test
        void afterAuthorizeCaptureAndRefundsTheHoldIsGoneAndTheReceivableIsWhatIsKept() {
            Payment p = newPayment(CaptureMode.MANUAL);
            List<Journal> journals = new ArrayList<>();

            journals.add(p.approve("A1B2C3", "acq_ref_1", "US", CREATED));
            journals.add(p.capture(usd(1800), LATER));
            journals.add(refund(p, usd(300), null, LATER).journal());
            journals.add(refund(p, usd(200), null, LATER).journal());

            journals.forEach(PaymentTest::assertBalanced);
            assertThat(balances(journals.toArray(Journal[]::new))).containsOnly(
                    Map.entry(CARDHOLDER_AUTHORIZATIONS, 0L),
                    Map.entry(MERCHANT_PENDING_AUTHORIZATIONS, 0L),
                    Map.entry(ACQUIRER_RECEIVABLE, 1300L),
                    Map.entry(MERCHANT_PAYABLE, -1300L));
            assertThat(p.amountCaptured() - p.amountRefunded()).isEqualTo(1300);
        }

        @Test
        void aVoidedPaymentLeavesNothingOnAnyAccount() {
            Payment p = newPayment(CaptureMode.MANUAL);

            Journal hold = p.approve("A1B2C3", "acq_ref_1", "US", CREATED);
            Journal release = p.voidAuthorization(LATER);

            assertThat(balances(hold, release)).containsOnly(
                    Map.entry(CARDHOLDER_AUTHORIZATIONS, 0L),
                    Map.entry(MERCHANT_PENDING_AUTHORIZATIONS, 0L));
        }
    }

    /** Per-account totals over several journals, as an operator would sum the ledger. */
    static Map<Account, Long> balances(Journal... journals) {
        Map<Account, Long> totals = new EnumMap<>(Account.class);
        for (Journal j : journals) {
            for (Posting posting : j.postings()) {
                totals.merge(posting.account(), posting.amount(), Long::sum);
            }
        }
        return totals;
    }
}
