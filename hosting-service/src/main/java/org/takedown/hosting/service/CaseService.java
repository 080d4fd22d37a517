package org.takedown.hosting.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.takedown.common.audit.AuditTrail;
import org.takedown.common.event.Category;
import org.takedown.common.rest.PageResponse;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.time.TakedownClock;
import org.takedown.hosting.repository.AbuseCase;
import org.takedown.hosting.repository.CaseState;
import org.takedown.hosting.repository.Priority;
import org.takedown.hosting.repository.ReporterType;
import org.takedown.hosting.rest.Requests.CaseUpdate;

/** Cases: one per customer and policy area, moved only along the allowed transitions of {@link CaseState}. */
@ApplicationScoped
public class CaseService {

    @Inject
    AuditTrail audit;

    @Inject
    TakedownClock clock;

    /** The live case a new report belongs to: found, reopened if it was cured, or opened. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AbuseCase caseForReport(Long customerId, Category area, ReporterType reporter, String actor) {
        AbuseCase found = AbuseCase.live(customerId, area).orElse(null);
        if (found == null) {
            // concurrent first reports about one customer and area must share one case, not fail on the unique index
            int opened = AbuseCase.getEntityManager().createNativeQuery("insert into abuse_case (customer_id, "
                    + "policy_area, state, priority, opened_at, updated_at, version) values (?1, ?2, 'OPEN', ?3, ?4, ?4, 0) "
                    + "on conflict (customer_id, policy_area) where state <> 'CLOSED' do nothing")
                    .setParameter(1, customerId).setParameter(2, area.name())
                    .setParameter(3, initialPriority(area).name()).setParameter(4, clock.now())
                    .executeUpdate();
            found = AbuseCase.live(customerId, area).orElseThrow();
            if (opened == 1) {
                audit.record(actor, "case.opened", "case", found.id, "customer=" + customerId + "; area=" + area);
            }
        } else if (found.state == CaseState.CURED) {
            transition(found, CaseState.OPEN, actor, "a new violation was reported after the case was cured");
        }
        if (reporter.raisesPriority() && found.priority.ordinal() < Priority.HIGH.ordinal()) {
            found.priority = Priority.HIGH;
            audit.record(actor, "case.priority-raised", "case", found.id, "priority=HIGH; reporter=" + reporter);
        }
        return found;
    }

    private static Priority initialPriority(Category area) {
        return area == Category.CHILD_SEXUAL_ABUSE_MATERIAL ? Priority.URGENT : Priority.NORMAL;
    }

    /** Moves a case, refusing with 409 a move the state machine does not allow. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void transition(AbuseCase abuseCase, CaseState next, String actor, String why) {
        if (!abuseCase.state.mayMoveTo(next)) {
            throw ProblemException.conflict("Case " + abuseCase.id + " cannot move from " + abuseCase.state + " to "
                    + next);
        }
        CaseState previous = abuseCase.state;
        abuseCase.state = next;
        abuseCase.updatedAt = clock.now();
        audit.record(actor, "case." + next.name().toLowerCase().replace('_', '-'), "case", abuseCase.id,
                previous + " -> " + next + ": " + why);
    }

    public AbuseCase get(Long id) {
        return AbuseCase.<AbuseCase>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Case", id));
    }

    /** Refuses with 409 when a reviewer worked from a stale copy of the case. */
    public static void requireVersion(AbuseCase abuseCase, Long expected) {
        if (expected != null && expected != abuseCase.version) {
            throw ProblemException.conflict("Case " + abuseCase.id + " is at version " + abuseCase.version
                    + ", not " + expected + "; someone else changed it first");
        }
    }

    @Transactional
    public AbuseCase update(Long id, CaseUpdate update, String actor) {
        AbuseCase abuseCase = get(id);
        requireVersion(abuseCase, update.version());
        List<String> changes = new ArrayList<>();
        if (update.priority() != null && update.priority() != abuseCase.priority) {
            changes.add("priority " + abuseCase.priority + " -> " + update.priority());
            abuseCase.priority = update.priority();
        }
        if (update.assignee() != null && !update.assignee().equals(abuseCase.assignee)) {
            changes.add("assignee " + abuseCase.assignee + " -> " + update.assignee());
            abuseCase.assignee = update.assignee().isBlank() ? null : update.assignee();
        }
        if (!changes.isEmpty()) {
            abuseCase.updatedAt = clock.now();
            audit.record(actor, "case.updated", "case", id, String.join("; ", changes));
        }
        return abuseCase;
    }

    @Transactional
    public AbuseCase escalate(Long id, String reason, String actor) {
        AbuseCase abuseCase = get(id);
        transition(abuseCase, CaseState.ESCALATED, actor, reason);
        abuseCase.priority = abuseCase.priority.atLeast(Priority.HIGH);
        return abuseCase;
    }

    @Transactional
    public AbuseCase close(Long id, String reason, String actor) {
        AbuseCase abuseCase = get(id);
        transition(abuseCase, CaseState.CLOSED, actor, reason);
        return abuseCase;
    }

    public PageResponse<AbuseCase> list(Long customerId, CaseState state, Priority priority, String assignee,
            int page, int size) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (customerId != null) {
            clauses.add("customerId = :customerId");
            params.put("customerId", customerId);
        }
        if (state != null) {
            clauses.add("state = :state");
            params.put("state", state);
        }
        if (priority != null) {
            clauses.add("priority = :priority");
            params.put("priority", priority);
        }
        if (assignee != null && !assignee.isBlank()) {
            clauses.add("assignee = :assignee");
            params.put("assignee", assignee);
        }
        Sort sort = Sort.by("id");
        var query = clauses.isEmpty() ? AbuseCase.<AbuseCase>findAll(sort)
                : AbuseCase.<AbuseCase>find(String.join(" and ", clauses), sort, params);
        return new PageResponse<>(query.page(Page.of(page, size)).list(), page, size, query.count());
    }
}
