package org.takedown.hosting.service;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import io.agroal.api.AgroalDataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.takedown.common.audit.AuditTrail;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.time.TakedownClock;
import org.takedown.hosting.repository.AbuseCase;
import org.takedown.hosting.repository.AbuseReport;
import org.takedown.hosting.repository.CaseState;
import org.takedown.hosting.repository.Customer;
import org.takedown.hosting.repository.CustomerRef;
import org.takedown.hosting.repository.CustomerStatus;
import org.takedown.hosting.repository.Priority;
import org.takedown.hosting.repository.ReporterType;
import org.takedown.hosting.rest.Requests.NewReport;

/**
 * Abuse report intake: deduplicated, matched to the customer, and filed on the customer's case for the category.
 * Reports are filed in lists, so that {@link ReportBatcher} can file the reports waiting at one moment in one
 * transaction; a single report is a list of one.
 */
@ApplicationScoped
public class ReportService {

    /** What became of a report: the stored one, and whether it was already known. */
    public record Intake(AbuseReport report, boolean duplicate) {
    }

    /** One report to file: {@code reporterKey} identifies the reporter for deduplication, {@code actor} the caller. */
    public record Submission(NewReport request, String reporterKey, String actor) {
    }

    /** What became of one submission of a list: its intake, or the refusal that answers it alone. */
    public record Outcome(Intake intake, ProblemException refusal) {
    }

    /** Reporters' clocks drift; anything further ahead than this is a mistake, not an observation. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Inject
    CaseService cases;

    @Inject
    AuditTrail audit;

    @Inject
    TakedownClock clock;

    @Inject
    AgroalDataSource dataSource;

    /** Refuses what is wrong with the report itself, before it waits for a transaction. */
    public void check(NewReport request) {
        hostOf(request.contentUrl().trim());
        if (request.observedAt().isAfter(clock.now().plus(CLOCK_SKEW))) {
            throw ProblemException.invalid("observedAt", "lies in the future");
        }
    }

    /** Files one report in its own transaction. */
    @Transactional
    public Intake submit(Submission submission) {
        Outcome outcome = fileAll(List.of(submission)).get(0);
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome.intake();
    }

