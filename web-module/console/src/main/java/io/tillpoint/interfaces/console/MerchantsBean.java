package io.tillpoint.interfaces.console;

import io.tillpoint.application.BackOfficeMerchants;
import io.tillpoint.application.IssuedCredentials;
import io.tillpoint.application.MerchantCredentials;
import io.tillpoint.domain.model.merchant.ApiClient;
import io.tillpoint.domain.model.merchant.Merchant;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Merchants: the list, one merchant's details and API credentials; create, edit name and pricing,
 * suspend and reactivate with a reason, issue and revoke credentials. A new secret is kept only in
 * this view, shown once, and forgotten when the page is left.
 */
@Named("merchants")
@ViewScoped
public class MerchantsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    BackOfficeMerchants service;

    @Inject
    ConsoleSession console;

    @Inject
    Feedback feedback;

    private String selectedId;
    private String name;
    private String country = "US";
    private String currency = "USD";
    private long percentBps = 290;
    private long fixed = 30;
    private String reason;
    private String shownClientId;
    private String shownSecret;

    public List<Merchant> getAll() {
        return service.list(console.caller(), 0, 200);
    }

    public Merchant getSelected() {
        return selectedId == null ? null : feedback.attempt(() -> service.merchant(console.caller(), selectedId));
    }

    public List<ApiClient> getClients() {
        return selectedId == null ? List.of() : service.clients(console.caller(), selectedId);
    }

    public void select(String merchantId) {
        selectedId = merchantId;
        Merchant m = getSelected();
        if (m != null) {
            name = m.name();
            percentBps = m.pricing().percentBps();
            fixed = m.pricing().fixed();
        }
        shownSecret = null;
        shownClientId = null;
    }

    public void create() {
        MerchantCredentials made = feedback.attempt(() -> service.register(console.caller(), name, country, currency,
                percentBps, fixed));
        if (made != null) {
            selectedId = made.merchantId();
            shownClientId = made.clientId();
            shownSecret = made.clientSecret();
            feedback.info("merchants.created", made.merchantId());
        }
    }

    public void edit() {
        if (feedback.attempt(() -> service.edit(console.caller(), selectedId, name, percentBps, fixed)) != null) {
            feedback.info("merchants.saved");
        }
    }

    public void suspend() {
        if (feedback.attempt(() -> service.suspend(console.caller(), selectedId, reason)) != null) {
            feedback.info("merchants.suspended");
            reason = null;
        }
    }

    public void reactivate() {
        if (feedback.attempt(() -> service.reactivate(console.caller(), selectedId, reason)) != null) {
            feedback.info("merchants.reactivated");
            reason = null;
        }
    }

    public void issue() {
        IssuedCredentials issued = feedback.attempt(() -> service.issueCredentials(console.caller(), selectedId));
        if (issued != null) {
            shownClientId = issued.clientId();
            shownSecret = issued.clientSecret();
        }
    }

    public void revoke(String clientId) {
        if (feedback.attempt(() -> service.revoke(console.caller(), clientId, reason)) != null) {
            feedback.info("merchants.revoked", clientId);
            reason = null;
        }
    }

    /** The new secret, once: reading it forgets it. */
    public String takeSecret() {
        String s = shownSecret;
        shownSecret = null;
        return s;
    }

    public boolean isSecretToShow() {
        return shownSecret != null;
    }

    public String getShownClientId() {
        return shownClientId;
    }

    public String getSelectedId() {
        return selectedId;
    }

    public void setSelectedId(String selectedId) {
        this.selectedId = selectedId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public long getPercentBps() {
        return percentBps;
    }

    public void setPercentBps(long percentBps) {
        this.percentBps = percentBps;
    }

    public long getFixed() {
        return fixed;
    }

    public void setFixed(long fixed) {
        this.fixed = fixed;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
