package org.takedown.hosting.service;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.takedown.common.audit.AuditTrail;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.time.TakedownClock;
import org.takedown.hosting.repository.AbuseCase;
import org.takedown.hosting.repository.AbuseReport;
import org.takedown.hosting.repository.Customer;
import org.takedown.hosting.repository.CustomerStatus;
import org.takedown.hosting.repository.HostedResource;
import org.takedown.hosting.rest.Requests.NewReport;

/** Abuse report intake: deduplicated, matched to the customer, and filed on the customer's case for the category. */
@ApplicationScoped
public class ReportService {

    /** What became of a report: the stored one, and whether it was already known. */
    public record Intake(AbuseReport report, boolean duplicate) {
    }

    /** Reporters' clocks drift; anything further ahead than this is a mistake, not an observation. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Inject
    CaseService cases;

    @Inject
    AuditTrail audit;

    @Inject
    TakedownClock clock;

    /** {@code reporterKey} identifies the reporter for deduplication: its id, or the caller when it gave none. */
    @Transactional
    public Intake submit(NewReport request, String reporterKey, String actor) {
        String contentUrl = request.contentUrl().trim();
        var duplicate = AbuseReport.findDuplicate(reporterKey, contentUrl);
        if (duplicate.isPresent()) {
            return new Intake(duplicate.get(), true);
        }
        if (request.observedAt().isAfter(clock.now().plus(CLOCK_SKEW))) {
            throw ProblemException.invalid("observedAt", "lies in the future");
        }
        String contentHost = hostOf(contentUrl);
        Customer customer = targetCustomer(request, contentHost);
        if (customer.status == CustomerStatus.TERMINATED) {
            throw ProblemException.invalid("customerId", "customer " + customer.id + " is terminated");
        }
        AbuseCase abuseCase = cases.caseForReport(customer.id, request.category(), request.reporterType(), actor);
        AbuseReport report = new AbuseReport();
        report.reporterType = request.reporterType();
        report.reporterKey = reporterKey;
        report.customerId = customer.id;
        report.caseId = abuseCase.id;
        report.resource = request.resource() == null ? contentHost : request.resource().toLowerCase(Locale.ROOT);
        report.contentUrl = contentUrl;
        report.excerpt = request.excerpt();
        report.evidenceSha256 = request.evidenceSha256();
        report.observedAt = request.observedAt();
        report.category = request.category();
        report.receivedAt = clock.now();
        report.persist();
        audit.record(actor, "report.received", "report", report.id, "case=" + abuseCase.id + "; reporter="
                + request.reporterType() + "; url=" + contentUrl);
        return new Intake(report, false);
    }

    /** The named customer, else the owner of the named resource, else the owner of the content URL's domain. */
    private static Customer targetCustomer(NewReport request, String contentHost) {
        if (request.customerId() != null) {
            Customer customer = Customer.<Customer>findByIdOptional(request.customerId())
                    .orElseThrow(() -> ProblemException.invalid("customerId", "no such customer"));
            if (request.resource() != null && HostedResource.findByHostname(request.resource())
                    .filter(r -> !r.customerId.equals(customer.id)).isPresent()) {
                throw ProblemException.invalid("resource", "belongs to another customer");
            }
            return customer;
        }
        if (request.resource() != null) {
            return HostedResource.findByHostname(request.resource())
                    .map(r -> Customer.<Customer>findById(r.customerId))
                    .or(() -> Customer.findByHost(request.resource()))
                    .orElseThrow(() -> ProblemException.invalid("resource", "is not hosted here"));
        }
        return HostedResource.findByHostname(contentHost).map(r -> Customer.<Customer>findById(r.customerId))
                .or(() -> Customer.findByHost(contentHost))
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
