package io.tillpoint.domain.model.console;

import java.util.List;

/** The console's search over every merchant's payments, newest first. */
public interface PaymentSearch {

    /** The page of payments that {@code filter} matches, from row {@code offset}. */
    List<PaymentRow> find(PaymentFilter filter, int offset, int limit);

    /** How many payments match, counted up to {@code cap} (a bigger number is shown as "more than"). */
    long count(PaymentFilter filter, long cap);
}
