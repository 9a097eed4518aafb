package io.tillpoint.batch.file;

import io.tillpoint.domain.model.settlement.Settlement;
import io.tillpoint.domain.model.settlement.SettlementItem;
import io.tillpoint.domain.model.settlement.TransactionKind;
import java.time.temporal.ChronoUnit;

/**
 * The settlement detail report as CSV (RFC 4180, CRLF), laid out like an acquirer's settlement detail
 * file: a header, one {@code D} row per transaction (amount signed: a capture positive, a refund
 * negative; its fee; amount less fee), then {@code T} rows for the totals (gross, refunds, fees, net,
 * transaction_count, opening_balance, payout, closing_balance). Decimal amounts in the currency's minor
 * unit exponent. Only ids and amounts: nothing of a card.
 */
public final class SettlementCsv {

    public static final String HEADER = "record_type,settlement_id,merchant_id,currency,booked_at,type,payment_id,"
            + "transaction_id,amount,fee,net";
    public static final String CONTENT_TYPE = "text/csv; charset=utf-8";

    private SettlementCsv() {
    }

    public static String fileName(Settlement s) {
        return s.id() + ".csv";
    }

    public static String write(SettlementStatement statement) {
        Settlement s = statement.settlement();
        String c = s.currency();
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (SettlementItem item : statement.items()) {
            long signed = item.kind() == TransactionKind.CAPTURE ? item.amount() : -item.amount();
            row(out, "D", s, item.occurredAt().truncatedTo(ChronoUnit.MILLIS).toString(),
                    item.kind().name().toLowerCase(java.util.Locale.ROOT), item.paymentId(), item.journalId(),
                    Amounts.text(signed, c), Amounts.text(item.fee(), c), Amounts.text(signed - item.fee(), c));
        }
        String end = s.periodEnd().toString();
        total(out, s, end, "gross", Amounts.text(s.gross(), c));
        total(out, s, end, "refunds", Amounts.text(s.refunds(), c));
        total(out, s, end, "fees", Amounts.text(s.fees(), c));
        total(out, s, end, "net", Amounts.text(s.net(), c));
        total(out, s, end, "transaction_count", Integer.toString(s.transactionCount()));
        total(out, s, end, "opening_balance", Amounts.text(statement.opening(), c));
        total(out, s, end, "payout", Amounts.text(statement.payout().map(p -> p.amount()).orElse(0L), c));
        total(out, s, end, "closing_balance", Amounts.text(statement.closing(), c));
        return out.toString();
    }

    private static void total(StringBuilder out, Settlement s, String at, String type, String amount) {
        row(out, "T", s, at, type, "", "", amount, "", "");
    }

    private static void row(StringBuilder out, String record, Settlement s, String at, String type, String payment,
            String transaction, String amount, String fee, String net) {
        out.append(record).append(',').append(s.id()).append(',').append(s.merchantId()).append(',')
                .append(s.currency()).append(',').append(at).append(',').append(type).append(',').append(payment)
                .append(',').append(transaction).append(',').append(amount).append(',').append(fee).append(',')
                .append(net).append("\r\n");
    }
}
