package io.tillpoint.infrastructure.connector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillpoint.domain.model.acquiring.AuthorizationRequest;
import io.tillpoint.domain.model.acquiring.AuthorizationResult;
import io.tillpoint.domain.model.card.Card;
import io.tillpoint.domain.model.card.CardBrand;
import io.tillpoint.domain.model.card.CardNumber;
import io.tillpoint.domain.model.card.CardVerificationCode;
import io.tillpoint.domain.model.card.ExpiryDate;
import io.tillpoint.domain.model.payment.DeclineCode;
import io.tillpoint.domain.shared.CurrencyCode;
import io.tillpoint.domain.shared.Money;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Contract, "Test cards": what the sandbox acquirer answers for each card. */
class SandboxAcquirerTest {

    private final SandboxAcquirer sandbox = new SandboxAcquirer();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
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
        assertThat(sandbox.authorize(requestFor(number)))
                .isEqualTo(new AuthorizationResult.Declined(code, "US"));
    }

    @Test
    void approvesAnyOtherValidCardIssuedInTheUnitedStates() {
        AuthorizationResult result = sandbox.authorize(requestFor("4242424242424242"));

        assertThat(result).isInstanceOfSatisfying(AuthorizationResult.Approved.class, approved -> {
            assertThat(approved.authorizationCode()).matches("\\d{6}");
            assertThat(approved.acquirerReference()).startsWith("sbx_");
            assertThat(approved.issuerCountry()).isEqualTo("US");
        });
    }

    @Test
    void theBrazilianCardIsIssuedInBrazil() {
        assertThat(sandbox.authorize(requestFor("4000000000000101")).issuerCountry()).isEqualTo("BR");
    }

    @Test
    void theStepUpCardIsApprovedOnlyWithTheRightCode() {
        AuthorizationResult challenge = sandbox.authorize(requestFor("4000000000003220"));
        assertThat(challenge).isInstanceOf(AuthorizationResult.ChallengeRequired.class);
        String reference = ((AuthorizationResult.ChallengeRequired) challenge).acquirerReference();

        assertThat(sandbox.completeChallenge(reference, "000000"))
                .isEqualTo(new AuthorizationResult.Declined(DeclineCode.CARD_DECLINED, null));
        assertThat(sandbox.completeChallenge(reference, SandboxAcquirer.CHALLENGE_CODE))
                .isInstanceOf(AuthorizationResult.Approved.class);
        assertThat(sandbox.completeChallenge("sbx_unknown", SandboxAcquirer.CHALLENGE_CODE))
                .isEqualTo(new AuthorizationResult.Declined(DeclineCode.PROCESSING_ERROR, null));
    }

    @Test
    void withALatencyACallerThatGivesUpWhileWaitingGetsUnknownNeverAGuess() {
        sandbox.latencyMs = 60_000;
        Thread.currentThread().interrupt(); // what the connector executor does when its time limit passes

        assertThat(sandbox.authorize(requestFor("4242424242424242"))).isInstanceOf(AuthorizationResult.Unknown.class);
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the caller").isTrue();
    }

    @Test
    void withoutALatencyItAnswersEvenOnAnInterruptedThread() {
        Thread.currentThread().interrupt();

        assertThat(sandbox.authorize(requestFor("4242424242424242"))).isInstanceOf(AuthorizationResult.Approved.class);
    }

    private static AuthorizationRequest requestFor(String number) {
        CardNumber pan = CardNumber.parse(number);
        YearMonth today = YearMonth.of(2026, 11);
        Card card = new Card(pan, ExpiryDate.of(12, 2030, today), CardVerificationCode.parse(
                pan.brand() == CardBrand.AMEX ? "1234" : "123", pan.brand()), "J. Doe");
        return new AuthorizationRequest("pay_test", "mer_test", Money.of(1000, CurrencyCode.of("USD")), card);
    }
}
