package org.takedown.hosting.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.panache.common.Sort;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.takedown.common.audit.AuditTrail;
import org.takedown.common.event.NoticeIssued;
import org.takedown.common.outbox.EventPublisher;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.time.TakedownClock;
import org.takedown.hosting.repository.AbuseCase;
import org.takedown.hosting.repository.AbuseReport;
import org.takedown.hosting.repository.CaseState;
import org.takedown.hosting.repository.Customer;
import org.takedown.hosting.repository.Evidence;
import org.takedown.hosting.repository.Notice;
import org.takedown.hosting.repository.NoticeState;
import org.takedown.hosting.repository.Priority;
import org.takedown.hosting.rest.Requests.NewNotice;

/** Notices with cure deadlines, the customer's remediation, and the sweep that escalates what was not cured. */
@ApplicationScoped
public class NoticeService {

    /** A notice lists at most this many of the case's reports as its evidence, newest first. */
    static final int MAX_EVIDENCE = 200;

    @Inject
    CaseService cases;

    @Inject
    PolicyCatalog policies;

    @Inject
    EventPublisher publisher;

    @Inject
    AuditTrail audit;

    @Inject
    TakedownClock clock;

    @Transactional
    public Notice issue(Long caseId, NewNotice request, String actor) {
        AbuseCase abuseCase = cases.get(caseId);
        List<PolicyCatalog.Clause> clauses = policies.resolve("clauseIds", request.clauseIds());
        Instant now = clock.now();
        Instant deadline = deadline(request, clauses, now);
        cases.transition(abuseCase, CaseState.NOTICE_SENT, actor, "notice issued, cure by " + deadline);
        Notice.<Notice>list("caseId = ?1 and state in ?2", caseId,
                List.of(NoticeState.OPEN, NoticeState.REMEDIATION_SUBMITTED)).forEach(earlier -> {
                    earlier.state = NoticeState.SUPERSEDED;
                    audit.record(actor, "notice.superseded", "notice", earlier.id, "by a newer notice on case " + caseId);
                });
        Notice notice = new Notice();
        notice.noticeId = UUID.randomUUID().toString();
        notice.caseId = caseId;
        notice.customerId = abuseCase.customerId;
        notice.category = abuseCase.policyArea;
        notice.clauseIds = List.copyOf(request.clauseIds());
        notice.facts = request.facts();
        notice.issuedBy = actor;
        notice.issuedAt = now;
        notice.cureDeadline = deadline;
        AbuseReport.<AbuseReport>find("caseId", Sort.descending("observedAt"), caseId).range(0, MAX_EVIDENCE - 1)
                .list().forEach(report -> notice.evidence.add(report.toEvidence()));
        notice.persist();
        Customer customer = Customer.findById(abuseCase.customerId);
        publisher.publish(new NoticeIssued(notice.noticeId, customer.party(), notice.category,
                clauses.stream().map(PolicyCatalog.Clause::toEvent).toList(), notice.facts,
                notice.evidence.stream().map(Evidence::toRef).toList(), deadline, actor, now));
        audit.record(actor, "notice.issued", "notice", notice.id, "case=" + caseId + "; clauses=" + notice.clauseIds
                + "; evidence=" + notice.evidence.size() + "; cureDeadline=" + deadline);
        return notice;
    }

    /** An explicit deadline, else the requested hours, else the shortest cure period among the clauses. */
    private static Instant deadline(NewNotice request, List<PolicyCatalog.Clause> clauses, Instant now) {
        if (request.cureDeadline() != null) {
            if (!request.cureDeadline().isAfter(now)) {
                throw ProblemException.invalid("cureDeadline", "lies in the past");
            }
            return request.cureDeadline();
        }
        int hours = request.cureHours() != null ? request.cureHours()
                : clauses.stream().mapToInt(PolicyCatalog.Clause::cureHours).min().orElseThrow();
        return now.plus(Duration.ofHours(hours));
    }

    public Notice get(Long id) {
        return Notice.<Notice>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Notice", id));
    }

    @Transactional
    public Notice remediate(Long id, String description, String actor) {
        Notice notice = get(id);
        if (notice.state != NoticeState.OPEN && notice.state != NoticeState.EXPIRED) {
            throw ProblemException.conflict("Notice " + id + " is " + notice.state + "; it takes no remediation now");
        }
        notice.state = NoticeState.REMEDIATION_SUBMITTED;
        notice.remediation = description;
        notice.remediatedAt = clock.now();
        audit.record(actor, "notice.remediation-submitted", "notice", id, description);
        return notice;
    }

    @Transactional
    public Notice markCured(Long id, String note, String actor) {
        Notice notice = get(id);
        if (!notice.state.isPending() && notice.state != NoticeState.EXPIRED) {
            throw ProblemException.conflict("Notice " + id + " is " + notice.state + " and cannot be marked cured");
        }
        AbuseCase abuseCase = cases.get(notice.caseId);
        cases.transition(abuseCase, CaseState.CURED, actor, "notice " + id + " cured" + (note == null ? "" : ": " + note));
        notice.state = NoticeState.CURED;
        notice.resolvedBy = actor;
        notice.resolvedAt = clock.now();
        notice.resolution = note;
        audit.record(actor, "notice.cured", "notice", id, note);
        return notice;
    }

    /**
     * Expires every pending notice whose deadline passed. If violating content kept arriving after the notice, the
     * case escalates on its own and the audit log says why; otherwise it waits for a reviewer.
     */
    @Transactional
    public int expireDue(Instant now) {
        List<Notice> due = Notice.pendingDueBy(now);
        for (Notice notice : due) {
            notice.state = NoticeState.EXPIRED;
            notice.resolvedBy = AuditTrail.SYSTEM;
            notice.resolvedAt = now;
            long since = TrendService.observedSince(notice.caseId, notice.issuedAt);
            AbuseCase abuseCase = AbuseCase.findById(notice.caseId);
            if (since > 0 && abuseCase.state == CaseState.NOTICE_SENT) {
                notice.resolution = since + " violating item(s) observed after the notice";
                cases.transition(abuseCase, CaseState.ESCALATED, AuditTrail.SYSTEM, "cure deadline "
                        + notice.cureDeadline + " of notice " + notice.id + " passed and " + since
                        + " violating item(s) were observed after the notice was issued at " + notice.issuedAt);
                abuseCase.priority = abuseCase.priority.atLeast(Priority.HIGH);
            } else {
                notice.resolution = since == 0 ? "no violating item observed after the notice" : notice.resolution;
            }
            audit.record(AuditTrail.SYSTEM, "notice.expired", "notice", notice.id, "cure deadline "
                    + notice.cureDeadline + " passed; " + since + " violating item(s) observed since the notice");
        }
        return due.size();
    }

    public List<Notice> ofCustomer(Long customerId) {
        return Notice.list("customerId", Sort.by("id"), customerId);
    }

    public List<Notice> ofCase(Long caseId) {
        return Notice.list("caseId", Sort.by("id"), caseId);
    }
}
