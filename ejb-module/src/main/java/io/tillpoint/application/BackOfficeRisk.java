package io.tillpoint.application;

import io.tillpoint.domain.model.console.ConsoleAction;
import io.tillpoint.domain.model.console.ConsoleCaller;
import io.tillpoint.domain.model.merchant.Reason;
import io.tillpoint.domain.model.risk.BlocklistEntry;
import io.tillpoint.domain.model.risk.BlocklistKind;
import io.tillpoint.domain.model.risk.Freeze;
import io.tillpoint.domain.model.risk.Freezes;
import io.tillpoint.domain.model.risk.RiskRule;
import io.tillpoint.domain.model.event.DeadLetter;
import io.tillpoint.domain.model.idempotency.StoredResponse;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;

/**
 * Risk control in the back office: the review queue, rules, blocklists, freezes and dead letters,
 * through the same services as the API's risk and dead-letter endpoints (which write the same
 * audit entries), after the console role's check.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BackOfficeRisk {

    @EJB
    RiskReviewService reviews;

    @EJB
    RiskAdministration administration;

    @EJB
    DeadLetterAdministration deadLetters;

    public List<RiskReviewService.OpenReview> openReviews(ConsoleCaller caller, int limit) {
        caller.require(ConsoleAction.VIEW_PAYMENTS);
        return reviews.open(null, limit);
    }

    public StoredResponse approveReview(ConsoleCaller caller, String paymentId, String reason) {
        caller.require(ConsoleAction.REVIEW_PAYMENTS);
        return reviews.approve(paymentId, Reason.of(reason), caller.audit(), null);
    }

    public StoredResponse rejectReview(ConsoleCaller caller, String paymentId, String reason) {
        caller.require(ConsoleAction.REVIEW_PAYMENTS);
        return reviews.reject(paymentId, Reason.of(reason), caller.audit(), null);
    }

    public List<RiskRule> rules(ConsoleCaller caller) {
        caller.require(ConsoleAction.VIEW_PAYMENTS);
        return administration.rules();
    }

    public RiskRule saveRule(ConsoleCaller caller, RuleChange change) {
        caller.require(ConsoleAction.MANAGE_RISK);
        return administration.saveRule(change, caller.audit(), null, unkeyed -> null);
    }

    /**
     * A rule as the console's editor sends it: the condition as the API's JSON
     * ({@code {"kind": ..., ...}}), the action by its name, the freeze in minutes (null: none).
     */
    public RiskRule saveRule(ConsoleCaller caller, String ruleId, Integer expectedVersion, String name, boolean enabled,
            int order, String conditionJson, int score, String action, Integer freezeMinutes) {
        caller.require(ConsoleAction.MANAGE_RISK);
        jakarta.json.JsonObject condition;
        try (jakarta.json.JsonReader r = jakarta.json.Json.createReader(new java.io.StringReader(
                conditionJson == null ? "" : conditionJson))) {
            condition = r.readObject();
        } catch (jakarta.json.JsonException | IllegalStateException e) {
            throw new io.tillpoint.domain.shared.InvalidInputException("condition", "must be a JSON object");
        }
        return saveRule(caller, new RuleChange(ruleId, expectedVersion, name, enabled, order,
                io.tillpoint.infrastructure.json.RiskJson.condition(condition), score,
                io.tillpoint.domain.model.risk.RiskAction.ofWire(action, "action"),
                freezeMinutes == null ? null : java.time.Duration.ofMinutes(freezeMinutes)));
    }

    /** The condition of a rule as the editor shows it (the API's JSON). */
    public String conditionText(RiskRule rule) {
        return io.tillpoint.infrastructure.json.RiskJson.condition(rule.condition()).toString();
    }

    public List<BlocklistEntry> blocklist(ConsoleCaller caller, BlocklistKind kind, int limit) {
        caller.require(ConsoleAction.VIEW_PAYMENTS);
        return administration.blocklist(kind, null, limit);
    }

    public BlocklistEntry block(ConsoleCaller caller, BlocklistKind kind, String value, String merchantId, String reason) {
        caller.require(ConsoleAction.MANAGE_RISK);
        return administration.block(kind, value, null, merchantId, Reason.of(reason), caller.audit(), null, unkeyed -> null);
    }

    public BlocklistEntry unblock(ConsoleCaller caller, String entryId, String reason) {
        caller.require(ConsoleAction.MANAGE_RISK);
        return administration.unblock(entryId, Reason.of(reason), caller.audit());
    }

    public List<Freeze> freezes(ConsoleCaller caller, Freezes.Listed which, int limit) {
        caller.require(ConsoleAction.VIEW_PAYMENTS);
        return administration.freezes(which, null, limit);
    }

    public Freeze lift(ConsoleCaller caller, String freezeId, String reason) {
        caller.require(ConsoleAction.MANAGE_RISK);
        return administration.lift(freezeId, Reason.of(reason), caller.audit(), null, unkeyed -> null);
    }

    public List<DeadLetter> deadLetters(ConsoleCaller caller, boolean includeReplayed, int limit) {
        caller.require(ConsoleAction.REPLAY_DEAD_LETTERS);
        return deadLetters.list(null, includeReplayed, limit);
    }

    public DeadLetter replay(ConsoleCaller caller, String deadLetterId) {
        caller.require(ConsoleAction.REPLAY_DEAD_LETTERS);
        return deadLetters.replay(deadLetterId, caller.audit(), null, unkeyed -> null);
    }
}
