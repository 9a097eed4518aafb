package io.tillpoint.domain.model.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillpoint.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class ConsoleRoleTest {

    private static ConsoleCaller as(ConsoleRole role) {
        return new ConsoleCaller("someone", role, "10.0.0.1", "req-1");
    }

    @Test
    void support_sees_payments_and_redelivers_webhooks_but_moves_no_money() {
        ConsoleRole support = ConsoleRole.SUPPORT;
        assertThat(support.may(ConsoleAction.VIEW_PAYMENTS)).isTrue();
        assertThat(support.may(ConsoleAction.REDELIVER_WEBHOOKS)).isTrue();
        for (ConsoleAction money : new ConsoleAction[] {ConsoleAction.CAPTURE, ConsoleAction.VOID, ConsoleAction.REFUND,
                ConsoleAction.APPROVE_REFUND}) {
            assertThat(support.may(money)).as(money.name()).isFalse();
        }
        assertThatThrownBy(() -> as(support).require(ConsoleAction.REFUND)).isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("support may not refund");
    }

    @Test
    void only_admins_manage_users_and_admins_may_do_everything() {
        for (ConsoleRole r : ConsoleRole.values()) {
            assertThat(r.may(ConsoleAction.MANAGE_USERS)).as(r.wire()).isEqualTo(r == ConsoleRole.ADMIN);
        }
        for (ConsoleAction a : ConsoleAction.values()) {
            assertThat(ConsoleRole.ADMIN.may(a)).as(a.name()).isTrue();
        }
    }

    @Test
    void risk_analysts_decide_reviews_and_finance_refunds_but_not_the_other_way_round() {
        assertThat(ConsoleRole.RISK_ANALYST.may(ConsoleAction.REVIEW_PAYMENTS)).isTrue();
        assertThat(ConsoleRole.RISK_ANALYST.may(ConsoleAction.REFUND)).isFalse();
        assertThat(ConsoleRole.FINANCE.may(ConsoleAction.REFUND)).isTrue();
        assertThat(ConsoleRole.FINANCE.may(ConsoleAction.REVIEW_PAYMENTS)).isFalse();
        assertThat(ConsoleRole.OPERATOR.may(ConsoleAction.MANAGE_RISK)).isFalse();
    }

    @Test
    void roles_read_by_their_names_and_nothing_else() {
        assertThat(ConsoleRole.ofWire("risk_analyst")).isEqualTo(ConsoleRole.RISK_ANALYST);
        assertThatThrownBy(() -> ConsoleRole.ofWire("root")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ConsoleRole.ofWire(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_caller_acts_as_a_console_user_from_its_address() {
        var audit = as(ConsoleRole.FINANCE).audit();
        assertThat(audit.actor().type().wire()).isEqualTo("console_user");
        assertThat(audit.actor().id()).isEqualTo("someone");
        assertThat(audit.originIp()).isEqualTo("10.0.0.1");
    }
}