    /**
     * Files checked submissions, in the caller's transaction. First, in one statement, every report that names no
     * customer and whose resource's owner has a live case that takes it as it is (AbuseReport.insertNew); then the
     * others in order. A refusal (no such customer, terminated, ...) is decided before that submission writes
     * anything, so it leaves the others' work intact. Reports whose case needs no change are inserted together; one
     * that opens, reopens or raises its case is first checked for a duplicate, so that a duplicate never changes a
     * case.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Outcome> fileAll(List<Submission> submissions) {
        Outcome[] outcomes = new Outcome[submissions.size()];
        fileInOrder(submissions, fileOnLiveCases(submissions, outcomes), outcomes);
        return List.of(outcomes);
    }

    /**
     * What {@link #fileOnLiveCasesAlone} left (or all, when it failed and changed nothing), in the caller's
     * transaction: as {@link #fileAll} without its statement, which has just had its turn with these.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Outcome> fileLeftOver(List<Submission> submissions) {
        Outcome[] outcomes = new Outcome[submissions.size()];
        fileInOrder(submissions, IntStream.range(0, submissions.size()).boxed().toList(), outcomes);
        return List.of(outcomes);
    }

    /** Files the submissions at these indices in order, the general way: owner, live case, case work. */
    private void fileInOrder(List<Submission> submissions, List<Integer> rest, Outcome[] outcomes) {
        Map<String, CustomerRef> customers = new HashMap<>();
        Map<String, AbuseCase> liveCases = new HashMap<>();
        List<Integer> waiting = new ArrayList<>();
        List<AbuseReport> reports = new ArrayList<>();
        for (int i : rest) {
            Submission submission = submissions.get(i);
            NewReport request = submission.request();
            AbuseReport report;
            CustomerRef customer;
            try {
                report = newReport(submission);
                String host = report.resource;
                customer = customers.computeIfAbsent(request.customerId() + "|" + request.resource() + "|" + host,
                        k -> targetCustomer(request, host));
                if (customer.status() == CustomerStatus.TERMINATED) {
                    throw ProblemException.invalid("customerId", "customer " + customer.id() + " is terminated");
                }
            } catch (ProblemException refusal) {
                // a report filed before its customer was terminated (or moved) is still a duplicate, not a refusal
                var known = AbuseReport.findDuplicate(submission.reporterKey(), request.contentUrl().trim());
                outcomes[i] = known.map(r -> new Outcome(new Intake(r, true), null))
                        .orElseGet(() -> new Outcome(null, refusal));
                continue;
            }
            report.customerId = customer.id();
            String caseKey = customer.id() + "|" + request.category();
            AbuseCase live = liveCases.computeIfAbsent(caseKey,
                    k -> AbuseCase.live(customer.id(), request.category()).orElse(null));
            if (live != null && live.state != CaseState.CURED && !raises(live, request.reporterType())) {
                report.caseId = live.id;
                waiting.add(i);
                reports.add(report);
                continue;
            }
            insert(waiting, reports, submissions, outcomes);
            var duplicate = AbuseReport.findDuplicate(report.reporterKey, report.contentUrl);
            if (duplicate.isPresent()) {
                outcomes[i] = new Outcome(new Intake(duplicate.get(), true), null);
                continue;
            }
            AbuseCase abuseCase = cases.caseForReport(customer.id(), request.category(), request.reporterType(),
                    submission.actor());
            liveCases.put(caseKey, abuseCase);
            report.caseId = abuseCase.id;
            waiting.add(i);
            reports.add(report);
            insert(waiting, reports, submissions, outcomes);
        }
        insert(waiting, reports, submissions, outcomes);
    }

    private static boolean raises(AbuseCase abuseCase, ReporterType reporter) {
        return reporter.raisesPriority() && abuseCase.priority.ordinal() < Priority.HIGH.ordinal();
    }

