package io.tillpoint.batch.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement9;
import com.prowidesoftware.swift.model.mx.dic.CashBalance8;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import io.tillpoint.domain.model.settlement.Payout;
import io.tillpoint.domain.model.settlement.Settlement;
import io.tillpoint.domain.model.settlement.SettlementItem;
import io.tillpoint.domain.model.settlement.SettlementStatus;
import io.tillpoint.domain.model.settlement.TransactionKind;
import io.tillpoint.domain.model.settlement.UnsettledTransaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The settlement's files round-trip through prowide's parser (no official XSDs reach this machine):
 * every amount comes back to the minor unit, and the statement's opening balance plus its entries is
 * its closing balance; the CSV's rows add up to its totals.
 */
class SettlementFilesTest {

    static final Instant START = Instant.parse("2026-11-24T00:00:00Z");
    static final Instant END = Instant.parse("2026-11-25T00:00:00Z");

    /** A settlement of {@code n} random transactions in {@code currency}, its totals their sums. */
    static SettlementStatement statement(String currency, int n, long carriedIn, boolean refundHeavy) {
        Random r = new Random(currency.hashCode() + n);
        List<SettlementItem> items = new ArrayList<>();
        long gross = 0;
        long refunds = 0;
        long fees = 0;
        for (int i = 0; i < n; i++) {
            TransactionKind kind = (refundHeavy ? r.nextInt(4) != 0 : r.nextInt(6) == 0) ? TransactionKind.REFUND
                    : TransactionKind.CAPTURE;
            long amount = 1 + r.nextInt(2_000_000);
            SettlementItem item = new UnsettledTransaction(String.format("0190%028d", i), "mer_1", currency, kind,
                    "pay_" + i, amount, START.plusSeconds(i * 7L), 290, 30).toItem();
            items.add(item);
            gross += item.gross();
            refunds += item.refunds();
            fees += item.fee();
        }
        Settlement open = new Settlement("stl_test" + currency, "run_1", "mer_1", currency, START, END, gross, refunds,
                fees, n, SettlementStatus.COMPLETED, carriedIn, null, "jrn", END, END.plusSeconds(60));
        long payout = Settlement.payoutFor(carriedIn, open.net());
        Settlement s = new Settlement(open.id(), open.runId(), open.merchantId(), currency, START, END, gross, refunds,
                fees, n, SettlementStatus.COMPLETED, carriedIn, payout, "jrn", END, END.plusSeconds(60));
        Optional<Payout> paid = payout > 0
                ? Optional.of(new Payout("po_test" + currency, s.id(), "mer_1", currency, payout, "jrn2", END))
                : Optional.empty();
        return new SettlementStatement(s, items, paid);
    }

    @ParameterizedTest
    @CsvSource({"JPY,300,0,false", "USD,300,0,false", "BHD,300,0,false", "BHD,40,0,true", "USD,25,-123456,false"})
    void a_camt053_statement_parses_back_and_its_opening_plus_entries_is_its_closing(String currency, int n,
            long carriedIn, boolean refundHeavy) {
        SettlementStatement statement = statement(currency, n, carriedIn, refundHeavy);

        String xml = Camt053Statement.write(statement);
        MxCamt05300108 parsed = Camt053Statement.parse(xml);

        AccountStatement9 stmt = parsed.getBkToCstmrStmt().getStmt().get(0);
        assertThat(stmt.getId()).isEqualTo(statement.settlement().id());
        assertThat(stmt.getAcct().getCcy()).isEqualTo(currency);
        long opening = balance(stmt, "OPBD", currency);
        long closing = balance(stmt, "CLBD", currency);
        long entries = 0;
        for (ReportEntry10 e : stmt.getNtry()) {
            assertThat(e.getAmt().getCcy()).isEqualTo(currency);
            long minor = Amounts.minorUnits(e.getAmt().getValue(), currency);
            entries += e.getCdtDbtInd() == CreditDebitCode.CRDT ? minor : -minor;
        }
        assertThat(opening).isEqualTo(carriedIn);
        assertThat(opening + entries).as("opening + entries = closing").isEqualTo(closing);
        assertThat(closing).isEqualTo(statement.closing());
        int expectedEntries = n + (statement.settlement().fees() > 0 ? 1 : 0) + (statement.payout().isPresent() ? 1 : 0);
        assertThat(stmt.getNtry()).hasSize(expectedEntries);
        assertThat(stmt.getTxsSummry().getTtlNtries().getNbOfNtries()).isEqualTo(Integer.toString(expectedEntries));
        assertThat(stmt.getNtry().get(0).getNtryRef()).isEqualTo(statement.items().get(0).journalId());
        assertThat(stmt.getNtry().get(0).getAcctSvcrRef()).isEqualTo("pay_0");
        assertThat(Camt053Statement.write(statement)).as("the same settlement, the same file").isEqualTo(xml);
    }

