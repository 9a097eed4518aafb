package io.tillpoint.domain.model.acquiring;

import io.tillpoint.domain.model.card.Card;
import io.tillpoint.domain.shared.Money;

/**
 * One authorization as sent to an acquirer. The card's toString is masked. {@code stepUp}: the
 * gateway's risk control asks for the cardholder to be authenticated (a 3-D Secure challenge)
 * whatever the issuer would decide, so the answer is a challenge (or a decline).
 */
public record AuthorizationRequest(String paymentId, String merchantId, Money amount, Card card, boolean stepUp) {

    /** Without a step-up asked for: the issuer decides whether to challenge. */
    public AuthorizationRequest(String paymentId, String merchantId, Money amount, Card card) {
        this(paymentId, merchantId, amount, card, false);
    }
}
