package io.tillpoint.batch.file;

import io.tillpoint.domain.model.settlement.Payout;
import io.tillpoint.domain.model.settlement.Settlement;
import io.tillpoint.domain.model.settlement.SettlementItem;
import java.util.List;
import java.util.Optional;

/** What a settlement's files are made of: the settlement, its transactions in journal order, its payout. */
public record SettlementStatement(Settlement settlement, List<SettlementItem> items, Optional<Payout> payout) {

    public SettlementStatement {
        items = List.copyOf(items);
    }

    /** What the merchant was owed before the settlement (the statement's opening balance). */
    public long opening() {
        return settlement.carriedIn() == null ? 0 : settlement.carriedIn();
    }

    /** Opening balance plus the settlement's net less its payout (the statement's closing balance). */
    public long closing() {
        return Math.subtractExact(Math.addExact(opening(), settlement.net()), payout.map(Payout::amount).orElse(0L));
    }
}
