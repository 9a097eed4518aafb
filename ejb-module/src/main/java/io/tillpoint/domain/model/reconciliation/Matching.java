package io.tillpoint.domain.model.reconciliation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches the acquirer's transactions with ours. A row whose transaction id the file already had is a
 * duplicate (and matched no further). The rest are grouped by acquirer reference and type (one
 * payment can have several refunds): within a group, transactions of equal amount and currency match;
 * what is left pairs up in order as a currency mismatch (currencies differ) or an amount mismatch; a
 * transaction left without a partner is missing on the other side.
 */
public final class Matching {

    private Matching() {
    }

    public static List<Mismatch> match(List<ClearedTransaction> ours, List<ClearedTransaction> theirs) {
        List<Mismatch> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, List<ClearedTransaction>> theirsByKey = new LinkedHashMap<>();
        for (ClearedTransaction t : theirs) {
            if (!seen.add(t.transactionId())) {
                found.add(new Mismatch(ExceptionKind.DUPLICATE, null, t));
                continue;
            }
            theirsByKey.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(t);
        }
        Map<String, List<ClearedTransaction>> oursByKey = new LinkedHashMap<>();
        for (ClearedTransaction o : ours) {
            oursByKey.computeIfAbsent(o.key(), k -> new ArrayList<>()).add(o);
        }
        Set<String> keys = new java.util.LinkedHashSet<>(oursByKey.keySet());
        keys.addAll(theirsByKey.keySet());
        Comparator<ClearedTransaction> order = Comparator.comparingLong(ClearedTransaction::amount)
                .thenComparing(ClearedTransaction::transactionId);
        for (String key : keys) {
            List<ClearedTransaction> o = new ArrayList<>(oursByKey.getOrDefault(key, List.of()));
            List<ClearedTransaction> t = new ArrayList<>(theirsByKey.getOrDefault(key, List.of()));
            o.sort(order);
            t.sort(order);
            for (var it = o.iterator(); it.hasNext();) {
                ClearedTransaction mine = it.next();
                ClearedTransaction same = t.stream().filter(x -> x.amount() == mine.amount()
                        && x.currency().equals(mine.currency())).findFirst().orElse(null);
                if (same != null) {
                    t.remove(same);
                    it.remove();
                }
            }
            int pairs = Math.min(o.size(), t.size());
            for (int i = 0; i < pairs; i++) {
                ExceptionKind kind = o.get(i).currency().equals(t.get(i).currency()) ? ExceptionKind.AMOUNT_MISMATCH
                        : ExceptionKind.CURRENCY_MISMATCH;
                found.add(new Mismatch(kind, o.get(i), t.get(i)));
            }
            o.subList(0, pairs).clear();
            t.subList(0, pairs).clear();
            o.forEach(x -> found.add(new Mismatch(ExceptionKind.MISSING_THEIRS, x, null)));
            t.forEach(x -> found.add(new Mismatch(ExceptionKind.MISSING_OURS, null, x)));
        }
        return found;
    }
}
