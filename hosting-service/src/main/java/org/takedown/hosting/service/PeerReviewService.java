package org.takedown.hosting.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.takedown.common.audit.AuditTrail;
import org.takedown.common.config.TakedownConfig;
import org.takedown.common.event.Action;
import org.takedown.common.event.DecisionIssued;
import org.takedown.common.event.ReceivedEvent;
import org.takedown.common.event.ReviewConcluded;
import org.takedown.common.event.ReviewOpened;
import org.takedown.common.outbox.EventPublisher;
import org.takedown.common.rest.PageResponse;
import org.takedown.common.rest.ProblemException;
import org.takedown.common.time.TakedownClock;
import org.takedown.hosting.config.HostingConfig;
import org.takedown.hosting.repository.Customer;
import org.takedown.hosting.repository.Decision;
import org.takedown.hosting.repository.PeerOpinion;
import org.takedown.hosting.repository.PeerReview;
import org.takedown.hosting.repository.PeerReviewState;
import org.takedown.hosting.rest.Requests.Conclusion;

/**
 * Peers' decisions about our customers open an independent review here; it never changes the customer's standing.
 * Peers' conclusions about our decisions are kept next to those decisions.
 */
@ApplicationScoped
public class PeerReviewService {

    private static final Logger LOG = Logger.getLogger(PeerReviewService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ObjectMapper mapper;

    @Inject
    HostingConfig config;

    @Inject
    TakedownConfig takedown;

    @Inject
    EventPublisher publisher;

    @Inject
    AuditTrail audit;

    @Inject
    TakedownClock clock;

    /** Runs inside the inbox transaction. A decision delivered again (even under a new event id) opens nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PeerReview> openFor(ReceivedEvent event) {
        DecisionIssued decision = event.payload(DecisionIssued.class);
        String peer = event.source();
        if (decision.action() == Action.REINSTATE || decision.action() == Action.KEEP) {
            return Optional.empty();
        }
        if (PeerReview.count("peerProvider = ?1 and peerDecisionId = ?2", peer, decision.decisionId()) > 0) {
            return Optional.empty();
        }
        List<String> matchedBy = new ArrayList<>();
        Customer customer = match(decision, matchedBy);
        if (customer == null) {
            audit.record(AuditTrail.SYSTEM, "peer-decision.unmatched", "peer-decision", decision.decisionId(),
                    peer + " decided " + decision.action() + " about " + decision.party().legalName()
                            + ", who is not a customer here");
            return Optional.empty();
        }
        PeerReview review = new PeerReview();
        review.reviewId = UUID.randomUUID().toString();
        review.peerProvider = peer;
        review.peerDecisionId = decision.decisionId();
        review.peerEventId = event.id();
        review.customerId = customer.id;
        review.matchedBy = String.join(",", matchedBy);
        review.peerAction = decision.action();
        review.peerCategory = decision.statement().category();
        review.peerStatement = toJson(decision);
        review.openedAt = clock.now();
        review.slaDeadline = review.openedAt.plus(config.peerReviewSla());
        review.persist();
        publisher.publish(new ReviewOpened(review.reviewId, customer.party(), peer, decision.decisionId(), matchedBy,
                review.slaDeadline, review.openedAt));
        audit.record(AuditTrail.SYSTEM, "peer-review.opened", "peer-review", review.id, peer + " decided "
                + decision.action() + " (" + decision.decisionId() + "); matched customer " + customer.id + " by "
                + matchedBy + "; the customer's status is unchanged");
        return Optional.of(review);
    }

    /** Our customer named in a peer's decision: by any of its domains, else by its legal name. */
    private static Customer match(DecisionIssued decision, List<String> matchedBy) {
        Customer found = null;
        for (String domain : decision.party().domains()) {
            Optional<Customer> owner = Customer.findByDomain(domain.toLowerCase(Locale.ROOT));
            if (owner.isPresent() && (found == null || found.id.equals(owner.get().id))) {
                found = owner.get();
                matchedBy.add("domain:" + domain.toLowerCase(Locale.ROOT));
            }
        }
        if (found == null) {
            found = Customer.<Customer>find("lower(legalName) = ?1",
                    decision.party().legalName().trim().toLowerCase(Locale.ROOT)).firstResult();
        }
        if (found != null && found.legalName.equalsIgnoreCase(decision.party().legalName().trim())) {
            matchedBy.add("legalName");
        }
        return found;
    }

    @Transactional
    public PeerReview conclude(Long id, Conclusion conclusion, String actor) {
        PeerReview review = get(id);
        if (review.state != PeerReviewState.OPEN) {
            throw ProblemException.conflict("Peer review " + id + " was already concluded");
        }
        if (conclusion.ownDecisionId() != null) {
            Decision own = Decision.findByDecisionId(conclusion.ownDecisionId())
                    .filter(d -> d.customerId.equals(review.customerId))
                    .orElseThrow(() -> ProblemException.invalid("ownDecisionId", "is not a decision about this customer"));
            if (!own.basedOn.contains(review.peerDecisionId)) {
                throw ProblemException.invalid("ownDecisionId", "must cite the peer's decision "
                        + review.peerDecisionId + " in basedOn");
            }
        }
        review.state = PeerReviewState.CONCLUDED;
        review.opinion = conclusion.opinion();
        review.rationale = conclusion.rationale();
        review.ownDecisionId = conclusion.ownDecisionId();
        review.concludedBy = actor;
        review.concludedAt = clock.now();
        Customer customer = Customer.findById(review.customerId);
        publisher.publish(new ReviewConcluded(review.reviewId, customer.party(), review.peerProvider,
                review.peerDecisionId, review.opinion, review.rationale, review.ownDecisionId, actor,
                review.concludedAt));
        audit.record(actor, "peer-review.concluded", "peer-review", id, review.opinion + " with "
                + review.peerProvider + "'s decision " + review.peerDecisionId
                + (review.ownDecisionId == null ? "; no action of ours" : "; our decision " + review.ownDecisionId)
                + "; " + review.rationale);
        return review;
    }

    /** Keeps a peer's conclusion about one of our decisions; conclusions about other providers' are not ours. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordOpinion(ReceivedEvent event) {
        ReviewConcluded concluded = event.payload(ReviewConcluded.class);
        if (!concluded.peerProvider().equals(takedown.provider().id())) {
            return;
        }
        if (Decision.findByDecisionId(concluded.peerDecisionId()).isEmpty()) {
            LOG.warnf("%s concluded on decision %s, which we never issued", event.source(), concluded.peerDecisionId());
            audit.record(AuditTrail.SYSTEM, "peer-opinion.unknown-decision", "decision", concluded.peerDecisionId(),
                    event.source() + " concluded " + concluded.opinion() + " on a decision we do not know");
            return;
        }
        if (PeerOpinion.count("peerProvider = ?1 and reviewId = ?2", event.source(), concluded.reviewId()) > 0) {
            return;
        }
        PeerOpinion opinion = new PeerOpinion();
        opinion.decisionId = concluded.peerDecisionId();
        opinion.peerProvider = event.source();
        opinion.reviewId = concluded.reviewId();
        opinion.opinion = concluded.opinion();
        opinion.rationale = concluded.rationale();
        opinion.ownDecisionId = concluded.ownDecisionId();
        opinion.concludedBy = concluded.concludedBy();
        opinion.concludedAt = concluded.concludedAt();
        opinion.receivedAt = clock.now();
        opinion.persist();
        audit.record(AuditTrail.SYSTEM, "peer-opinion.recorded", "decision", concluded.peerDecisionId(),
                event.source() + " " + concluded.opinion() + ": " + concluded.rationale());
    }

    public PeerReview get(Long id) {
        return PeerReview.<PeerReview>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Peer review", id));
    }

    public PageResponse<PeerReview> list(PeerReviewState state, Long customerId, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (state != null) {
            where.append(" and state = :state");
            params.put("state", state);
        }
        if (customerId != null) {
            where.append(" and customerId = :customerId");
            params.put("customerId", customerId);
        }
        var query = PeerReview.<PeerReview>find(where.toString(), Sort.by("id"), params);
        return new PageResponse<>(query.page(Page.of(page, size)).list(), page, size, query.count());
    }

    public List<PeerOpinion> opinionsOn(String decisionId) {
        return PeerOpinion.list("decisionId", Sort.by("id"), decisionId);
    }

    /** The evidence hashes the peer cited, so our own decision can be told apart from a copy of theirs. */
    static Set<String> evidenceHashes(PeerReview review) {
        Set<String> hashes = new HashSet<>();
        try {
            JSON.readTree(review.peerStatement).path("evidence").forEach(e -> hashes.add(e.path("sha256").asText()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored peer statement is always JSON", e);
        }
        return hashes;
    }

    private String toJson(DecisionIssued decision) {
        try {
            return mapper.writeValueAsString(decision);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A decoded event always serialises", e);
        }
    }
}
