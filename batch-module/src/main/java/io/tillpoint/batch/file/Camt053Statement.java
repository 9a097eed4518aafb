package io.tillpoint.batch.file;

import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement9;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.BalanceType10Choice;
import com.prowidesoftware.swift.model.mx.dic.BalanceType13;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerStatementV08;
import com.prowidesoftware.swift.model.mx.dic.BankTransactionCodeStructure4;
import com.prowidesoftware.swift.model.mx.dic.CashAccount39;
import com.prowidesoftware.swift.model.mx.dic.CashBalance8;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.DateTimePeriod1;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.EntryStatus1Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.GenericAccountIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader81;
import com.prowidesoftware.swift.model.mx.dic.NumberAndSumOfTransactions1;
import com.prowidesoftware.swift.model.mx.dic.NumberAndSumOfTransactions4;
import com.prowidesoftware.swift.model.mx.dic.ProprietaryBankTransactionCodeStructure1;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.TotalTransactions6;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences6;
import io.tillpoint.domain.model.settlement.Settlement;
import io.tillpoint.domain.model.settlement.SettlementItem;
import io.tillpoint.domain.model.settlement.TransactionKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A settlement as an ISO 20022 {@code camt.053.001.08} bank-to-customer statement of the merchant's
 * settlement account in the settlement's currency, written with prowide's model: the opening balance
 * (OPBD: what the merchant was owed before), one booked entry per transaction (a capture a credit, a
 * refund a debit; entry reference the journal, account servicer reference the payment), one debit for
 * the fees and one for the payout, and the closing balance (CLBD). Opening plus credits less debits is
 * the closing balance.
 */
public final class Camt053Statement {

    public static final String CONTENT_TYPE = "application/xml; charset=utf-8";
    static final String ISSUER = "TILLPOINT";

    private Camt053Statement() {
    }

    public static String fileName(Settlement s) {
        return s.id() + ".camt053.xml";
    }

    public static String write(SettlementStatement statement) {
        Settlement s = statement.settlement();
        String ccy = s.currency();
        OffsetDateTime created = time(s.completedAt() == null ? s.periodEnd() : s.completedAt());
        AccountStatement9 stmt = new AccountStatement9()
                .setId(s.id())
                .setCreDtTm(created)
                .setFrToDt(new DateTimePeriod1().setFrDtTm(time(s.periodStart())).setToDtTm(time(s.periodEnd())))
                .setAcct(new CashAccount39().setCcy(ccy).setNm("Settlement account " + s.merchantId())
                        .setId(new AccountIdentification4Choice().setOthr(new GenericAccountIdentification1()
                                .setId(s.merchantId() + "-" + ccy).setIssr(ISSUER))));
        stmt.addBal(balance("OPBD", statement.opening(), ccy, s.periodStart()));
        stmt.addBal(balance("CLBD", statement.closing(), ccy, s.periodEnd()));
        long credits = 0;
        long debits = 0;
        int creditCount = 0;
        int debitCount = 0;
        for (SettlementItem item : statement.items()) {
            boolean credit = item.kind() == TransactionKind.CAPTURE;
            stmt.addNtry(entry(item.journalId(), item.paymentId(), item.amount(), ccy, credit, item.kind().name(),
                    item.occurredAt()));
            if (credit) {
                credits += item.amount();
                creditCount++;
            } else {
                debits += item.amount();
                debitCount++;
            }
        }
        if (s.fees() > 0) {
            stmt.addNtry(entry(s.id() + "-fees", null, s.fees(), ccy, false, "FEES", s.periodEnd()));
            debits += s.fees();
            debitCount++;
        }
        long payout = statement.payout().map(p -> p.amount()).orElse(0L);
        if (payout > 0) {
            stmt.addNtry(entry(statement.payout().get().id(), null, payout, ccy, false, "PAYOUT", s.periodEnd()));
            debits += payout;
            debitCount++;
        }
        long net = credits - debits;
        stmt.setTxsSummry(new TotalTransactions6()
                .setTtlNtries(new NumberAndSumOfTransactions4().setNbOfNtries(Integer.toString(creditCount + debitCount))
                        .setSum(Amounts.decimal(credits + debits, ccy))
                        .setTtlNetNtry(new com.prowidesoftware.swift.model.mx.dic.AmountAndDirection35()
                                .setAmt(Amounts.decimal(Math.abs(net), ccy))
                                .setCdtDbtInd(net >= 0 ? CreditDebitCode.CRDT : CreditDebitCode.DBIT)))
                .setTtlCdtNtries(new NumberAndSumOfTransactions1().setNbOfNtries(Integer.toString(creditCount))
                        .setSum(Amounts.decimal(credits, ccy)))
                .setTtlDbtNtries(new NumberAndSumOfTransactions1().setNbOfNtries(Integer.toString(debitCount))
                        .setSum(Amounts.decimal(debits, ccy))));
        MxCamt05300108 mx = new MxCamt05300108().setBkToCstmrStmt(new BankToCustomerStatementV08()
                .setGrpHdr(new GroupHeader81().setMsgId(s.id()).setCreDtTm(created))
                .addStmt(stmt));
        return mx.message();
    }

    /** Parses a statement this class wrote (or any camt.053.001.08). */
    public static MxCamt05300108 parse(String xml) {
        MxCamt05300108 mx = MxCamt05300108.parse(xml);
        if (mx == null || mx.getBkToCstmrStmt() == null) {
            throw new IllegalArgumentException("not a camt.053.001.08 statement");
        }
        return mx;
    }

    private static CashBalance8 balance(String type, long minorUnits, String ccy, Instant at) {
        return new CashBalance8()
                .setTp(new BalanceType13().setCdOrPrtry(new BalanceType10Choice().setCd(type)))
                .setAmt(amount(Math.abs(minorUnits), ccy))
                .setCdtDbtInd(minorUnits >= 0 ? CreditDebitCode.CRDT : CreditDebitCode.DBIT)
                .setDt(new DateAndDateTime2Choice().setDtTm(time(at)));
    }

    private static ReportEntry10 entry(String reference, String paymentId, long minorUnits, String ccy, boolean credit,
            String code, Instant at) {
        CreditDebitCode direction = credit ? CreditDebitCode.CRDT : CreditDebitCode.DBIT;
        BankTransactionCodeStructure4 bankCode = new BankTransactionCodeStructure4()
                .setPrtry(new ProprietaryBankTransactionCodeStructure1().setCd(code).setIssr(ISSUER));
        ReportEntry10 entry = new ReportEntry10()
                .setNtryRef(reference)
                .setAmt(amount(minorUnits, ccy))
                .setCdtDbtInd(direction)
                .setSts(new EntryStatus1Choice().setCd("BOOK"))
                .setBookgDt(new DateAndDateTime2Choice().setDtTm(time(at)))
                .setBkTxCd(bankCode);
        if (paymentId != null) {
            entry.setAcctSvcrRef(paymentId);
            entry.addNtryDtls(new EntryDetails9().addTxDtls(new EntryTransaction10()
                    .setRefs(new TransactionReferences6().setEndToEndId(paymentId).setAcctSvcrRef(reference))
                    .setAmt(amount(minorUnits, ccy)).setCdtDbtInd(direction)));
        }
        return entry;
    }

    private static ActiveOrHistoricCurrencyAndAmount amount(long minorUnits, String ccy) {
        BigDecimal value = Amounts.decimal(minorUnits, ccy);
        return new ActiveOrHistoricCurrencyAndAmount().setValue(value).setCcy(ccy);
    }

    private static OffsetDateTime time(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
    }
}
