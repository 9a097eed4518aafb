package io.tillpoint.interfaces.console;

import io.tillpoint.application.BackOfficeRisk;
import io.tillpoint.domain.model.event.DeadLetter;
import io.tillpoint.domain.model.risk.BlocklistEntry;
import io.tillpoint.domain.model.risk.BlocklistKind;
import io.tillpoint.domain.model.risk.Freeze;
import io.tillpoint.domain.model.risk.Freezes;
import io.tillpoint.domain.model.risk.RiskRule;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Risk control: the rules editor, the blocklists, the freezes (lift with a reason) and the dead letters (replay). */
@Named("risk")
@ViewScoped
public class RiskBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    BackOfficeRisk risk;

    @Inject
    ConsoleSession console;

    @Inject
    Feedback feedback;

    // the rule being edited (ruleId null: a new one)
    private String ruleId;
    private Integer ruleVersion;
    private String ruleName;
    private boolean ruleEnabled = true;
    private int ruleOrder = 100;
    private String ruleCondition = "{\"kind\":\"amount_above\",\"limits\":{\"USD\":1000000}}";
    private int ruleScore = 50;
    private String ruleAction = "review";
    private Integer ruleFreezeMinutes;

    private String blockKind = "email";
    private String blockValue;
    private String blockMerchant;
    private String reason;

    public List<RiskRule> getRules() {
        return risk.rules(console.caller());
    }

    public String condition(RiskRule rule) {
        return risk.conditionText(rule);
    }

    public void edit(RiskRule rule) {
        ruleId = rule.id();
        ruleVersion = rule.version();
        ruleName = rule.name();
        ruleEnabled = rule.enabled();
        ruleOrder = rule.order();
        ruleCondition = risk.conditionText(rule);
        ruleScore = rule.score();
        ruleAction = rule.action().wire();
        ruleFreezeMinutes = rule.freezeFor() == null ? null : (int) rule.freezeFor().toMinutes();
    }

    public void newRule() {
        ruleId = null;
        ruleVersion = null;
        ruleName = null;
    }

    public void saveRule() {
        RiskRule saved = feedback.attempt(() -> risk.saveRule(console.caller(), ruleId, ruleVersion, ruleName, ruleEnabled,
                ruleOrder, ruleCondition, ruleScore, ruleAction, ruleFreezeMinutes));
        if (saved != null) {
            edit(saved);
            feedback.info("risk.rule_saved", saved.name(), saved.version());
        }
    }

    public List<BlocklistEntry> getBlocklist() {
        List<BlocklistEntry> all = new ArrayList<>();
        for (BlocklistKind k : BlocklistKind.values()) {
            all.addAll(risk.blocklist(console.caller(), k, 50).stream().filter(BlocklistEntry::active).toList());
        }
        return all;
    }

    public List<String> getBlockKinds() {
        return Arrays.stream(BlocklistKind.values()).filter(k -> k != BlocklistKind.CARD).map(BlocklistKind::wire).toList();
    }

    public void block() {
        BlocklistKind kind = Arrays.stream(BlocklistKind.values()).filter(k -> k.wire().equals(blockKind)).findFirst()
                .orElse(BlocklistKind.EMAIL);
        if (feedback.attempt(() -> risk.block(console.caller(), kind, blockValue,
                blockMerchant == null || blockMerchant.isBlank() ? null : blockMerchant.strip(), reason)) != null) {
            feedback.info("risk.blocked");
            blockValue = null;
            reason = null;
        }
    }

    public void unblock(String entryId) {
        if (feedback.attempt(() -> risk.unblock(console.caller(), entryId, reason)) != null) {
            feedback.info("risk.unblocked");
            reason = null;
        }
    }

    public List<Freeze> getFreezes() {
        return risk.freezes(console.caller(), Freezes.Listed.ACTIVE, 100);
    }

    public String freezeStatus(Freeze f) {
        return f.status(Instant.now());
    }

    public void lift(String freezeId) {
        if (feedback.attempt(() -> risk.lift(console.caller(), freezeId, reason)) != null) {
            feedback.info("risk.lifted");
            reason = null;
        }
    }

    public List<DeadLetter> getDeadLetters() {
        if (!console.may("REPLAY_DEAD_LETTERS")) {
            return List.of();
        }
        return risk.deadLetters(console.caller(), false, 100);
    }

    public void replay(String id) {
        if (feedback.attempt(() -> risk.replay(console.caller(), id)) != null) {
            feedback.info("risk.replayed", id);
        }
    }

    public String getRuleId() {
        return ruleId;
    }

    public String getRuleName() {
        return ruleName;
    }

    public void setRuleName(String ruleName) {
        this.ruleName = ruleName;
    }

    public boolean isRuleEnabled() {
        return ruleEnabled;
    }

    public void setRuleEnabled(boolean ruleEnabled) {
        this.ruleEnabled = ruleEnabled;
    }

    public int getRuleOrder() {
        return ruleOrder;
    }

    public void setRuleOrder(int ruleOrder) {
        this.ruleOrder = ruleOrder;
    }

    public String getRuleCondition() {
        return ruleCondition;
    }

    public void setRuleCondition(String ruleCondition) {
        this.ruleCondition = ruleCondition;
    }

    public int getRuleScore() {
        return ruleScore;
    }

    public void setRuleScore(int ruleScore) {
        this.ruleScore = ruleScore;
    }

    public String getRuleAction() {
        return ruleAction;
    }

    public void setRuleAction(String ruleAction) {
        this.ruleAction = ruleAction;
    }

    public Integer getRuleFreezeMinutes() {
        return ruleFreezeMinutes;
    }

    public void setRuleFreezeMinutes(Integer ruleFreezeMinutes) {
        this.ruleFreezeMinutes = ruleFreezeMinutes;
    }

    public String getBlockKind() {
        return blockKind;
    }

    public void setBlockKind(String blockKind) {
        this.blockKind = blockKind;
    }

    public String getBlockValue() {
        return blockValue;
    }

    public void setBlockValue(String blockValue) {
        this.blockValue = blockValue;
    }

    public String getBlockMerchant() {
        return blockMerchant;
    }

    public void setBlockMerchant(String blockMerchant) {
        this.blockMerchant = blockMerchant;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
