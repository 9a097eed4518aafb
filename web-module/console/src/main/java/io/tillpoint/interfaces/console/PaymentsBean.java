package io.tillpoint.interfaces.console;

import io.tillpoint.application.BackOfficePayments;
import io.tillpoint.domain.model.console.PaymentFilter;
import io.tillpoint.domain.model.console.PaymentRow;
import io.tillpoint.domain.model.payment.PaymentStatus;
import io.tillpoint.domain.shared.InvalidInputException;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The payment search: the form's fields as a {@link PaymentFilter}, and the result as a lazy table
 * that reads one page at a time from {@link BackOfficePayments} (the count stops at 10,000).
 */
@Named("payments")
@ViewScoped
public class PaymentsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    BackOfficePayments service;

    @Inject
    ConsoleSession console;

    @Inject
    Feedback feedback;

    private String query;
    private String merchantId;
    private String status;
    private String currency;
    private String minAmount;
    private String maxAmount;
    private String last4;
    private LocalDate from;
    private LocalDate to;
    private PaymentFilter filter = PaymentFilter.ANY;
    private long matched = -1;

    private final LazyDataModel<PaymentRow> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            matched = service.count(console.caller(), filter);
            return (int) matched;
        }

        @Override
        public List<PaymentRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return service.search(console.caller(), filter, first, pageSize);
        }

        @Override
        public String getRowKey(PaymentRow row) {
            return row.id();
        }
    };

    /** Applies the form: a query that looks like a payment id searches by id, anything else by reference. */
    public void search() {
        PaymentFilter built = feedback.attempt(() -> {
            String q = query == null ? null : query.strip();
            boolean byId = q != null && q.startsWith("pay_");
            return new PaymentFilter(byId ? q : null, byId ? null : q, merchantId, status == null || status.isBlank()
                    ? null : PaymentStatus.valueOf(status), currency, Amounts.parse(minAmount, currency, "min_amount"),
                    Amounts.parse(maxAmount, currency, "max_amount"), last4, from == null ? null : start(from),
                    to == null ? null : start(to.plusDays(1)));
        });
        if (built != null) {
            filter = built;
        }
    }

    public void clear() {
        query = merchantId = status = currency = minAmount = maxAmount = last4 = null;
        from = to = null;
        filter = PaymentFilter.ANY;
    }

    private static java.time.Instant start(LocalDate day) {
        if (day.getYear() < 2000 || day.getYear() > 2200) {
            throw new InvalidInputException("date", "must be a date between 2000 and 2200");
        }
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The statuses a person can search for (processing once, though it has two internal states). */
    public List<String> getStatuses() {
        Set<String> names = new LinkedHashSet<>();
        for (PaymentStatus s : PaymentStatus.values()) {
            if (s != PaymentStatus.UNKNOWN) {
                names.add(s.name());
            }
        }
        return List.copyOf(names);
    }

    public String statusLabel(String name) {
        return PaymentStatus.valueOf(name).apiName();
    }

    public boolean isMoreThanCap() {
        return matched > BackOfficePayments.COUNT_CAP;
    }

    public LazyDataModel<PaymentRow> getModel() {
        return model;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getMerchantId() {
        return merchantId;
    }

    public void setMerchantId(String merchantId) {
        this.merchantId = merchantId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getMinAmount() {
        return minAmount;
    }

    public void setMinAmount(String minAmount) {
        this.minAmount = minAmount;
    }

    public String getMaxAmount() {
        return maxAmount;
    }

    public void setMaxAmount(String maxAmount) {
        this.maxAmount = maxAmount;
    }

    public String getLast4() {
        return last4;
    }

    public void setLast4(String last4) {
        this.last4 = last4;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
