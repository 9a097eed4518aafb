package io.tillpoint.interfaces.console;

import io.tillpoint.application.BackOfficeAudit;
import io.tillpoint.domain.model.audit.AuditAction;
import io.tillpoint.domain.model.audit.AuditEntry;
import io.tillpoint.domain.model.audit.AuditQuery;
import io.tillpoint.domain.model.audit.AuditSnapshot;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The audit log, read-only: by actor, action and day range, newest first, 50 at a time. */
@Named("audit")
@ViewScoped
public class AuditBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int PAGE = 50;

    @EJB
    BackOfficeAudit audit;

    @Inject
    ConsoleSession console;

    @Inject
    Feedback feedback;

    private String actor;
    private String action;
    private LocalDate from;
    private LocalDate to;
    private transient List<AuditEntry> entries;
    private boolean more;

    public void search() {
        entries = null;
        load(null);
    }

    public void older() {
        if (entries != null && !entries.isEmpty()) {
            load(entries.get(entries.size() - 1));
        }
    }

    private void load(AuditEntry after) {
        List<AuditEntry> page = feedback.attempt(() -> audit.list(console.caller(), new AuditQuery(
                actor == null || actor.isBlank() ? null : actor.strip(),
                action == null || action.isBlank() ? null : AuditAction.parse(action.strip(), "action"),
                from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), after, PAGE)));
        if (page == null) {
            return;
        }
        more = page.size() > PAGE;
        List<AuditEntry> shown = new ArrayList<>(after == null || entries == null ? List.of() : entries);
        shown.addAll(more ? page.subList(0, PAGE) : page);
        entries = shown;
    }

    public List<AuditEntry> getEntries() {
        if (entries == null) {
            load(null);
        }
        return entries == null ? List.of() : entries;
    }

    public String snapshot(AuditSnapshot s) {
        return s == null ? "" : s.values().toString();
    }

    public boolean isMore() {
        return more;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
