package io.tillpoint.interfaces.console;

import io.tillpoint.application.BackOfficeDashboard;
import io.tillpoint.domain.model.console.PaymentStatistics.Bucket;
import io.tillpoint.domain.model.console.PaymentStatistics.DeclineCount;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dashboard: the period, merchant and currency chosen, the figures {@link BackOfficeDashboard}
 * gives for them, and those figures as Chart.js configurations for PrimeFaces' {@code p:chart}.
 * Amounts are summed per currency only; the volume chart shows the chosen currency, or the one
 * with the most approved payments.
 */
@Named("dashboard")
@ViewScoped
public class DashboardBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:00").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final Map<String, Duration> PERIODS = new LinkedHashMap<>();

    static {
        PERIODS.put("24h", Duration.ofHours(24));
        PERIODS.put("7d", Duration.ofDays(7));
        PERIODS.put("30d", Duration.ofDays(30));
        PERIODS.put("90d", Duration.ofDays(90));
    }

    @EJB
    BackOfficeDashboard service;

    @Inject
    ConsoleSession console;

    @Inject
    Feedback feedback;

    @Inject
    Amounts amounts;

    private String period = "7d";
    private String merchantId;
    private String currency;
    private transient BackOfficeDashboard.Figures figures;

    public BackOfficeDashboard.Figures getFigures() {
        if (figures == null) {
            figures = feedback.attempt(() -> service.figures(console.caller(), PERIODS.getOrDefault(period,
                    Duration.ofDays(7)), merchantId, currency));
        }
        return figures;
    }

    public void apply() {
        figures = null;
    }

    public List<String> getPeriods() {
        return List.copyOf(PERIODS.keySet());
    }

    /** The currency the volume is shown in. */
    public String getVolumeCurrency() {
        if (currency != null && !currency.isBlank()) {
            return currency.strip();
        }
        Map<String, Long> approved = new TreeMap<>();
        for (Bucket b : buckets()) {
            approved.merge(b.currency(), b.approved(), Long::sum);
        }
        return approved.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("USD");
    }

    public String getVolume() {
        String cur = getVolumeCurrency();
        return amounts.format(buckets().stream().filter(b -> b.currency().equals(cur)).mapToLong(Bucket::approvedAmount)
                .sum(), cur);
    }

    public String getApprovalRate() {
        long bps = getFigures() == null ? -1 : figures.approvalRateBps();
        return bps < 0 ? "—" : BigDecimal.valueOf(bps, 2) + " %";
    }

    private List<Bucket> buckets() {
        return getFigures() == null ? List.of() : figures.buckets();
    }

    /** Per bucket (all currencies together): the label and the summed bucket. */
    private Map<String, long[]> perBucket(String onlyCurrency) {
        Map<String, long[]> rows = new LinkedHashMap<>();
        boolean daily = getFigures() != null && figures.daily();
        if (figures != null) {
            for (java.time.Instant t = figures.from(); t.isBefore(figures.to());
                    t = t.plus(daily ? Duration.ofDays(1) : Duration.ofHours(1))) {
                rows.put((daily ? DAY : HOUR).format(t), new long[6]);
            }
        }
        for (Bucket b : buckets()) {
            if (onlyCurrency != null && !onlyCurrency.equals(b.currency())) {
                continue;
            }
            long[] r = rows.computeIfAbsent((daily ? DAY : HOUR).format(b.start()), k -> new long[6]);
            r[0] += b.approved();
            r[1] += b.approvedAmount();
            r[2] += b.declined();
            r[3] += b.pending();
            r[4] += b.refunds();
            r[5] += b.refundedAmount();
        }
        return rows;
    }

    public String getVolumeChart() {
        String cur = getVolumeCurrency();
        int exponent = Amounts.exponent(cur);
        Map<String, long[]> rows = perBucket(cur);
        JsonArrayBuilder volume = Json.createArrayBuilder();
        JsonArrayBuilder refunded = Json.createArrayBuilder();
        rows.values().forEach(r -> {
            volume.add(BigDecimal.valueOf(r[1], exponent));
            refunded.add(BigDecimal.valueOf(r[5], exponent));
        });
        return chart("bar", labels(rows), Json.createArrayBuilder()
                .add(dataset(console.text("dashboard.volume") + " (" + cur + ")", volume, "#635bff"))
                .add(dataset(console.text("dashboard.refunded") + " (" + cur + ")", refunded, "#f5a623")), false);
    }

    public String getRateChart() {
        Map<String, long[]> rows = perBucket(null);
        JsonArrayBuilder rate = Json.createArrayBuilder();
        rows.values().forEach(r -> {
            long decided = r[0] + r[2];
            if (decided == 0) {
                rate.addNull();
            } else {
                rate.add(BigDecimal.valueOf(r[0] * 10_000 / decided, 2));
            }
        });
        return chart("line", labels(rows), Json.createArrayBuilder()
                .add(dataset(console.text("dashboard.approval_rate") + " (%)", rate, "#0e9f6e")), false);
    }

    public String getOutcomeChart() {
        Map<String, long[]> rows = perBucket(null);
        JsonArrayBuilder approved = Json.createArrayBuilder();
        JsonArrayBuilder declined = Json.createArrayBuilder();
        JsonArrayBuilder pending = Json.createArrayBuilder();
        rows.values().forEach(r -> {
            approved.add(r[0]);
            declined.add(r[2]);
            pending.add(r[3]);
        });
        return chart("bar", labels(rows), Json.createArrayBuilder()
                .add(dataset(console.text("dashboard.approved"), approved, "#0e9f6e"))
                .add(dataset(console.text("dashboard.declined"), declined, "#df1b41"))
                .add(dataset(console.text("dashboard.pending"), pending, "#c27c0e")), true);
    }

    public String getDeclineChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder counts = Json.createArrayBuilder();
        for (DeclineCount d : getFigures() == null ? List.<DeclineCount>of() : figures.declines()) {
            labels.add(d.code());
            counts.add(d.payments());
        }
        JsonObjectBuilder config = Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(dataset(console.text("dashboard.declines"), counts, "#df1b41"))))
                .add("options", Json.createObjectBuilder().add("indexAxis", "y").add("maintainAspectRatio", false)
                        .add("animation", false)
                        .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("display", false))));
        return config.build().toString();
    }

    private static JsonArrayBuilder labels(Map<String, long[]> rows) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        rows.keySet().forEach(labels::add);
        return labels;
    }

    private static JsonObjectBuilder dataset(String label, JsonArrayBuilder data, String colour) {
        return Json.createObjectBuilder().add("label", label).add("data", data).add("backgroundColor", colour)
                .add("borderColor", colour).add("spanGaps", true);
    }

    private static String chart(String type, JsonArrayBuilder labels, JsonArrayBuilder datasets, boolean stacked) {
        JsonObjectBuilder scales = Json.createObjectBuilder()
                .add("x", Json.createObjectBuilder().add("stacked", stacked))
                .add("y", Json.createObjectBuilder().add("stacked", stacked).add("beginAtZero", true));
        return Json.createObjectBuilder().add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", Json.createObjectBuilder().add("maintainAspectRatio", false).add("animation", false)
                        .add("scales", scales))
                .build().toString();
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public String getMerchantId() {
        return merchantId;
    }

    public void setMerchantId(String merchantId) {
        this.merchantId = merchantId;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }
}
