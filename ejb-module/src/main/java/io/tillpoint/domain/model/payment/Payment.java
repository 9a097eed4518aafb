package io.tillpoint.domain.model.payment;

import io.tillpoint.domain.shared.UtcTime;
import static io.tillpoint.domain.model.ledger.Account.*;

import io.tillpoint.domain.model.ledger.Journal;
import io.tillpoint.domain.model.ledger.JournalType;
import io.tillpoint.domain.model.risk.RiskAssessment;
import io.tillpoint.domain.shared.CurrencyCode;
import io.tillpoint.domain.shared.Ids;
import io.tillpoint.domain.shared.InvalidInputException;
import io.tillpoint.domain.shared.InvalidStateException;
import io.tillpoint.domain.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The payment aggregate. Its amounts only move through intention-revealing methods
 * that go through the {@link PaymentStatus} state machine and return the balanced
 * ledger {@link Journal} the caller must record in the same transaction.
 */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    @Column(length = 40)
    private String id;

    @Version
    private long version;

    @Column(name = "merchant_id", nullable = false, length = 40, updatable = false)
    private String merchantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private PaymentStatus status;

    @Column(nullable = false, updatable = false)
    private long amount;

    @Column(nullable = false, length = 3, updatable = false)
    private String currency;

    @Column(name = "amount_capturable", nullable = false)
    private long amountCapturable;

    @Column(name = "amount_captured", nullable = false)
    private long amountCaptured;

    @Column(name = "amount_refunded", nullable = false)
    private long amountRefunded;

    /** Refunds asked of the acquirer and not yet answered: set aside, not yet refunded. */
    @Column(name = "amount_refund_pending", nullable = false)
    private long amountRefundPending;

    @Enumerated(EnumType.STRING)
    @Column(name = "capture_mode", nullable = false, length = 16, updatable = false)
    private CaptureMode captureMode;

    @Column(length = 255, updatable = false)
    private String reference;

    @Column(length = 1000, updatable = false)
    private String description;

    @Column(name = "metadata", length = 40000, updatable = false)
    private Metadata metadata;

    @Embedded
    private Customer customer;

    @Enumerated(EnumType.STRING)
    @Column(name = "method_type", nullable = false, length = 16, updatable = false)
    private PaymentMethodType methodType;

    @Embedded
    private CardSnapshot card;

    @Enumerated(EnumType.STRING)
    @Column(name = "decline_code", length = 32)
    private DeclineCode declineCode;

    @Column(name = "acquirer_reference", length = 64)
    private String acquirerReference;

    @Column(name = "authorization_code", length = 12)
    private String authorizationCode;

    /** What risk control found before the acquirer was asked (null for payments from before it). */
    @Embedded
    private RiskAssessment risk;

    @Column(name = "challenge_attempts", nullable = false)
    private int challengeAttempts;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected Payment() {
    }

    /** A new card payment, recorded before the acquirer is asked: status PROCESSING. */
    public static Payment startCardPayment(String merchantId, Money amount, CaptureMode captureMode,
            PaymentDetails details, CardSnapshot card, Instant now) {
        return startCardPayment(merchantId, amount, captureMode, details, card, RiskAssessment.ALLOW, now);
    }

    /** A new card payment as risk control screened it, recorded before the acquirer is asked: PROCESSING. */
    public static Payment startCardPayment(String merchantId, Money amount, CaptureMode captureMode,
            PaymentDetails details, CardSnapshot card, RiskAssessment risk, Instant now) {
        Payment p = new Payment();
        p.risk = risk;
        p.id = Ids.newId("pay");
        p.merchantId = merchantId;
        p.status = PaymentStatus.PROCESSING;
        p.amount = amount.minorUnits();
        p.currency = amount.currency().code();
        p.captureMode = captureMode;
        p.reference = details.reference();
        p.description = details.description();
        p.metadata = details.metadata();
        p.customer = details.customer();
        p.methodType = PaymentMethodType.CARD;
        p.card = card;
        p.createdAt = UtcTime.of(now);
        p.updatedAt = UtcTime.of(now);
        return p;
    }

    /**
     * What risk control found once it knew everything it looks at before the acquirer is asked
     * (the customer's earlier countries come with the attempt's record).
     */
    public void reassess(RiskAssessment assessment) {
        if (status != PaymentStatus.PROCESSING || acquirerReference != null) {
            throw new IllegalStateException("payment " + id + " is past its screening");
        }
        this.risk = assessment;
    }

    /**
     * Risk control blocks the payment before any acquirer hears of it: declined with
     * {@code risk_blocked}.
     */
    public void blockForRisk(Instant now) {
        if (risk == null || !risk.blocks()) {
            throw new IllegalStateException("payment " + id + " was not blocked by risk control");
        }
        move(PaymentEvent.AUTHORIZATION_DECLINED, now);
        this.declineCode = DeclineCode.RISK_BLOCKED;
    }

    /**
     * The acquirer approved the authorization. Risk control held the payment for review: it is
     * {@code in_review}, its amount held until an analyst decides. Otherwise it is authorized, or
     * authorized and captured at once when it asked for automatic capture. The journal to record.
     */
    public Journal approved(String authorizationCode, String acquirerReference, String issuerCountry, Instant now) {
        if (risk != null && risk.holdsForReview()) {
            move(PaymentEvent.HELD_FOR_REVIEW, now);
            takeAuthorization(authorizationCode, acquirerReference, issuerCountry);
            return hold(now);
        }
        return captureMode == CaptureMode.AUTOMATIC
                ? approveAndCapture(authorizationCode, acquirerReference, issuerCountry, now)
                : approve(authorizationCode, acquirerReference, issuerCountry, now);
    }

    /**
     * An analyst approved the payment held for review: it is authorized, as a manual-capture
     * payment waits for its merchant's capture (an automatic one is then captured by the caller).
     */
    public void approveReview(Instant now) {
        move(PaymentEvent.REVIEW_APPROVED, now);
    }

    /** The acquirer approved the authorization: the amount is held on the card. */
    public Journal approve(String authorizationCode, String acquirerReference, String issuerCountry, Instant now) {
        authorize(authorizationCode, acquirerReference, issuerCountry, now);
        return hold(now);
    }

    private Journal hold(Instant now) {
        Money held = amount();
        return Journal.builder(JournalType.AUTHORIZATION_HOLD, merchantId, id, now)
                .debit(CARDHOLDER_AUTHORIZATIONS, held)
                .credit(MERCHANT_PENDING_AUTHORIZATIONS, held)
                .build();
    }

    /**
     * The acquirer approved an automatic-capture payment: it is authorized and captured at once,
     * in full. Its one journal is the capture: no authorization is ever open in our books, so
     * the hold and its release, which would cancel out in the same transaction, are not written.
     */
    public Journal approveAndCapture(String authorizationCode, String acquirerReference, String issuerCountry,
            Instant now) {
        if (captureMode != CaptureMode.AUTOMATIC) {
            throw new IllegalStateException("payment " + id + " is captured manually");
        }
        authorize(authorizationCode, acquirerReference, issuerCountry, now);
        Money captured = amount();
        takeCapture(captured, now);
        return Journal.builder(JournalType.CAPTURE, merchantId, id, now)
                .debit(ACQUIRER_RECEIVABLE, captured)
                .credit(MERCHANT_PAYABLE, captured)
                .build();
    }

    private void authorize(String authorizationCode, String acquirerReference, String issuerCountry, Instant now) {
        move(PaymentEvent.AUTHORIZATION_APPROVED, now);
        takeAuthorization(authorizationCode, acquirerReference, issuerCountry);
    }

    private void takeAuthorization(String authorizationCode, String acquirerReference, String issuerCountry) {
        this.authorizationCode = authorizationCode;
        this.acquirerReference = acquirerReference;
        recordIssuerCountry(issuerCountry);
        this.amountCapturable = amount;
    }

    public void decline(DeclineCode code, String issuerCountry, Instant now) {
        move(PaymentEvent.AUTHORIZATION_DECLINED, now);
        this.declineCode = code;
        recordIssuerCountry(issuerCountry);
    }

    /** The acquirer's answer was lost (timeout, broken connection): a recovery job will ask again. */
    public void outcomeUnknown(Instant now) {
        move(PaymentEvent.OUTCOME_UNKNOWN, now);
    }

    /** The issuer wants the cardholder to confirm (step-up); {@code confirm} resumes the payment. */
    public void requireChallenge(String acquirerReference, String issuerCountry, Instant now) {
        move(PaymentEvent.CHALLENGE_REQUIRED, now);
        this.acquirerReference = acquirerReference;
        recordIssuerCountry(issuerCountry);
    }

    /** The cardholder answered the challenge; the answer now goes to the acquirer. */
    public void challengeSubmitted(Instant now) {
        move(PaymentEvent.CHALLENGE_SUBMITTED, now);
        challengeAttempts++;
    }

    public int challengeAttempts() {
        return challengeAttempts;
    }

    /**
     * Captures {@code requested} (or everything capturable when null); whatever is left of the
     * authorization is released.
     */
    public Journal capture(Money requested, Instant now) {
        Money capturable = Money.of(amountCapturable, currency());
        Money toCapture = requested == null ? capturable : requested;
        requireSameCurrency(toCapture, "amount");
        requirePositive(requested);
        if (status.allows(PaymentEvent.CAPTURE) && toCapture.isGreaterThan(capturable)) {
            throw new InvalidInputException("amount_too_large", "amount",
                    "must be at most the capturable amount (" + amountCapturable + ")");
        }
        takeCapture(toCapture, now);
        return Journal.builder(JournalType.CAPTURE, merchantId, id, now)
                .debit(MERCHANT_PENDING_AUTHORIZATIONS, capturable)
                .credit(CARDHOLDER_AUTHORIZATIONS, capturable)
                .debit(ACQUIRER_RECEIVABLE, toCapture)
                .credit(MERCHANT_PAYABLE, toCapture)
                .build();
    }

    /** The state of a capture: {@code captured} taken, nothing left to capture. */
    private void takeCapture(Money captured, Instant now) {
        move(PaymentEvent.CAPTURE, now);
        this.amountCapturable = 0;
        this.amountCaptured = captured.minorUnits();
    }

    /** Cancels an authorization that was not captured: the whole hold is released. */
    public Journal voidAuthorization(Instant now) {
        move(PaymentEvent.VOID, now);
        Money released = Money.of(amountCapturable, currency());
        this.amountCapturable = 0;
        return Journal.builder(JournalType.VOID, merchantId, id, now)
                .debit(MERCHANT_PENDING_AUTHORIZATIONS, released)
                .credit(CARDHOLDER_AUTHORIZATIONS, released)
                .build();
    }

    /**
     * What a capture of {@code requested} (everything capturable when null) would take: checked
     * before the acquirer is asked, changing nothing. {@link #capture} applies it on the answer.
     */
    public Money captureAmount(Money requested) {
        status.on(PaymentEvent.CAPTURE);
        Money capturable = Money.of(amountCapturable, currency());
        Money toCapture = requested == null ? capturable : requested;
        requireSameCurrency(toCapture, "amount");
        requirePositive(requested);
        if (toCapture.isGreaterThan(capturable)) {
            throw new InvalidInputException("amount_too_large", "amount",
                    "must be at most the capturable amount (" + amountCapturable + ")");
        }
        return toCapture;
    }

    /** Checks that the payment can be voided now, changing nothing; {@link #voidAuthorization} applies it. */
    public void checkVoidable() {
        status.on(PaymentEvent.VOID);
    }

    /**
     * Asks for a refund of {@code requested} (or everything not yet refunded or being refunded,
     * when null): the refund is {@code pending} and its amount set aside until the acquirer
     * answers ({@link #refundSucceeded}, {@link #refundFailed}). Refunds add up to at most the
     * capture, those in flight included. Nothing is posted yet.
     */
    public Refund requestRefund(Money requested, String reason, Instant now) {
        status.on(PaymentEvent.PARTIAL_REFUND);
        Money refundable = Money.of(amountCaptured - amountRefunded - amountRefundPending, currency());
        Money toRefund = requested == null ? refundable : requested;
        requireSameCurrency(toRefund, "amount");
        requirePositive(requested);
        if (!toRefund.isPositive()) {
            throw new InvalidStateException("Nothing is left to refund: every captured amount is refunded or being refunded");
        }
        if (toRefund.isGreaterThan(refundable)) {
            throw new InvalidInputException("amount_too_large", "amount",
                    "must be at most the amount not yet refunded or being refunded (" + refundable.minorUnits() + ")");
        }
        this.amountRefundPending = Math.addExact(amountRefundPending, toRefund.minorUnits());
        this.updatedAt = UtcTime.of(now);
        return Refund.pending(this, toRefund, reason, now);
    }

    /** The acquirer refunded {@code refund}: the money goes back, with its journal. */
    public Journal refundSucceeded(Refund refund, Instant now) {
        Money amount = releasePending(refund);
        boolean full = amountRefunded + amount.minorUnits() == amountCaptured;
        move(full ? PaymentEvent.FULL_REFUND : PaymentEvent.PARTIAL_REFUND, now);
        this.amountRefunded = Math.addExact(amountRefunded, amount.minorUnits());
        refund.succeed(now);
        return Journal.builder(JournalType.REFUND, merchantId, id, now)
                .debit(MERCHANT_PAYABLE, amount)
                .credit(ACQUIRER_RECEIVABLE, amount)
                .build();
    }

    /** The acquirer refused {@code refund}: nothing is refunded, its amount is refundable again. */
    public void refundFailed(Refund refund, String code, Instant now) {
        releasePending(refund);
        this.updatedAt = UtcTime.of(now);
        refund.fail(code, now);
    }

    private Money releasePending(Refund refund) {
        if (!refund.paymentId().equals(id) || !refund.isPending()) {
            throw new IllegalStateException("refund " + refund.id() + " is not pending on payment " + id);
        }
        Money amount = refund.amount();
        if (amount.minorUnits() > amountRefundPending) {
            throw new IllegalStateException("refund " + refund.id() + " is more than the pending amount of " + id);
        }
        this.amountRefundPending -= amount.minorUnits();
        return amount;
    }

    public long amountRefundPending() {
        return amountRefundPending;
    }

    private void move(PaymentEvent event, Instant now) {
        this.status = status.on(event);
        this.updatedAt = UtcTime.of(now);
    }

    private void recordIssuerCountry(String country) {
        if (card != null) {
            card.issuedIn(country);
        }
    }

    private static void requirePositive(Money requested) {
        if (requested != null && !requested.isPositive()) {
            throw new InvalidInputException("amount", "must be greater than 0");
        }
    }

    private void requireSameCurrency(Money money, String param) {
        if (!money.currency().equals(currency())) {
            throw new InvalidInputException(param, "must be in the payment's currency " + currency);
        }
    }

    public String id() {
        return id;
    }

    public String merchantId() {
        return merchantId;
    }

    public PaymentStatus status() {
        return status;
    }

    public CurrencyCode currency() {
        return CurrencyCode.of(currency);
    }

    public Money amount() {
        return Money.of(amount, currency());
    }

    public long amountCapturable() {
        return amountCapturable;
    }

    public long amountCaptured() {
        return amountCaptured;
    }

    public long amountRefunded() {
        return amountRefunded;
    }

    public CaptureMode captureMode() {
        return captureMode;
    }

    public String reference() {
        return reference;
    }

    public String description() {
        return description;
    }

    public Map<String, String> metadata() {
        return metadata == null ? Map.of() : metadata.values();
    }

    public Customer customer() {
        return customer;
    }

    public PaymentMethodType methodType() {
        return methodType;
    }

    public CardSnapshot card() {
        return card;
    }

    /** What risk control found (null for payments taken before it existed). */
    public RiskAssessment risk() {
        return risk;
    }

    public DeclineCode declineCode() {
        return declineCode;
    }

    public String acquirerReference() {
        return acquirerReference;
    }

    public String authorizationCode() {
        return authorizationCode;
    }

    public Instant createdAt() {
        return UtcTime.instant(createdAt);
    }

    public Instant updatedAt() {
        return UtcTime.instant(updatedAt);
    }

    public long version() {
        return version;
    }
}
