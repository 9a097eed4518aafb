package io.tillpoint.domain.model.acquiring;

import io.tillpoint.domain.model.card.Card;
import io.tillpoint.domain.shared.Money;

/** One authorization as sent to an acquirer. The card's toString is masked. */
public record AuthorizationRequest(String paymentId, String merchantId, Money amount, Card card) {
}
