package org.takedown.appstore.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.takedown.appstore.repository.JsonText;
import org.takedown.appstore.repository.Listing;
import org.takedown.appstore.repository.PeerSignal;
import org.takedown.appstore.repository.ReviewCase;
import org.takedown.appstore.repository.ReviewCase.Priority;
import org.takedown.appstore.repository.ReviewCase.Trigger;
import org.takedown.appstore.repository.StoreDecision;
import org.takedown.common.audit.AuditTrail;
import org.takedown.common.event.Category;
import org.takedown.common.event.DecisionIssued;
import org.takedown.common.event.DecisionReversed;
import org.takedown.common.event.EventPayload;
import org.takedown.common.event.Party;
import org.takedown.common.event.ReceivedEvent;
import org.takedown.common.event.ReviewOpened;
import org.takedown.common.outbox.EventPublisher;
import org.takedown.common.time.TakedownClock;

/**
 * What a peer's decision does here: it opens review cases, one per affected listing, and nothing else. Listing status
 * only changes when one of our reviewers decides. Every signal is recorded, including those that matched nothing.
 */
@ApplicationScoped
public class PeerSignalService {

    private static final Set<Category> SEVERE = Set.of(Category.VIOLENCE_INCITEMENT,
            Category.CHILD_SEXUAL_ABUSE_MATERIAL, Category.ILLEGAL_SPEECH);

    @Inject
    PartyMatcher matcher;

    @Inject
    ReviewCases cases;

    @Inject
    EventPublisher publisher;

    @Inject
    TakedownClock clock;

    @Inject
    AuditTrail audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public PeerSignal onDecisionIssued(ReceivedEvent event) {
        DecisionIssued decision = event.payload(DecisionIssued.class);
        PeerSignal signal = signal(event, decision, decision.decisionId());
        signal.peerAction = decision.action().name();
        if (!decision.action().isRestrictive()) {
            return ignored(signal, decision.action() + " restricts nothing, so there is nothing to review");
        }
        List<PartyMatcher.Hit> hits = matcher.match(decision.party());
        if (hits.isEmpty()) {
            return ignored(signal, "no developer or listing matches " + describe(decision.party()));
        }
        // a peer may publish the same decision again under a new event id: still one case per listing
        Set<Long> alreadyOpened = ReviewCase.listingsWithPeerCase(decision.decisionId());
        List<PeerSignal.Match> matches = new ArrayList<>();
        for (PartyMatcher.Hit hit : hits) {
            boolean exists = alreadyOpened.contains(hit.listing().id);
            Long caseId = exists ? null : openPeerCase(event, decision, hit).id;
            matches.add(new PeerSignal.Match(hit.listing().id, hit.listing().bundleId, hit.matchedBy(), caseId));
        }
        signal.outcome = PeerSignal.Outcome.MATCHED;
        signal.matches = matches;
        signal.note = matches.stream().filter(m -> m.reviewCaseId() != null).count() + " review case(s) opened";
        return record(signal);
    }

