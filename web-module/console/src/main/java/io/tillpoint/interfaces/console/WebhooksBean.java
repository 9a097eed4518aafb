package io.tillpoint.interfaces.console;

import io.tillpoint.application.BackOfficeMerchants;
import io.tillpoint.domain.model.webhook.WebhookDelivery;
import io.tillpoint.domain.model.webhook.WebhookEndpoint;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** A merchant's webhook endpoints, an endpoint's deliveries with status and response, and redelivery. */
@Named("webhooks")
@ViewScoped
public class WebhooksBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    BackOfficeMerchants service;

    @Inject
    ConsoleSession console;

    @Inject
    Feedback feedback;

    private String merchantId;
    private String endpointId;

    public List<WebhookEndpoint> getEndpoints() {
        if (merchantId == null || merchantId.isBlank()) {
            return List.of();
        }
        List<WebhookEndpoint> found = feedback.attempt(() -> service.endpoints(console.caller(), merchantId.strip()));
        return found == null ? List.of() : found;
    }

    public List<WebhookDelivery> getDeliveries() {
        if (endpointId == null) {
            return List.of();
        }
        List<WebhookDelivery> found = feedback.attempt(() -> service.deliveries(console.caller(), merchantId.strip(),
                endpointId, 50));
        return found == null ? List.of() : found;
    }

    public void show(String endpoint) {
        endpointId = endpoint;
    }

    public void redeliver(String deliveryId) {
        WebhookDelivery again = feedback.attempt(() -> service.redeliver(console.caller(), merchantId.strip(), deliveryId));
        if (again != null) {
            feedback.info("webhooks.redelivered", again.id());
        }
    }

    public void find() {
        endpointId = null;
    }

    public String getMerchantId() {
        return merchantId;
    }

    public void setMerchantId(String merchantId) {
        this.merchantId = merchantId;
    }

    public String getEndpointId() {
        return endpointId;
    }
}
