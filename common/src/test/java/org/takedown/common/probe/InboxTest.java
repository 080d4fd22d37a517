package org.takedown.common.probe;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.takedown.common.audit.AuditEntry;
import org.takedown.common.event.EventCodec;
import org.takedown.common.event.SampleEvents;
import org.takedown.common.event.Party;
import org.takedown.common.inbox.DeadLetter;
import org.takedown.common.inbox.InboxEvent;
import org.takedown.testkit.BrokerResource;
import org.takedown.testkit.LocalBroker;

@QuarkusTest
class InboxTest {

    @Inject
    EventCodec codec;

    @Inject
    MeterRegistry registry;

    @Test
    void aPeerEventIsAppliedOnceEvenWhenRedelivered() {
        String event = PeerEvents.decisionSignedBy(codec, "apple");
        String id = codec.toJson(parse(event).get("id"));

        BrokerResource.broker().sendRaw(LocalBroker.EVENTS_ADDRESS, event);
        BrokerResource.broker().sendRaw(LocalBroker.EVENTS_ADDRESS, event);

        String eventId = id.replace("\"", "");
        await().atMost(Duration.ofSeconds(15)).until(() -> applied(eventId) == 1);
        // a later event proves the duplicate was consumed rather than still queued
        String later = PeerEvents.decisionSignedBy(codec, "google");
        BrokerResource.broker().sendRaw(LocalBroker.EVENTS_ADDRESS, later);
        await().atMost(Duration.ofSeconds(15)).until(() -> applied(parse(later).get("id").asText()) == 1);
        assertEquals(1, applied(eventId));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> InboxEvent.count("eventId", eventId)));
    }

    @Test
    void eventsAboutOnePartyShareALaneInOrderAndOtherPartiesUseOtherLanes() {
        List<String> parties = List.of("Lane One LLC", "Lane Two LLC", "Lane Three LLC", "Lane Four LLC",
                "Lane Five LLC", "Lane Six LLC", "Lane Seven LLC", "Lane Eight LLC");
        List<String> sent = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String name : parties) {
                String event = PeerEvents.decisionSignedBy(codec, "apple",
                        new Party(name, List.of(), List.of(), List.of()));
                BrokerResource.broker().sendRaw(LocalBroker.EVENTS_ADDRESS, event);
                sent.add(parse(event).get("id").asText());
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> sent.stream().allMatch(id -> applied(id) == 1));

        List<RecordingHandler.Applied> applied;
        synchronized (RecordingHandler.APPLIED) {
            applied = RecordingHandler.APPLIED.stream().filter(a -> sent.contains(a.eventId())).toList();
        }
        Map<String, List<RecordingHandler.Applied>> byParty = applied.stream()
                .collect(Collectors.groupingBy(RecordingHandler.Applied::subject));
        for (String name : parties) {
            List<RecordingHandler.Applied> ofParty = byParty.get(name);
            assertEquals(1, ofParty.stream().map(RecordingHandler.Applied::thread).distinct().count(),
                    name + " was applied in one lane: " + ofParty);
            List<String> appliedIds = ofParty.stream().map(RecordingHandler.Applied::eventId).toList();
            assertEquals(sent.stream().filter(appliedIds::contains).toList(), appliedIds, name + " in the order sent");
        }
        // the subject is read from the body as the broker delivers it: were it missed, every event would share lane 1
        Set<String> lanes = applied.stream().map(RecordingHandler.Applied::thread).collect(Collectors.toSet());
        assertTrue(lanes.size() > 1, "eight parties were applied in more than one lane: " + lanes);
        assertTrue(lanes.stream().allMatch(thread -> thread.startsWith("inbox-lane-")), lanes.toString());
    }

    @Test
    void forgedAndMalformedMessagesAreDeadLetteredWithAnAuditRecordAndTheConsumerCarriesOn() {
        long deadBefore = BrokerResource.broker().deadLetterCount();
        String forged = PeerEvents.forgedDecision(codec, "apple");
        String forgedId = parse(forged).get("id").asText();

        BrokerResource.broker().sendRaw(LocalBroker.EVENTS_ADDRESS, forged);
        BrokerResource.broker().sendRaw(LocalBroker.EVENTS_ADDRESS, "{this is not json");
        String genuine = PeerEvents.decisionSignedBy(codec, "apple");
        BrokerResource.broker().sendRaw(LocalBroker.EVENTS_ADDRESS, genuine);

        await().atMost(Duration.ofSeconds(15)).until(() -> applied(parse(genuine).get("id").asText()) == 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> BrokerResource.broker().deadLetterCount() >= deadBefore + 2);
        DeadLetter letter = QuarkusTransaction.requiringNew()
                .call(() -> DeadLetter.<DeadLetter>find("eventId", forgedId).singleResult());
        assertEquals("apple", letter.source);
        assertEquals(true, letter.reason.contains("not a trusted key"), letter.reason);
        assertEquals(0, applied(forgedId));
        assertEquals(1L, QuarkusTransaction.requiringNew()
                .call(() -> DeadLetter.count("reason like ?1", "event is not valid JSON%")));
    }

    @Test
    void anEventOfATypeNoHandlerConsumesIsAcknowledgedWithoutEffect() {
        long deadBefore = BrokerResource.broker().deadLetterCount();
        String review = PeerEvents.forgedReview(codec, "apple");
        String reviewId = parse(review).get("id").asText();

        BrokerResource.broker().sendRaw(LocalBroker.EVENTS_ADDRESS, review);
        String genuine = PeerEvents.decisionSignedBy(codec, "apple");
        BrokerResource.broker().sendRaw(LocalBroker.EVENTS_ADDRESS, genuine);

        // consumed in order: once the decision is applied, the review before it has been dealt with
        await().atMost(Duration.ofSeconds(15)).until(() -> applied(parse(genuine).get("id").asText()) == 1);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> InboxEvent.count("eventId", reviewId)));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> DeadLetter.count("eventId", reviewId)));
        assertEquals(deadBefore, BrokerResource.broker().deadLetterCount());
    }

    @Test
    void aTransientFailureIsRedeliveredUntilItSucceeds() {
        String event = PeerEvents.decisionSignedBy(codec, "google");
        String id = parse(event).get("id").asText();
        RecordingHandler.failing = true;
        try {
            BrokerResource.broker().sendRaw(LocalBroker.EVENTS_ADDRESS, event);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> applied(id) == 0);
        } finally {
            RecordingHandler.failing = false;
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> applied(id) == 1);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> DeadLetter.count("eventId", id)));
    }

    @Test
    void aBacklogIsAppliedInSharedTransactionsEachEventOnceAndInOrder() {
        List<String> sent = holdTheLaneThenSend(new Party("Backlog LLC", List.of(), List.of(), List.of()), 12, null);
        RecordingHandler.hold.release().countDown();

        await().atMost(Duration.ofSeconds(30)).until(() -> sent.stream().allMatch(id -> applied(id) == 1));
        List<RecordingHandler.Applied> applied = appliedOf(sent);
        assertEquals(sent, applied.stream().map(RecordingHandler.Applied::eventId).toList(), "in the order sent");
        // the held event alone, then the twelve queued behind it together
        assertEquals(2, applied.stream().map(RecordingHandler.Applied::transaction).distinct().count());
    }

    @Test
    void aFailureInABatchHoldsBackOnlyTheEventThatFailed() {
        List<String> sent = holdTheLaneThenSend(new Party("Failing Batch LLC", List.of(), List.of(), List.of()), 5,
                null);
        // fails in the batch and again on its own, then succeeds when the broker redelivers it
        RecordingHandler.FAILURES.put(sent.get(3), 2);
        RecordingHandler.hold.release().countDown();

        await().atMost(Duration.ofSeconds(30)).until(() -> sent.stream().allMatch(id -> applied(id) == 1));
        assertTrue(RecordingHandler.FAILURES.isEmpty(), "both failures were used up");
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> DeadLetter.count("eventId", sent.get(3))));
    }

    @Test
    void aPoisonMessageInABatchIsDeadLetteredAndTheOthersApplied() {
        long deadBefore = BrokerResource.broker().deadLetterCount();
        // a forged decision names Parler, as the held lane's events do
        String forged = PeerEvents.forgedDecision(codec, "apple");
        String forgedId = parse(forged).get("id").asText();
        List<String> sent = holdTheLaneThenSend(SampleEvents.parler(), 4, forged);
        RecordingHandler.hold.release().countDown();

        await().atMost(Duration.ofSeconds(30)).until(() -> sent.stream().allMatch(id -> applied(id) == 1));
        await().atMost(Duration.ofSeconds(15)).until(() -> BrokerResource.broker().deadLetterCount() > deadBefore);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> DeadLetter.count("eventId", forgedId)));
        assertEquals(0, applied(forgedId));
    }

    /**
     * Sends one decision about the party and holds its lane while applying it, then {@code more} decisions about the
     * same party (and {@code alsoQueued}, if any, in the middle), and waits until they all wait in the lane. The test
     * releases the hold. Returns the ids of the decisions, in the order sent.
     */
    private List<String> holdTheLaneThenSend(Party party, int more, String alsoQueued) {
        String first = PeerEvents.decisionSignedBy(codec, "apple", party);
        RecordingHandler.Hold hold = new RecordingHandler.Hold(parse(first).get("id").asText());
        RecordingHandler.hold = hold;
        List<String> sent = new ArrayList<>(List.of(hold.eventId()));
        BrokerResource.broker().sendRaw(LocalBroker.EVENTS_ADDRESS, first);
        await().atMost(Duration.ofSeconds(15)).until(() -> hold.entered().getCount() == 0);
        for (int i = 1; i <= more; i++) {
            if (alsoQueued != null && i == more / 2) {
                BrokerResource.broker().sendRaw(LocalBroker.EVENTS_ADDRESS, alsoQueued);
            }
            String event = PeerEvents.decisionSignedBy(codec, "apple", party);
            BrokerResource.broker().sendRaw(LocalBroker.EVENTS_ADDRESS, event);
            sent.add(parse(event).get("id").asText());
        }
        int waiting = 1 + more + (alsoQueued == null ? 0 : 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> registry.get("takedown.inbox.in.flight").gauge().value()
                >= waiting);
        return sent;
    }

    private static List<RecordingHandler.Applied> appliedOf(List<String> eventIds) {
        synchronized (RecordingHandler.APPLIED) {
            return RecordingHandler.APPLIED.stream().filter(a -> eventIds.contains(a.eventId())).toList();
        }
    }

    com.fasterxml.jackson.databind.node.ObjectNode parse(String json) {
        try {
            return codec.parse(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static long applied(String eventId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> AuditEntry.count("action = ?1 and entityId = ?2", "probe.received", eventId));
    }
}
