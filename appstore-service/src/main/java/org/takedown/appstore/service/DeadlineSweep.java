package org.takedown.appstore.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.takedown.appstore.repository.ReviewCase;
import org.takedown.common.audit.AuditTrail;
import org.takedown.common.time.TakedownClock;

/**
 * Flags cases whose SLA or remediation deadline passed. It escalates (flag, urgent priority, audit); it never decides,
 * because a decision about a listing is a reviewer's.
 */
@ApplicationScoped
public class DeadlineSweep {

    @Inject
    TakedownClock clock;

    @Inject
    AuditTrail audit;

    /** Returns how many cases it escalated. */
    @Transactional
    public int sweep() {
        Instant now = clock.now();
        int escalated = 0;
        for (ReviewCase review : ReviewCase.overdue(now)) {
            if (review.state == ReviewCase.State.OPEN && !review.slaBreached && !review.slaDeadline.isAfter(now)) {
                review.slaBreached = true;
                escalate(review, now, "review.sla-breached", "no decision by the SLA deadline " + review.slaDeadline);
            } else if (review.state == ReviewCase.State.REMEDIATION_REQUESTED && !review.remediationExpired) {
                review.remediationExpired = true;
                escalate(review, now, "review.remediation-expired", "the developer did not answer by "
                        + review.remediationDeadline + "; a reviewer must decide");
            }
            escalated++;
        }
        return escalated;
    }

    private void escalate(ReviewCase review, Instant now, String action, String why) {
        review.escalated = true;
        if (review.escalatedAt == null) {
            review.escalatedAt = now;
        }
        review.priority = ReviewCase.Priority.URGENT;
        audit.record(AuditTrail.SYSTEM, action, "review_case", review.id, why + "; escalated to URGENT");
    }
}
