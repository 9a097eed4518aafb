package io.tillpoint.application;

import java.util.List;

/** Deliveries a transaction made (CDI event): once it commits, they are sent at once. */
public record DeliveriesCreated(List<String> deliveryIds) {

    public DeliveriesCreated {
        deliveryIds = List.copyOf(deliveryIds);
    }
}
