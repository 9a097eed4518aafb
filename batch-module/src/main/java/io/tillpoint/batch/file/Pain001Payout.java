package io.tillpoint.batch.file;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GenericAccountIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GenericFinancialIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import io.tillpoint.domain.model.settlement.Payout;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A payout as an ISO 20022 {@code pain.001.001.09} customer credit transfer initiation, written with
 * prowide's model: one payment information block with one credit transfer from the gateway's
 * settlement account in the payout's currency to the merchant's account. The message, instruction and
 * end-to-end ids are the payout's and its settlement's, so a bank's answer can be matched to them. The
 * merchants' bank details are not kept yet: accounts are identified by the merchant's id
 * ({@code NOTPROVIDED} as the agents, as the scheme allows).
 */
public final class Pain001Payout {

    public static final String CONTENT_TYPE = "application/xml; charset=utf-8";

    private Pain001Payout() {
    }

    public static String fileName(Payout p) {
        return p.id() + ".pain001.xml";
    }

    public static String write(Payout p) {
        var created = p.createdAt().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
        var amount = Amounts.decimal(p.amount(), p.currency());
        PartyIdentification135 gateway = new PartyIdentification135().setNm("Tillpoint");
        CreditTransferTransaction34 transfer = new CreditTransferTransaction34()
                .setPmtId(new PaymentIdentification6().setInstrId(p.id()).setEndToEndId(p.settlementId()))
                .setAmt(new AmountType4Choice().setInstdAmt(new ActiveOrHistoricCurrencyAndAmount().setValue(amount)
                        .setCcy(p.currency())))
                .setCdtrAgt(agent())
                .setCdtr(new PartyIdentification135().setNm(p.merchantId()))
                .setCdtrAcct(account(p.merchantId(), p.currency()))
                .setRmtInf(new RemittanceInformation16().addUstrd("Tillpoint settlement " + p.settlementId()));
        PaymentInstruction30 instruction = new PaymentInstruction30()
                .setPmtInfId(p.id())
                .setPmtMtd(PaymentMethod3Code.TRF)
                .setNbOfTxs("1")
                .setCtrlSum(amount)
                .setReqdExctnDt(new DateAndDateTime2Choice().setDt(created.toLocalDate()))
                .setDbtr(gateway)
                .setDbtrAcct(account("TILLPOINT-SETTLEMENT", p.currency()))
                .setDbtrAgt(agent())
                .addCdtTrfTxInf(transfer);
        MxPain00100109 mx = new MxPain00100109().setCstmrCdtTrfInitn(new CustomerCreditTransferInitiationV09()
                .setGrpHdr(new GroupHeader85().setMsgId(p.id()).setCreDtTm(created).setNbOfTxs("1").setCtrlSum(amount)
                        .setInitgPty(gateway))
                .addPmtInf(instruction));
        return mx.message();
    }

    /** Parses a credit transfer initiation this class wrote (or any pain.001.001.09). */
    public static MxPain00100109 parse(String xml) {
        MxPain00100109 mx = MxPain00100109.parse(xml);
        if (mx == null || mx.getCstmrCdtTrfInitn() == null) {
            throw new IllegalArgumentException("not a pain.001.001.09 credit transfer initiation");
        }
        return mx;
    }

    private static CashAccount38 account(String id, String currency) {
        return new CashAccount38().setCcy(currency).setId(new AccountIdentification4Choice()
                .setOthr(new GenericAccountIdentification1().setId(id)));
    }

    private static BranchAndFinancialInstitutionIdentification6 agent() {
        return new BranchAndFinancialInstitutionIdentification6().setFinInstnId(new FinancialInstitutionIdentification18()
                .setOthr(new GenericFinancialIdentification1().setId("NOTPROVIDED")));
    }
}
