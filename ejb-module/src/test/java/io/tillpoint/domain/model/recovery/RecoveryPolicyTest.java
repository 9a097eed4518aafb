package io.tillpoint.domain.model.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tillpoint.domain.model.acquiring.InquiryResult;
import io.tillpoint.domain.model.payment.DeclineCode;
import io.tillpoint.domain.model.recovery.RecoveryPolicy.Resolution;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Issue 16: what recovery does with an unknown outcome, and when it asks again. */
class RecoveryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private final RecoveryPolicy policy = new RecoveryPolicy(Duration.ofSeconds(30), Duration.ofSeconds(10),
            Duration.ofMinutes(10), 5, Duration.ofSeconds(40));

    @Nested
    class Decisions {

        @Test
        void anApprovalTheGatewayNeverHeardOfIsApprovedWithItsAuthorizationCode() {
            assertThat(policy.decide(new InquiryResult.Approved("123456", "sbx_ref", "US")))
                    .isEqualTo(new Resolution.Approve("123456", "sbx_ref", "US"));
        }

        @Test
        void aDeclineIsDeclinedWithTheAcquirersCode() {
            assertThat(policy.decide(new InquiryResult.Declined(DeclineCode.INSUFFICIENT_FUNDS, "GB")))
                    .isEqualTo(new Resolution.Decline(DeclineCode.INSUFFICIENT_FUNDS, "GB"));
        }

        @Test
        void noRecordIsAReversalFirstThenADeclineWithProcessingError() {
            assertThat(policy.decide(new InquiryResult.NoRecord()))
                    .isEqualTo(new Resolution.ReverseThenDecline(DeclineCode.PROCESSING_ERROR));
        }

        @Test
        void stillUnknownIsAskedAgainNeverGuessed() {
            assertThat(policy.decide(new InquiryResult.StillUnknown("acquirer busy")))
                    .isEqualTo(new Resolution.AskAgain("acquirer busy"));
        }
    }

    @Nested
    class Timing {

        @Test
        void anAttemptBecomesRecoveryWorkAfterTheDelay() {
            assertThat(policy.dueAfter(NOW)).isEqualTo(NOW.plusSeconds(30));
        }

        @Test
        void theWaitDoublesWithEveryTryUpToTheLongest() {
            assertThat(policy.nextTry(1, NOW)).isEqualTo(NOW.plusSeconds(10));
            assertThat(policy.nextTry(2, NOW)).isEqualTo(NOW.plusSeconds(20));
            assertThat(policy.nextTry(3, NOW)).isEqualTo(NOW.plusSeconds(40));
            assertThat(policy.nextTry(7, NOW)).isEqualTo(NOW.plusSeconds(600));
            assertThat(policy.nextTry(1_000, NOW)).isEqualTo(NOW.plusSeconds(600));
        }

        @Test
        void fromTheConfiguredNumberOfTriesOnAFollowUpIsOverdue() {
            assertThat(policy.overdue(4)).isFalse();
            assertThat(policy.overdue(5)).isTrue();
            assertThat(policy.overdue(6)).isTrue();
        }

        @Test
        void aPolicyThatCouldNeverAskAgainIsRefused() {
            assertThatThrownBy(() -> new RecoveryPolicy(Duration.ofSeconds(30), Duration.ZERO, Duration.ofMinutes(1), 5,
                    Duration.ofSeconds(40))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new RecoveryPolicy(Duration.ofSeconds(30), Duration.ofSeconds(10),
                    Duration.ofMinutes(1), 0, Duration.ofSeconds(40))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class FollowUps {

        @Test
        void anAuthorizationsFollowUpIsThePaymentsDueAfterTheDelayAndNamesItsKey() {
            FollowUp followUp = FollowUp.authorization("pay_1", "rec_1", NOW, policy.dueAfter(NOW));

            assertThat(followUp.id()).isEqualTo("pay_1");
            assertThat(followUp.dueAt()).isEqualTo(NOW.plusSeconds(30));
            assertThat(followUp.attempts()).isZero();
            assertThat(followUp.idempotencyRecordId()).isEqualTo("rec_1");
        }

        @Test
        void aReversalOwedForALateApprovalReleasesThatApprovalsAuthorization() {
            FollowUp reversal = FollowUp.reversal("pay_1", "sbx_late", NOW, NOW);

            assertThat(reversal.request(null).acquirerReference()).isEqualTo("sbx_late");
            assertThat(FollowUp.reversal("pay_1", null, NOW, NOW).request("sbx_own").acquirerReference())
                    .isEqualTo("sbx_own");
            assertThat(reversal.id()).startsWith("rev_");
        }

        @Test
        void anOperationKeepsItsIdOnEveryResendSoTheAcquirerDoesItOnce() {
            FollowUp refund = FollowUp.operation(FollowUpKind.REFUND, "pay_1", "re_1", null, null, NOW, NOW);

            assertThat(refund.request("sbx_ref").operationId()).isEqualTo(refund.id())
                    .isEqualTo(refund.request("sbx_ref").operationId());
            assertThat(refund.request("sbx_ref").kind().name()).isEqualTo("REFUND");
        }

        @Test
        void anAuthorizationIsInquiredAboutNotSentAgain() {
            FollowUp followUp = FollowUp.authorization("pay_1", null, NOW, NOW);

            assertThatThrownBy(() -> followUp.request("sbx_ref")).isInstanceOf(IllegalStateException.class);
        }
    }
}
