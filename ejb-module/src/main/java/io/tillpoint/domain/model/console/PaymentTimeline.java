package io.tillpoint.domain.model.console;

import java.util.List;

/** Everything on record about one payment, oldest first. */
public interface PaymentTimeline {

    List<TimelineEntry> of(String paymentId);
}
