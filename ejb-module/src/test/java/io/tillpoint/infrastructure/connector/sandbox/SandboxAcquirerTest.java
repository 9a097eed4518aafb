package io.tillpoint.infrastructure.connector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.domain.model.acquiring.AuthorizationRequest;
import io.tillpoint.domain.model.acquiring.AuthorizationResult;
import io.tillpoint.domain.model.acquiring.InquiryResult;
import io.tillpoint.domain.model.acquiring.OperationKind;
import io.tillpoint.domain.model.acquiring.OperationRequest;
import io.tillpoint.domain.model.acquiring.OperationResult;
import io.tillpoint.domain.model.card.Card;
import io.tillpoint.domain.model.card.CardBrand;
import io.tillpoint.domain.model.card.CardNumber;
import io.tillpoint.domain.model.card.CardVerificationCode;
import io.tillpoint.domain.model.card.ExpiryDate;
import io.tillpoint.domain.model.payment.DeclineCode;
import io.tillpoint.domain.shared.CurrencyCode;
import io.tillpoint.domain.shared.Money;
import io.tillpoint.infrastructure.connector.ConnectorScheduler;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Contract, "Test cards": what the sandbox acquirer answers for each card. */
class SandboxAcquirerTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final SandboxAcquirer sandbox = new SandboxAcquirer();

    @BeforeEach
    void connect() {
        sandbox.scheduler = new ConnectorScheduler(timer);
        sandbox.journal = new SandboxJournal();
    }

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "4000000000000002, CARD_DECLINED",
        "4000000000009995, INSUFFICIENT_FUNDS",
        "4000000000000069, EXPIRED_CARD",
        "4000000000000127, INCORRECT_CVC",
        "4000000000000119, PROCESSING_ERROR",
    })
    void declinesTheDeclineCardsWithTheirCode(String number, DeclineCode code) {
        assertThat(answer(sandbox.authorize(requestFor(number))))
                .isEqualTo(new AuthorizationResult.Declined(code, "US"));
    }

    @Test
    void approvesAnyOtherValidCardIssuedInTheUnitedStates() {
        AuthorizationResult result = answer(sandbox.authorize(requestFor("4242424242424242")));

        assertThat(result).isInstanceOfSatisfying(AuthorizationResult.Approved.class, approved -> {
            assertThat(approved.authorizationCode()).matches("\\d{6}");
            assertThat(approved.acquirerReference()).startsWith("sbx_");
            assertThat(approved.issuerCountry()).isEqualTo("US");
        });
    }

    @Test
    void approvalCodesAreSixDigitsLeadingZerosIncluded() {
        Set<Integer> lengths = new HashSet<>();
        boolean leadingZeroSeen = false;
        for (int i = 0; i < 10_000; i++) {
            String code = SandboxAcquirer.authorizationCode();
            lengths.add(code.length());
            assertThat(code).matches("\\d{6}");
            leadingZeroSeen |= code.startsWith("0");
        }
        assertThat(lengths).containsExactly(6);
        assertThat(leadingZeroSeen).as("one code in ten starts with 0").isTrue();
    }

    @Test
    void theBrazilianCardIsIssuedInBrazil() {
        assertThat(answer(sandbox.authorize(requestFor("4000000000000101"))).issuerCountry()).isEqualTo("BR");
    }

    @Test
    void theStepUpCardIsApprovedOnlyWithTheRightCode() {
        AuthorizationResult challenge = answer(sandbox.authorize(requestFor("4000000000003220")));
        assertThat(challenge).isInstanceOf(AuthorizationResult.ChallengeRequired.class);
        String reference = ((AuthorizationResult.ChallengeRequired) challenge).acquirerReference();

        assertThat(answer(sandbox.completeChallenge("pay_test", reference, "000000")))
                .isEqualTo(new AuthorizationResult.Declined(DeclineCode.CARD_DECLINED, null));
        assertThat(answer(sandbox.completeChallenge("pay_test", reference, SandboxAcquirer.CHALLENGE_CODE)))
                .isInstanceOf(AuthorizationResult.Approved.class);
        assertThat(answer(sandbox.completeChallenge("pay_test", "sbx_unknown", SandboxAcquirer.CHALLENGE_CODE)))
                .isEqualTo(new AuthorizationResult.Declined(DeclineCode.PROCESSING_ERROR, null));
    }

    @Test
    void withoutALatencyTheAnswerIsThereAtOnce() {
        assertThat(sandbox.authorize(requestFor("4242424242424242")).toCompletableFuture()).isDone();
        assertThat(sandbox.send(reversal("rev_1")).toCompletableFuture()).isDone();
        assertThat(sandbox.inquire("pay_test").toCompletableFuture()).isDone();
    }

    @Test
    void withALatencyTheAnswerArrivesLaterWithNoThreadWaitingForIt() {
        sandbox.latencyMs = 50;

        CompletableFuture<AuthorizationResult> answer = sandbox.authorize(requestFor("4000000000000002")).toCompletableFuture();

        assertThat(answer.join()).isEqualTo(new AuthorizationResult.Declined(DeclineCode.CARD_DECLINED, "US"));
    }

    @Test
    void withALatencyNothingIsAnsweredBeforeItPasses() {
        sandbox.latencyMs = 60_000;

        assertThat(sandbox.authorize(requestFor("4242424242424242")).toCompletableFuture()).isNotDone();
        assertThat(sandbox.completeChallenge("pay_test", "sbx_3ds_x", SandboxAcquirer.CHALLENGE_CODE)
                .toCompletableFuture()).isNotDone();
    }

    @Test
    void theLostAnswerCardIsApprovedButTheAnswerNeverArrivesAndAnInquiryFindsTheApproval() {
        CompletableFuture<AuthorizationResult> answer = sandbox.authorize(requestFor("4000000000001018"))
                .toCompletableFuture();

        assertThat(answer).isNotDone();
        assertThat(inquiry("pay_test")).isInstanceOfSatisfying(InquiryResult.Approved.class, approved -> {
            assertThat(approved.authorizationCode()).matches("\\d{6}");
            assertThat(approved.acquirerReference()).startsWith("sbx_");
            assertThat(approved.issuerCountry()).isEqualTo("US");
        });
    }

    @Test
    void theLostRequestCardNeverReachesTheSandboxSoAnInquiryFindsNoRecord() {
        CompletableFuture<AuthorizationResult> answer = sandbox.authorize(requestFor("4000000000001026"))
                .toCompletableFuture();

        assertThat(answer).isNotDone();
        assertThat(inquiry("pay_test")).isEqualTo(new InquiryResult.NoRecord());
    }

    @Test
    void anInquiryAboutADeclineFindsTheDeclineWithItsCode() {
        answer(sandbox.authorize(requestFor("4000000000009995")));

        assertThat(inquiry("pay_test")).isEqualTo(new InquiryResult.Declined(DeclineCode.INSUFFICIENT_FUNDS, "US"));
    }

    @Test
    void anInquiryAboutAChallengeWhoseAnswerNeverCameFindsNoAuthorization() {
        answer(sandbox.authorize(requestFor("4000000000003220")));

        assertThat(inquiry("pay_test")).isEqualTo(new InquiryResult.NoRecord());
    }

    @Test
    void capturesVoidsAndRefundsAreAcknowledged() {
        answer(sandbox.authorize(requestFor("4242424242424242")));

        for (OperationKind kind : OperationKind.values()) {
            assertThat(sandbox.send(operation("op_" + kind, kind)).toCompletableFuture().join())
                    .isEqualTo(new OperationResult.Acknowledged());
        }
    }

    @Test
    void refundsOfTheRefusedRefundsCardAreRefusedButItsCapturesAreNot() {
        answer(sandbox.authorize(requestFor("4000000000005126")));

        assertThat(sandbox.send(operation("rfo_1", OperationKind.REFUND)).toCompletableFuture().join())
                .isEqualTo(new OperationResult.Refused("refund_declined"));
        assertThat(sandbox.send(operation("cap_1", OperationKind.CAPTURE)).toCompletableFuture().join())
                .isEqualTo(new OperationResult.Acknowledged());
    }

    @Test
    void aResentOperationGetsTheAnswerOnRecordAndIsDoneOnce() throws Exception {
        answer(sandbox.authorize(requestFor("4242424242424242")));
        sandbox.send(operation("rfo_1", OperationKind.REFUND)).toCompletableFuture().join();
        SandboxJournal.SandboxRecord first = sandbox.journal.find("rfo_1").orElseThrow();
        Thread.sleep(5);

        OperationResult again = sandbox.send(operation("rfo_1", OperationKind.REFUND)).toCompletableFuture().join();

        assertThat(again).isEqualTo(new OperationResult.Acknowledged());
        assertThat(sandbox.journal.find("rfo_1")).as("decided once, when it first arrived").containsSame(first);
    }

    @Test
    void theFirstAnswerToEachOperationOfTheLostAnswersCardNeverArrivesButTheResendGetsIt() {
        answer(sandbox.authorize(requestFor("4000000000001034")));

        for (OperationKind kind : java.util.List.of(OperationKind.CAPTURE, OperationKind.VOID, OperationKind.REFUND)) {
            CompletionStage<OperationResult> first = sandbox.send(operation("op_" + kind, kind));
            assertThat(first.toCompletableFuture()).as(kind + ": lost on its way back").isNotDone();
            assertThat(sandbox.journal.find("op_" + kind)).as(kind + ": done and on record").isPresent();
            assertThat(sandbox.send(operation("op_" + kind, kind)).toCompletableFuture().join())
                    .isEqualTo(new OperationResult.Acknowledged());
        }
        assertThat(sandbox.send(reversal("rev_1")).toCompletableFuture().join())
                .as("reversals are answered: recovery sends them when it gives up on an authorization")
                .isEqualTo(new OperationResult.Acknowledged());
    }

    @Test
    void aRefundOnRecordAsRefusedStaysRefusedOnEveryResend() {
        answer(sandbox.authorize(requestFor("4000000000005126")));
        sandbox.send(operation("rfo_2", OperationKind.REFUND)).toCompletableFuture().join();

        assertThat(sandbox.send(operation("rfo_2", OperationKind.REFUND)).toCompletableFuture().join())
                .isEqualTo(new OperationResult.Refused("refund_declined"));
    }

    private InquiryResult inquiry(String paymentId) {
        return sandbox.inquire(paymentId).toCompletableFuture().join();
    }

    private static OperationRequest operation(String id, OperationKind kind) {
        return new OperationRequest(id, kind, "pay_test", "sbx_ref",
                kind == OperationKind.VOID || kind == OperationKind.REVERSAL ? null
                        : Money.of(500, CurrencyCode.of("USD")));
    }

    private static OperationRequest reversal(String id) {
        return operation(id, OperationKind.REVERSAL);
    }

    private static AuthorizationResult answer(CompletionStage<AuthorizationResult> stage) {
        return stage.toCompletableFuture().join();
    }

    private static AuthorizationRequest requestFor(String number) {
        CardNumber pan = CardNumber.parse(number);
        YearMonth today = YearMonth.of(2026, 11);
        Card card = new Card(pan, ExpiryDate.of(12, 2030, today), CardVerificationCode.parse(
                pan.brand() == CardBrand.AMEX ? "1234" : "123", pan.brand()), "J. Doe");
        return new AuthorizationRequest("pay_test", "mer_test", Money.of(1000, CurrencyCode.of("USD")), card);
    }
}
