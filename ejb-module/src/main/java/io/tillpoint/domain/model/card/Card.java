package io.tillpoint.domain.model.card;

/** A card as presented in one request: number, expiry, optional CVC and holder name. */
public record Card(CardNumber number, ExpiryDate expiry, CardVerificationCode cvc, String holderName) {

    public CardBrand brand() {
        return number.brand();
    }

    @Override
    public String toString() {
        return "Card[" + number.masked() + ", " + expiry.month() + "/" + expiry.year() + "]";
    }
}
