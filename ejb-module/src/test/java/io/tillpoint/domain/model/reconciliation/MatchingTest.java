package io.tillpoint.domain.model.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our transactions against the acquirer's: each kind of mismatch found, and nothing where both agree. */
class MatchingTest {

    static ClearedTransaction t(String id, String ref, String type, long amount, String currency) {
        return new ClearedTransaction(id, "mer_1", ref, null, type, amount, currency);
    }

    @Test
    void agreeing_sides_give_no_exception_whatever_the_order_and_ids() {
        List<ClearedTransaction> ours = List.of(t("j1", "A", "capture", 1000, "USD"), t("j2", "A", "refund", 300, "USD"),
                t("j3", "A", "refund", 200, "USD"), t("j4", "B", "capture", 5, "JPY"));
        List<ClearedTransaction> theirs = List.of(t("x4", "B", "capture", 5, "JPY"), t("x3", "A", "refund", 200, "USD"),
                t("x1", "A", "capture", 1000, "USD"), t("x2", "A", "refund", 300, "USD"));

        assertThat(Matching.match(ours, theirs)).isEmpty();
    }

    @Test
    void every_kind_of_mismatch_is_found_once() {
        List<ClearedTransaction> ours = new ArrayList<>(List.of(t("j1", "A", "capture", 1000, "USD"),
                t("j2", "B", "capture", 2000, "USD"), t("j3", "C", "capture", 3000, "BHD"),
                t("j4", "D", "capture", 4000, "JPY"), t("j5", "E", "refund", 500, "USD")));
        List<ClearedTransaction> theirs = List.of(t("x1", "A", "capture", 1001, "USD"), t("x3", "C", "capture", 3000, "KWD"),
                t("x4", "D", "capture", 4000, "JPY"), t("x4", "D", "capture", 4000, "JPY"),
                t("x5", "E", "refund", 500, "USD"), t("x9", "Z", "capture", 77, "USD"));

        List<Mismatch> found = Matching.match(ours, theirs);

        assertThat(found).extracting(Mismatch::kind, Mismatch::acquirerReference, Mismatch::type).containsExactlyInAnyOrder(
                tuple(ExceptionKind.DUPLICATE, "D", "capture"),
                tuple(ExceptionKind.AMOUNT_MISMATCH, "A", "capture"),
                tuple(ExceptionKind.MISSING_THEIRS, "B", "capture"),
                tuple(ExceptionKind.CURRENCY_MISMATCH, "C", "capture"),
                tuple(ExceptionKind.MISSING_OURS, "Z", "capture"));
    }

    @Test
    void of_two_refunds_of_one_payment_only_the_one_that_differs_is_a_mismatch() {
        List<Mismatch> found = Matching.match(
                List.of(t("j1", "A", "refund", 300, "USD"), t("j2", "A", "refund", 200, "USD")),
                List.of(t("x1", "A", "refund", 200, "USD"), t("x2", "A", "refund", 301, "USD")));

        assertThat(found).hasSize(1);
        assertThat(found.get(0).kind()).isEqualTo(ExceptionKind.AMOUNT_MISMATCH);
        assertThat(found.get(0).ours().amount()).isEqualTo(300);
        assertThat(found.get(0).theirs().amount()).isEqualTo(301);
    }

    @Test
    void a_clearing_file_parses_to_minor_units_and_refuses_a_trailer_that_does_not_count_its_rows() {
        String file = ClearingFile.HEADER + "\n"
                + ClearingFile.row("2026-11-25", t("op1", "A", "capture", 1999, "BHD"), "2026-11-25T10:00:00Z") + "\n"
                + ClearingFile.row("2026-11-25", t("op2", "B", "refund", 5, "JPY"), "2026-11-25T10:00:01Z") + "\n"
                + ClearingFile.trailer("2026-11-25", 2) + "\n";

        assertThat(ClearingFile.parse(file)).extracting(ClearedTransaction::transactionId, ClearedTransaction::amount,
                ClearedTransaction::currency, ClearedTransaction::type).containsExactly(
                tuple("op1", 1999L, "BHD", "capture"), tuple("op2", 5L, "JPY", "refund"));
        assertThat(file).contains(",1.999,BHD,");
        assertThatThrownBy(() -> ClearingFile.parse(file.replace("T,2026-11-25,,,2", "T,2026-11-25,,,3")))
                .hasMessageContaining("trailer");
        assertThatThrownBy(() -> ClearingFile.parse("nonsense\n")).hasMessageContaining("not a clearing file");
    }
}
