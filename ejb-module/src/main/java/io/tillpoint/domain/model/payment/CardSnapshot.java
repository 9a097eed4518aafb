package io.tillpoint.domain.model.payment;

import io.tillpoint.domain.model.card.Card;
import io.tillpoint.domain.model.card.InternalCardFingerprint;
import io.tillpoint.domain.model.card.MerchantCardFingerprint;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What the gateway keeps of a card: brand, first six and last four digits, expiry, and two keyed
 * fingerprints: the one its merchant sees, and the gateway's own, which is never shown.
 */
@Embeddable
public class CardSnapshot {

    @Column(name = "card_brand", length = 16)
    private String brand;

    @Column(name = "card_bin", length = 6)
    private String bin;

    @Column(name = "card_last4", length = 4)
    private String last4;

    @Column(name = "card_exp_month")
    private Integer expMonth;

    @Column(name = "card_exp_year")
    private Integer expYear;

    @Column(name = "card_country", length = 2)
    private String country;

    /** The merchant's ({@link MerchantCardFingerprint}): what {@code card.fingerprint} shows. */
    @Column(name = "card_fingerprint", length = 64)
    private String fingerprint;

    /** The gateway's own ({@link InternalCardFingerprint}), for risk: never in any answer. */
    @Column(name = "card_internal_fingerprint", length = 64)
    private String internalFingerprint;

    protected CardSnapshot() {
    }

    public static CardSnapshot of(Card card, InternalCardFingerprint internal, MerchantCardFingerprint shown) {
        return of(card, internal, shown, null);
    }

    /**
     * With the issuing country as the gateway's card range table says (null when unknown); the
     * acquirer's answer, when it names one, has the last word.
     */
    public static CardSnapshot of(Card card, InternalCardFingerprint internal, MerchantCardFingerprint shown,
            String issuingCountry) {
        CardSnapshot s = new CardSnapshot();
        s.country = issuingCountry;
        s.brand = card.brand().apiName();
        s.bin = card.number().bin();
        s.last4 = card.number().last4();
        s.expMonth = card.expiry().month();
        s.expYear = card.expiry().year();
        s.fingerprint = shown.value();
        s.internalFingerprint = internal.value();
        return s;
    }

    void issuedIn(String country) {
        if (country != null) {
            this.country = country;
        }
    }

    public String brand() {
        return brand;
    }

    public String bin() {
        return bin;
    }

    public String last4() {
        return last4;
    }

    public Integer expMonth() {
        return expMonth;
    }

    public Integer expYear() {
        return expYear;
    }

    public String country() {
        return country;
    }

    /** The merchant's fingerprint of the card, as {@code card.fingerprint} shows it. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The gateway's own fingerprint of the card: for risk and storage, never for an answer. */
    public String internalFingerprint() {
        return internalFingerprint;
    }

    /** First six and last four, as shown to people. */
    public String maskedNumber() {
        return bin + "******" + last4;
    }
}
