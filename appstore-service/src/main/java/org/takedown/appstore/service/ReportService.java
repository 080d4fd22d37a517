package org.takedown.appstore.service;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.takedown.appstore.repository.Listing;
import org.takedown.appstore.repository.Report;
import org.takedown.appstore.repository.ReviewCase;
import org.takedown.appstore.repository.ReviewCase.Priority;
import org.takedown.appstore.repository.ReviewCase.Trigger;
import org.takedown.appstore.rest.Requests.NewReport;
import org.takedown.common.audit.AuditTrail;
import org.takedown.common.event.Category;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.time.TakedownClock;

/** Reports about listings: de-duplicated per reporter and content, and gathered on one undecided case per listing. */
@ApplicationScoped
public class ReportService {

    private static final Set<Category> SEVERE = Set.of(Category.VIOLENCE_INCITEMENT,
            Category.CHILD_SEXUAL_ABUSE_MATERIAL, Category.ILLEGAL_SPEECH, Category.MALWARE);

    /** A report and whether it repeated an earlier one. */
    public record Filed(Report report, boolean duplicate) {
    }

    @Inject
    ReviewCases cases;

    @Inject
    TakedownClock clock;

    @Inject
    AuditTrail audit;

    @Transactional
    public Filed file(NewReport request, String reporter) {
        Listing listing = listingOf(request);
        var earlier = Report.duplicateOf(listing, reporter, request.contentUrl());
        if (earlier.isPresent()) {
            return new Filed(earlier.get(), true);
        }
        Report report = new Report();
        report.listing = listing;
        report.reporter = reporter;
        report.source = request.source() == null ? Report.Source.USER : request.source();
        report.category = request.category();
        report.contentUrl = request.contentUrl();
        report.excerpt = request.excerpt();
        report.evidenceSha256 = request.evidenceSha256();
        report.observedAt = request.observedAt();
        report.description = request.description();
        report.receivedAt = clock.now();
        report.reviewCase = caseFor(listing, report);
        report.persistAndFlush();
        audit.record(reporter, "report.received", "report", report.id, report.source + " " + report.category
                + " about listing " + listing.id + ": " + report.contentUrl + " -> review case " + report.reviewCase.id);
        return new Filed(report, false);
    }

    private static Listing listingOf(NewReport request) {
        if (request.listingId() != null) {
            return Listing.<Listing>findByIdOptional(request.listingId())
                    .orElseThrow(() -> ProblemException.invalid("listingId", "no listing " + request.listingId()));
        }
        if (request.bundleId() != null && !request.bundleId().isBlank()) {
            return Listing.byBundleId(request.bundleId())
                    .orElseThrow(() -> ProblemException.invalid("bundleId", "no listing " + request.bundleId()));
        }
        throw ProblemException.invalid("listingId", "name the listing by listingId or bundleId");
    }

    /** The listing's undecided report case, or a new one; severe reports raise its priority. */
    private ReviewCase caseFor(Listing listing, Report report) {
        Priority wanted = SEVERE.contains(report.category) ? Priority.HIGH : Priority.NORMAL;
        ReviewCase review = cases.undecided(listing, Trigger.REPORT).stream().findFirst().orElse(null);
        if (review == null) {
            return cases.open(cases.draft(listing, Trigger.REPORT, wanted), AuditTrail.SYSTEM,
                    "first report: " + report.category);
        }
        if (wanted.compareTo(review.priority) > 0) {
            review.priority = wanted;
        }
        return review;
    }
}
