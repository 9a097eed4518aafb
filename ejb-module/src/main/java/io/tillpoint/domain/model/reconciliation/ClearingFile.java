package io.tillpoint.domain.model.reconciliation;

import io.tillpoint.domain.shared.CurrencyCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The clearing file layout the reconciliation reads (docs/operations.md, "Reconciliation"): CSV with a
 * header line {@value #HEADER}, one {@code D} row per cleared transaction and one {@code T} trailer row
 * with the number of {@code D} rows in its {@code transaction_id} column. Amounts are decimal in the
 * currency's exponent, types {@code capture} or {@code refund}. A real acquirer's settlement detail file
 * maps onto it column by column (its MID, ARN, transaction id, type, amount, currency, time).
 */
public final class ClearingFile {

    public static final String HEADER = "record_type,clearing_date,merchant_id,acquirer_reference,transaction_id,type,"
            + "amount,currency,transaction_time";

    private ClearingFile() {
    }

    public static String row(String date, ClearedTransaction t, String time) {
        return "D," + date + "," + t.merchantId() + "," + t.acquirerReference() + "," + t.transactionId() + ","
                + t.type() + "," + BigDecimal.valueOf(t.amount(), CurrencyCode.of(t.currency()).exponent()).toPlainString()
                + "," + t.currency() + "," + time;
    }

    public static String trailer(String date, int rows) {
        return "T," + date + ",,," + rows + ",,,,";
    }

    /** The file's transactions; refuses a file that is not in the layout or whose trailer does not count its rows. */
    public static List<ClearedTransaction> parse(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IllegalArgumentException("not a clearing file: the first line must be " + HEADER);
        }
        List<ClearedTransaction> rows = new ArrayList<>();
        Integer trailer = null;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (f.length != 9) {
                throw new IllegalArgumentException("line " + (i + 1) + " has " + f.length + " fields, not 9");
            }
            if (f[0].equals("T")) {
                trailer = Integer.parseInt(f[4]);
                continue;
            }
            if (!f[0].equals("D") || !(f[5].equals("capture") || f[5].equals("refund"))) {
                throw new IllegalArgumentException("line " + (i + 1) + " is neither a capture nor a refund row");
            }
            long minor = new BigDecimal(f[6]).movePointRight(CurrencyCode.of(f[7]).exponent()).longValueExact();
            rows.add(new ClearedTransaction(f[4], f[2], f[3], null, f[5], minor, f[7]));
        }
        if (trailer == null || trailer != rows.size()) {
            throw new IllegalArgumentException("the trailer counts " + trailer + " rows, the file has " + rows.size());
        }
        return rows;
    }
}