    @Test
    void a_negative_net_is_carried_as_a_debit_closing_balance_and_pays_nothing_out() {
        SettlementStatement statement = statement("BHD", 40, 0, true);
        assertThat(statement.settlement().net()).isNegative();
        assertThat(statement.payout()).isEmpty();

        AccountStatement9 stmt = Camt053Statement.parse(Camt053Statement.write(statement)).getBkToCstmrStmt().getStmt()
                .get(0);

        CashBalance8 closing = stmt.getBal().stream().filter(b -> b.getTp().getCdOrPrtry().getCd().equals("CLBD"))
                .findFirst().orElseThrow();
        assertThat(closing.getCdtDbtInd()).isEqualTo(CreditDebitCode.DBIT);
        assertThat(Amounts.minorUnits(closing.getAmt().getValue(), "BHD")).isEqualTo(-statement.settlement().net());
    }

    @ParameterizedTest
    @CsvSource({"JPY,123456", "USD,1999", "BHD,1001"})
    void a_pain001_payout_parses_back_to_the_same_amount_and_ids(String currency, long amount) {
        Payout payout = new Payout("po_x" + currency, "stl_x", "mer_1", currency, amount, "jrn", END);

        MxPain00100109 parsed = Pain001Payout.parse(Pain001Payout.write(payout));

        var initiation = parsed.getCstmrCdtTrfInitn();
        assertThat(initiation.getGrpHdr().getMsgId()).isEqualTo(payout.id());
        assertThat(initiation.getGrpHdr().getNbOfTxs()).isEqualTo("1");
        assertThat(Amounts.minorUnits(initiation.getGrpHdr().getCtrlSum(), currency)).isEqualTo(amount);
        var transfer = initiation.getPmtInf().get(0).getCdtTrfTxInf().get(0);
        assertThat(transfer.getPmtId().getEndToEndId()).isEqualTo("stl_x");
        assertThat(transfer.getAmt().getInstdAmt().getCcy()).isEqualTo(currency);
        assertThat(Amounts.minorUnits(transfer.getAmt().getInstdAmt().getValue(), currency)).isEqualTo(amount);
        assertThat(transfer.getCdtrAcct().getId().getOthr().getId()).isEqualTo("mer_1");
    }

    @ParameterizedTest
    @CsvSource({"JPY", "USD", "BHD"})
    void the_csv_has_one_row_per_transaction_and_totals_its_rows_add_up_to(String currency) {
        SettlementStatement statement = statement(currency, 200, 0, false);
        Settlement s = statement.settlement();

        List<String[]> rows = SettlementCsv.write(statement).lines().map(l -> l.split(",", -1)).toList();

        assertThat(String.join(",", rows.get(0))).isEqualTo(SettlementCsv.HEADER);
        List<String[]> details = rows.stream().filter(r -> r[0].equals("D")).toList();
        assertThat(details).hasSize(200);
        long amounts = details.stream().mapToLong(r -> Amounts.minorUnits(new BigDecimal(r[8]), currency)).sum();
        long fees = details.stream().mapToLong(r -> Amounts.minorUnits(new BigDecimal(r[9]), currency)).sum();
        long nets = details.stream().mapToLong(r -> Amounts.minorUnits(new BigDecimal(r[10]), currency)).sum();
        assertThat(amounts).isEqualTo(s.gross() - s.refunds());
        assertThat(fees).isEqualTo(s.fees());
        assertThat(nets).isEqualTo(s.net());
        assertThat(total(rows, "gross", currency)).isEqualTo(s.gross());
        assertThat(total(rows, "refunds", currency)).isEqualTo(s.refunds());
        assertThat(total(rows, "net", currency)).isEqualTo(s.net());
        assertThat(rows.stream().filter(r -> r[5].equals("transaction_count")).findFirst().orElseThrow()[8])
                .isEqualTo("200");
        assertThat(total(rows, "opening_balance", currency) + s.net() - total(rows, "payout", currency))
                .isEqualTo(total(rows, "closing_balance", currency));
    }

    @Test
    void amounts_take_the_currencys_exponent_and_refuse_more_decimals() {
        assertThat(Amounts.text(1999, "JPY")).isEqualTo("1999");
        assertThat(Amounts.text(1999, "USD")).isEqualTo("19.99");
        assertThat(Amounts.text(1999, "BHD")).isEqualTo("1.999");
        assertThat(Amounts.text(-5, "USD")).isEqualTo("-0.05");
        assertThatThrownBy(() -> Amounts.minorUnits(new BigDecimal("1.001"), "USD")).isInstanceOf(ArithmeticException.class);
    }

    private static long balance(AccountStatement9 stmt, String type, String currency) {
        CashBalance8 b = stmt.getBal().stream().filter(x -> x.getTp().getCdOrPrtry().getCd().equals(type)).findFirst()
                .orElseThrow();
        long minor = Amounts.minorUnits(b.getAmt().getValue(), currency);
        return b.getCdtDbtInd() == CreditDebitCode.CRDT ? minor : -minor;
    }

    private static long total(List<String[]> rows, String type, String currency) {
        return Amounts.minorUnits(new BigDecimal(rows.stream().filter(r -> r[0].equals("T") && r[5].equals(type))
                .findFirst().orElseThrow()[8]), currency);
    }
}