    /**
     * A peer undid a decision. Each of our decisions in force that cited it gets a re-review; none is reinstated
     * here, because our decision may stand on our own evidence.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PeerSignal onDecisionReversed(ReceivedEvent event) {
        DecisionReversed reversal = event.payload(DecisionReversed.class);
        PeerSignal signal = signal(event, reversal, reversal.decisionId());
        signal.peerAction = "REVERSED_" + reversal.reason().name();
        noteOnOpenPeerCases(event, reversal);
        List<StoreDecision> citing = StoreDecision.inForceCiting(reversal.decisionId());
        if (citing.isEmpty()) {
            return ignored(signal, "none of our decisions in force is based on " + reversal.decisionId());
        }
        List<PeerSignal.Match> matches = new ArrayList<>();
        for (StoreDecision ours : citing) {
            List<String> how = List.of("basedOn:" + ours.decisionId);
            boolean exists = ReviewCase.count("trigger = ?1 and subjectDecisionId = ?2 and peerDecisionId = ?3",
                    Trigger.REVERSAL, ours.decisionId, reversal.decisionId()) > 0;
            Long caseId = exists ? null : openReReview(event, reversal, ours, how).id;
            matches.add(new PeerSignal.Match(ours.listing.id, ours.listing.bundleId, how, caseId));
        }
        signal.outcome = PeerSignal.Outcome.MATCHED;
        signal.matches = matches;
        signal.note = "re-review of " + citing.size() + " decision(s) that cited the reversed decision";
        return record(signal);
    }

    private ReviewCase openPeerCase(ReceivedEvent event, DecisionIssued decision, PartyMatcher.Hit hit) {
        Listing listing = hit.listing();
        Category category = decision.statement().category();
        boolean severe = SEVERE.contains(category)
                || (listing.hostsUserContent && category == Category.INSUFFICIENT_MODERATION);
        ReviewCase review = cases.draft(listing, Trigger.PEER_SIGNAL, severe ? Priority.HIGH : Priority.NORMAL);
        review.peerProvider = event.source();
        review.peerDecisionId = decision.decisionId();
        review.peerEventId = event.id();
        review.matchedBy = hit.matchedBy();
        cases.open(review, AuditTrail.SYSTEM, event.source() + " " + decision.action() + " decision "
                + decision.decisionId() + ", matched by " + hit.matchedBy());
        publisher.publish(new ReviewOpened(review.reviewId, StoreEvents.party(listing), review.peerProvider,
                review.peerDecisionId, review.matchedBy, review.slaDeadline, review.openedAt));
        return review;
    }

    private ReviewCase openReReview(ReceivedEvent event, DecisionReversed reversal, StoreDecision ours,
            List<String> how) {
        ReviewCase review = cases.draft(ours.listing, Trigger.REVERSAL, Priority.HIGH);
        review.peerProvider = event.source();
        review.peerDecisionId = reversal.decisionId();
        review.peerEventId = event.id();
        review.matchedBy = how;
        review.subjectDecisionId = ours.decisionId;
        return cases.open(review, AuditTrail.SYSTEM, event.source() + " reversed " + reversal.decisionId() + " ("
                + reversal.reason() + "), which our decision " + ours.decisionId + " cited");
    }

    /** A case still deciding on a decision that was just reversed should know it before its reviewer acts. */
    private void noteOnOpenPeerCases(ReceivedEvent event, DecisionReversed reversal) {
        ReviewCase.<ReviewCase>list("trigger = ?1 and peerDecisionId = ?2 and state <> ?3", Trigger.PEER_SIGNAL,
                reversal.decisionId(), ReviewCase.State.CONCLUDED)
                .forEach(open -> audit.record(AuditTrail.SYSTEM, "review.peer-decision-reversed", "review_case",
                        open.id, event.source() + " reversed its decision (" + reversal.reason() + "): "
                                + reversal.explanation()));
    }

    private PeerSignal signal(ReceivedEvent event, EventPayload payload, String peerDecisionId) {
        PeerSignal signal = new PeerSignal();
        signal.eventId = event.id();
        signal.eventType = event.type().name();
        signal.peerProvider = event.source();
        signal.peerDecisionId = peerDecisionId;
        signal.partyLegalName = payload.party().legalName();
        signal.statement = JsonText.write(payload);
        signal.receivedAt = clock.now();
        signal.matches = List.of();
        return signal;
    }

    private PeerSignal ignored(PeerSignal signal, String why) {
        signal.outcome = PeerSignal.Outcome.IGNORED;
        signal.note = why.length() > 1000 ? why.substring(0, 1000) : why;
        return record(signal);
    }

    private PeerSignal record(PeerSignal signal) {
        signal.persist();
        audit.record(AuditTrail.SYSTEM, "peer-signal." + signal.outcome.name().toLowerCase(), "peer_signal",
                signal.eventId, signal.peerProvider + " " + signal.eventType + " " + signal.peerDecisionId + " about "
                        + signal.partyLegalName + ": " + signal.note);
        return signal;
    }

    private static String describe(Party party) {
        return "legal name '" + party.legalName() + "', domains " + party.domains() + " or bundle ids "
                + party.bundleIds();
    }
}
