package io.tillpoint.domain.model.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillpoint.domain.shared.InvalidStateException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefundApprovalTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private static RefundApproval asked() {
        return RefundApproval.request("pay_1", "mer_1", 80_000, "USD", "damaged goods", "alice", NOW);
    }

    @Test
    void a_refund_above_the_amount_needs_a_second_person_and_one_at_it_does_not() {
        assertThat(RefundApproval.needed(50_001, 50_000)).isTrue();
        assertThat(RefundApproval.needed(50_000, 50_000)).isFalse();
        assertThat(RefundApproval.needed(1, 50_000)).isFalse();
    }

    @Test
    void nobody_approves_or_rejects_their_own_request() {
        assertThatThrownBy(() -> asked().approve("alice", "ref_1", NOW)).isInstanceOf(FourEyesException.class);
        assertThatThrownBy(() -> asked().reject("alice", "no", NOW)).isInstanceOf(FourEyesException.class);
    }

    @Test
    void another_person_approves_once_and_the_decision_moves_the_version() {
        RefundApproval approved = asked().approve("bob", "ref_1", NOW.plusSeconds(60));
        assertThat(approved.status()).isEqualTo(RefundApproval.Status.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("bob");
        assertThat(approved.refundId()).isEqualTo("ref_1");
        assertThat(approved.version()).isEqualTo(1);
        assertThatThrownBy(() -> approved.approve("carol", "ref_2", NOW)).isInstanceOf(InvalidStateException.class);
        assertThatThrownBy(() -> approved.reject("carol", "late", NOW)).isInstanceOf(InvalidStateException.class);
    }

    @Test
    void a_rejection_keeps_its_reason_and_makes_no_refund() {
        RefundApproval rejected = asked().reject("bob", "not our customer", NOW);
        assertThat(rejected.status()).isEqualTo(RefundApproval.Status.REJECTED);
        assertThat(rejected.decisionReason()).isEqualTo("not our customer");
        assertThat(rejected.refundId()).isNull();
    }
}
