package io.tillpoint.domain.model.payment;

import io.tillpoint.domain.model.card.Card;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** What the gateway keeps of a card: brand, first six and last four digits, expiry, a keyed fingerprint. */
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

    @Column(name = "card_fingerprint", length = 64)
    private String fingerprint;

    protected CardSnapshot() {
    }

    public static CardSnapshot of(Card card, String fingerprint) {
        CardSnapshot s = new CardSnapshot();
        s.brand = card.brand().apiName();
        s.bin = card.number().bin();
        s.last4 = card.number().last4();
        s.expMonth = card.expiry().month();
        s.expYear = card.expiry().year();
        s.fingerprint = fingerprint;
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

    public String fingerprint() {
        return fingerprint;
    }

    /** First six and last four, as shown to people. */
    public String maskedNumber() {
        return bin + "******" + last4;
    }
}
