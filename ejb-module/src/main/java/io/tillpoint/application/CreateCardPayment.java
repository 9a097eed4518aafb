package io.tillpoint.application;

import io.tillpoint.domain.model.card.Card;
import io.tillpoint.domain.model.payment.CaptureMode;
import io.tillpoint.domain.model.payment.PaymentDetails;
import io.tillpoint.domain.shared.Money;

/** The command to take a card payment, validated by the interface that received it. */
public record CreateCardPayment(String merchantId, Money amount, CaptureMode captureMode, PaymentDetails details, Card card) {

    @Override
    public String toString() {
        return "CreateCardPayment[" + merchantId + ", " + amount + ", " + captureMode + ", " + card + "]";
    }
}
