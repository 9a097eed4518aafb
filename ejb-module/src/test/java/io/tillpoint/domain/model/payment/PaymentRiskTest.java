package io.tillpoint.domain.model.payment;

import static io.tillpoint.domain.model.ledger.Account.ACQUIRER_RECEIVABLE;
import static io.tillpoint.domain.model.ledger.Account.CARDHOLDER_AUTHORIZATIONS;
import static io.tillpoint.domain.model.ledger.Account.MERCHANT_PAYABLE;
import static io.tillpoint.domain.model.ledger.Account.MERCHANT_PENDING_AUTHORIZATIONS;
import static io.tillpoint.domain.shared.DomainAssertions.invalidState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillpoint.domain.model.card.Card;
import io.tillpoint.domain.model.card.CardBrand;
import io.tillpoint.domain.model.card.CardNumber;
import io.tillpoint.domain.model.card.CardVerificationCode;
import io.tillpoint.domain.model.card.ExpiryDate;
import io.tillpoint.domain.model.card.InternalCardFingerprint;
import io.tillpoint.domain.model.card.MerchantCardFingerprint;
import io.tillpoint.domain.model.ledger.Journal;
import io.tillpoint.domain.model.ledger.JournalType;
import io.tillpoint.domain.model.risk.RiskAssessment;
import io.tillpoint.domain.model.risk.RiskDecision;
import io.tillpoint.domain.shared.CurrencyCode;
import io.tillpoint.domain.shared.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What risk control's decisions do to a payment: a block declines it ({@code risk_blocked}), a
 * review holds the approved amount ({@code in_review}) until an analyst approves (authorized,
 * captured as asked) or rejects (voided); an allowed payment is approved as before.
 */
class PaymentRiskTest {

    static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
    static final RiskAssessment REVIEW = RiskAssessment.of(40, RiskDecision.REVIEW, List.of("country_mismatch"));
    static final RiskAssessment BLOCK = RiskAssessment.of(100, RiskDecision.BLOCK, List.of("blocklist_email"));

    static Payment screened(CaptureMode capture, RiskAssessment risk) {
        Card card = new Card(CardNumber.parse("4000000000000101"), ExpiryDate.of(12, 2030, YearMonth.of(2026, 11)),
                CardVerificationCode.parse("123", CardBrand.VISA), null);
        return Payment.startCardPayment("mer_test", Money.of(60_000, CurrencyCode.of("USD")), capture,
                new PaymentDetails(null, null, Metadata.of(Map.of()), new Customer("c-1", null, null, "US")),
                CardSnapshot.of(card, new InternalCardFingerprint("i1.x"), new MerchantCardFingerprint("f1.x"), "BR"),
                risk, AT);
    }

    @Test
    void a_payment_keeps_what_risk_control_found_and_the_issuing_country_before_any_acquirer_answer() {
        Payment p = screened(CaptureMode.AUTOMATIC, REVIEW);

        assertThat(p.risk()).isEqualTo(REVIEW);
        assertThat(p.card().country()).isEqualTo("BR");
    }

    @Test
    void a_blocked_payment_is_declined_risk_blocked_with_nothing_posted() {
        Payment p = screened(CaptureMode.AUTOMATIC, BLOCK);

        p.blockForRisk(AT);

        assertThat(p.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(p.declineCode()).isEqualTo(DeclineCode.RISK_BLOCKED);
        assertThat(p.amountCapturable()).isZero();
        assertThatThrownBy(() -> screened(CaptureMode.AUTOMATIC, RiskAssessment.ALLOW).blockForRisk(AT))
                .as("only a blocked payment").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void an_approval_of_a_payment_held_for_review_holds_its_amount_even_for_automatic_capture() {
        Payment p = screened(CaptureMode.AUTOMATIC, REVIEW);

        Journal hold = p.approved("A1", "ref", "BR", AT);

        assertThat(p.status()).isEqualTo(PaymentStatus.IN_REVIEW);
        assertThat(p.status().apiName()).isEqualTo("in_review");
        assertThat(hold.type()).isEqualTo(JournalType.AUTHORIZATION_HOLD);
        assertThat(p.amountCapturable()).isEqualTo(60_000);
        assertThat(p.amountCaptured()).isZero();
        invalidState(() -> p.capture(null, AT));
    }

    @Test
    void an_analyst_approves_it_to_authorized_and_the_capture_then_takes_the_hold() {
        Payment p = screened(CaptureMode.AUTOMATIC, REVIEW);
        Journal hold = p.approved("A1", "ref", "BR", AT);

        p.approveReview(AT);
        Journal capture = p.capture(null, AT);

        assertThat(p.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(p.amountCaptured()).isEqualTo(60_000);
        assertThat(PaymentTest.balances(hold, capture)).containsOnly(Map.entry(CARDHOLDER_AUTHORIZATIONS, 0L),
                Map.entry(MERCHANT_PENDING_AUTHORIZATIONS, 0L), Map.entry(ACQUIRER_RECEIVABLE, 60_000L),
                Map.entry(MERCHANT_PAYABLE, -60_000L));
    }

    @Test
    void a_rejection_voids_the_held_authorization_and_releases_the_hold() {
        Payment p = screened(CaptureMode.MANUAL, REVIEW);
        Journal hold = p.approved("A1", "ref", "BR", AT);

        p.checkVoidable();
        Journal release = p.voidAuthorization(AT);

        assertThat(p.status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(PaymentTest.balances(hold, release)).containsOnly(Map.entry(CARDHOLDER_AUTHORIZATIONS, 0L),
                Map.entry(MERCHANT_PENDING_AUTHORIZATIONS, 0L));
        invalidState(() -> p.approveReview(AT));
    }

    @Test
    void an_allowed_or_stepped_up_payment_is_approved_as_its_capture_mode_says() {
        Payment automatic = screened(CaptureMode.AUTOMATIC, RiskAssessment.ALLOW);
        Payment manual = screened(CaptureMode.MANUAL,
                RiskAssessment.of(30, RiskDecision.STEP_UP, List.of("new_country_for_customer")));

        assertThat(automatic.approved("A1", "ref", null, AT).type()).isEqualTo(JournalType.CAPTURE);
        assertThat(manual.approved("A1", "ref", null, AT).type()).isEqualTo(JournalType.AUTHORIZATION_HOLD);
        assertThat(automatic.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(manual.status()).isEqualTo(PaymentStatus.AUTHORIZED);
    }

    @Test
    void a_payment_is_reassessed_only_before_the_acquirer_answers() {
        Payment p = screened(CaptureMode.AUTOMATIC, RiskAssessment.ALLOW);
        p.reassess(REVIEW);
        assertThat(p.risk()).isEqualTo(REVIEW);

        p.approved("A1", "ref", null, AT);
        assertThatThrownBy(() -> p.reassess(RiskAssessment.ALLOW)).isInstanceOf(IllegalStateException.class);
    }
}