    /**
     * The one-statement path on its own, for a writer's batch: the statement runs on a
     * connection in autocommit mode, so that it is a transaction of its own and its commit travels with it, one round
     * trip for the whole batch. Returns per submission the outcome of a report it filed, or null for one it left: a
     * duplicate, case work, a named customer or a refusal, which {@link #fileLeftOver} files in a transaction.
     */
    @Transactional(Transactional.TxType.NEVER)
    public List<Outcome> fileOnLiveCasesAlone(List<Submission> submissions) {
        List<Integer> candidates = new ArrayList<>();
        List<AbuseReport> reports = new ArrayList<>();
        liveCaseCandidates(submissions, candidates, reports);
        Outcome[] outcomes = new Outcome[submissions.size()];
        if (reports.isEmpty()) {
            return Arrays.asList(outcomes);
        }
        List<String> actors = candidates.stream().map(i -> submissions.get(i).actor()).toList();
        long[] auditIds = audit.takeIds(reports.size());
        boolean[] inserted;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            inserted = AbuseReport.insertNew(connection, reports, actors, auditIds);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not file reports on their live cases", e);
        }
        for (int j = 0; j < inserted.length; j++) {
            if (inserted[j]) {
                outcomes[candidates.get(j)] = new Outcome(new Intake(reports.get(j), false), null);
            }
        }
        return Arrays.asList(outcomes);
    }

    /**
     * The one-statement path: files each report that names no customer on its owner's live case, when that case
     * needs no change, and answers it. Returns the indices of the submissions it left, in order.
     */
    private List<Integer> fileOnLiveCases(List<Submission> submissions, Outcome[] outcomes) {
        List<Integer> candidates = new ArrayList<>();
        List<AbuseReport> reports = new ArrayList<>();
        liveCaseCandidates(submissions, candidates, reports);
        insert(candidates, reports, submissions, outcomes);
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            if (outcomes[i] == null) {
                rest.add(i);
            }
        }
        return rest;
    }

    /** The submissions the one statement may file (those that name no customer), and their reports. */
    private void liveCaseCandidates(List<Submission> submissions, List<Integer> candidates, List<AbuseReport> reports) {
        for (int i = 0; i < submissions.size(); i++) {
            if (submissions.get(i).request().customerId() != null) {
                continue;
            }
            try {
                reports.add(newReport(submissions.get(i)));
                candidates.add(i);
            } catch (ProblemException refusal) {
                // left to the path that answers refusals
            }
        }
    }

    /**
     * Inserts the waiting reports with an audit entry each, answers each duplicate with the known report, and leaves
     * unanswered each report that is still without a case.
     */
    private void insert(List<Integer> waiting, List<AbuseReport> reports, List<Submission> submissions,
            Outcome[] outcomes) {
        if (reports.isEmpty()) {
            return;
        }
        List<String> actors = waiting.stream().map(i -> submissions.get(i).actor()).toList();
        boolean[] inserted = AbuseReport.insertNew(reports, actors, audit.reserveIds(reports.size()));
        for (int j = 0; j < inserted.length; j++) {
            AbuseReport report = reports.get(j);
            if (inserted[j]) {
                outcomes[waiting.get(j)] = new Outcome(new Intake(report, false), null);
            } else if (report.caseId != null) {
                outcomes[waiting.get(j)] = new Outcome(new Intake(AbuseReport.findDuplicate(report.reporterKey,
                        report.contentUrl).orElseThrow(), true), null);
            }
        }
        waiting.clear();
        reports.clear();
    }

    private AbuseReport newReport(Submission submission) {
        NewReport request = submission.request();
        String contentUrl = request.contentUrl().trim();
        AbuseReport report = new AbuseReport();
        report.reporterType = request.reporterType();
        report.reporterKey = submission.reporterKey();
        report.resource = request.resource() == null ? hostOf(contentUrl) : request.resource().toLowerCase(Locale.ROOT);
        report.contentUrl = contentUrl;
        report.excerpt = request.excerpt();
        report.evidenceSha256 = request.evidenceSha256();
        report.observedAt = request.observedAt();
        report.category = request.category();
        report.receivedAt = clock.now();
        return report;
    }

    /** The named customer, else the owner of the named resource, else the owner of the content URL's domain. */
    private static CustomerRef targetCustomer(NewReport request, String contentHost) {
        if (request.customerId() != null) {
            CustomerRef customer = CustomerRef.byId(request.customerId())
                    .orElseThrow(() -> ProblemException.invalid("customerId", "no such customer"));
            if (request.resource() != null && CustomerRef.ownerOf(request.resource())
                    .filter(owner -> !owner.id().equals(customer.id())).isPresent()) {
                throw ProblemException.invalid("resource", "belongs to another customer");
            }
            return customer;
        }
        if (request.resource() != null) {
            return CustomerRef.ownerOf(request.resource())
                    .or(() -> Customer.findByHost(request.resource()).map(CustomerRef::of))
                    .orElseThrow(() -> ProblemException.invalid("resource", "is not hosted here"));
        }
        return CustomerRef.ownerOf(contentHost).or(() -> Customer.findByHost(contentHost).map(CustomerRef::of))
                .orElseThrow(() -> ProblemException.invalid("contentUrl", "its domain matches no customer; name "
                        + "the customerId or resource"));
    }

    private static String hostOf(String url) {
        try {
            String host = new URI(url).getHost();
            if (host == null || host.isBlank()) {
                throw ProblemException.badRequest("contentUrl", "must be an http(s) URL with a host");
            }
            return host.toLowerCase(Locale.ROOT);
        } catch (java.net.URISyntaxException e) {
            throw ProblemException.badRequest("contentUrl", "is not a valid URL: " + e.getReason());
        }
    }
}
