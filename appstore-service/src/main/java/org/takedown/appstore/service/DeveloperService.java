package org.takedown.appstore.service;

import java.util.LinkedHashSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.takedown.appstore.repository.Developer;
import org.takedown.appstore.repository.Listing;
import org.takedown.appstore.repository.ReviewCase;
import org.takedown.appstore.rest.Requests.NewDeveloper;
import org.takedown.appstore.rest.Requests.NewListing;
import org.takedown.appstore.rest.Requests.RemediationResponse;
import org.takedown.common.audit.AuditTrail;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.time.TakedownClock;

/** Developers and their listings, as an admin registers them, and a developer's own answers to the store. */
@ApplicationScoped
public class DeveloperService {

    @Inject
    TakedownClock clock;

    @Inject
    AuditTrail audit;

    @Inject
    ReviewCases cases;

    @Transactional
    public Developer register(NewDeveloper request, String actor) {
        String key = Developer.legalNameKey(request.legalName());
        if (key.isEmpty()) {
            throw ProblemException.invalid("legalName", "must contain letters or digits");
        }
        if (Developer.count("legalNameKey", key) > 0) {
            throw ProblemException.conflict("A developer named '" + request.legalName() + "' is already registered");
        }
        Developer developer = new Developer();
        developer.legalName = request.legalName().trim();
        developer.legalNameKey = key;
        developer.domains = new LinkedHashSet<>(request.domains() == null ? List.of()
                : request.domains().stream().map(Developer::domainKey).toList());
        developer.contacts = request.contacts() == null ? new java.util.ArrayList<>()
                : new java.util.ArrayList<>(request.contacts().stream()
                        .map(c -> new Developer.ContactPerson(c.role(), c.name(), c.email())).toList());
        developer.createdAt = clock.now();
        developer.persistAndFlush();
        audit.record(actor, "developer.registered", "developer", developer.id,
                developer.legalName + " " + developer.domains);
        return developer;
    }

    @Transactional
    public Listing addListing(long developerId, NewListing request, String actor) {
        Developer developer = Developer.<Developer>findByIdOptional(developerId)
                .orElseThrow(() -> ProblemException.notFound("Developer", developerId));
        if (Listing.byBundleId(request.bundleId()).isPresent()) {
            throw ProblemException.conflict("A listing with bundle id " + request.bundleId() + " already exists");
        }
        Listing listing = new Listing();
        listing.developer = developer;
        listing.appName = request.appName().trim();
        listing.bundleId = request.bundleId();
        listing.platform = request.platform();
        listing.appVersion = request.version();
        listing.hostsUserContent = request.hostsUserContent();
        listing.status = Listing.Status.LIVE;
        listing.createdAt = clock.now();
        listing.statusChangedAt = listing.createdAt;
        listing.persistAndFlush();
        audit.record(actor, "listing.created", "listing", listing.id,
                listing.bundleId + " of developer " + developer.id + ", status LIVE");
        return listing;
    }

    /** The developer answers a remediation request; answering in time keeps the case from escalating. */
    @Transactional
    public ReviewCase respondToRemediation(long caseId, RemediationResponse response, String actor) {
        ReviewCase review = ReviewService.load(caseId, null);
        if (review.state != ReviewCase.State.REMEDIATION_REQUESTED) {
            throw ProblemException.conflict("Review case " + review.id + " is " + review.state
                    + "; only a requested remediation can be answered");
        }
        if (review.developerRespondedAt != null) {
            throw ProblemException.conflict("Review case " + review.id + " was already answered at "
                    + review.developerRespondedAt);
        }
        review.developerResponse = response.summary();
        review.developerRespondedAt = clock.now();
        if (response.version() != null && !response.version().isBlank()) {
            review.listing.appVersion = response.version();
        }
        audit.record(actor, "review.remediation-answered", "review_case", review.id,
                (review.developerRespondedAt.isAfter(review.remediationDeadline) ? "after" : "before")
                        + " the deadline " + review.remediationDeadline + ": " + response.summary());
        return review;
    }
}
