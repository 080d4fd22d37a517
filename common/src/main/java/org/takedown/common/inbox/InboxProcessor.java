package org.takedown.common.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.All;
import io.quarkus.runtime.StartupEvent;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.takedown.common.config.TakedownConfig;
import org.takedown.common.event.EventCodec;
import org.takedown.common.event.EventType;
import org.takedown.common.event.MalformedEventException;
import org.takedown.common.event.ReceivedEvent;
import org.takedown.common.signing.TrustList;
import org.takedown.common.signing.UntrustedEventException;
import org.takedown.common.time.TakedownClock;

/**
 * The one way a service consumes: parse, verify the signature against the trust list, decode, then apply the event
 * exactly once by recording its id in the inbox in the same transaction as the handlers' effects.
 */
@ApplicationScoped
public class InboxProcessor {

    private static final Logger LOG = Logger.getLogger(InboxProcessor.class);

    /** What became of a message. */
    public enum Outcome {
        APPLIED,
        DUPLICATE,
        OWN_EVENT,
        /** A type no handler of this service consumes, sent without the property that the selector filters on. */
        NOT_CONSUMED
    }

    @Inject
    EventCodec codec;

    @Inject
    TrustList trustList;

    @Inject
    TakedownConfig config;

    @Inject
    TakedownClock clock;

    @Inject
    @All
    List<EventHandler> handlers;

    private Set<EventType> consumed;

    @PostConstruct
    void collectConsumedTypes() {
        consumed = EnumSet.noneOf(EventType.class);
        handlers.forEach(handler -> consumed.addAll(handler.handles()));
    }

    /** Refuses to start with a subscription that would never deliver a type some handler acts on. */
    void checkSubscription(@Observes StartupEvent start) {
        Set<EventType> leftOut = SubscriptionSelector.leftOut(consumed, config.inbox().consumes());
        if (!leftOut.isEmpty()) {
            throw new IllegalStateException(SubscriptionSelector.CONSUMES + " leaves out " + leftOut
                    + ", which this service's handlers act on: the broker would never deliver them");
        }
    }

    /** What became of one event of a batch: its outcome, or why it must be dead-lettered. */
    public record Result(Outcome outcome, PoisonMessageException refusal) {
    }

    /**
     * Applies a lane's batch, of one event or more, in one transaction, in order. A refused event is returned, not
     * thrown: it is refused before anything of it is written, so the others still commit. Any other failure rolls back
     * the whole batch.
     */
    @Transactional
    public List<Result> processAll(List<String> bodies) {
        List<Result> results = new ArrayList<>(bodies.size());
        for (String body : bodies) {
            try {
                results.add(new Result(apply(body), null));
            } catch (PoisonMessageException e) {
                results.add(new Result(null, e));
            }
        }
        return results;
    }

    private Outcome apply(String body) throws PoisonMessageException {
        if (body == null || body.isBlank()) {
            throw new PoisonMessageException("message has no body");
        }
        ObjectNode tree = parse(body);
        if (config.provider().id().equals(tree.path("source").asText(null))) {
            // never applied here, so not worth a signature check; peers verify and audit anything claiming our name.
            // The subscription's selector keeps the relay's own events away: only one sent without the property ends here
            return Outcome.OWN_EVENT;
        }
        if (EventType.fromCeType(tree.path("type").asText("")).filter(type -> !consumed.contains(type)).isPresent()) {
            // no effect here either: verified, and dead-lettered if forged, by the services that act on it
            return Outcome.NOT_CONSUMED;
        }
        ReceivedEvent event = verified(tree);
        // both ends use their service clock, so the lag stays meaningful when a scenario moves every clock forward
        Instant receivedAt = clock.now();
        long lagMs = Duration.between(event.envelope().time(), receivedAt).toMillis();
        if (!InboxEvent.recordFirstSight(event.id(), event.source(), event.envelope().type(), receivedAt, lagMs)) {
            LOG.debugf("Event %s from %s was already applied", event.id(), event.source());
            return Outcome.DUPLICATE;
        }
        handlers.stream().filter(h -> h.handles().contains(event.type())).forEach(h -> h.handle(event));
        return Outcome.APPLIED;
    }

    private ObjectNode parse(String body) throws PoisonMessageException {
        try {
            return codec.parse(body);
        } catch (MalformedEventException e) {
            throw new PoisonMessageException(e.getMessage());
        }
    }

    private ReceivedEvent verified(ObjectNode tree) throws PoisonMessageException {
        try {
            trustList.verify(tree);
            return codec.decode(tree);
        } catch (MalformedEventException | UntrustedEventException e) {
            throw new PoisonMessageException(e.getMessage());
        }
    }

    /** Writes the audit record of a refused message in its own transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordDeadLetter(String body, String reason) {
        DeadLetter letter = new DeadLetter();
        letter.reason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        letter.body = body == null ? null : body.substring(0, Math.min(body.length(), DeadLetter.MAX_BODY));
        letter.receivedAt = Instant.now();
        try {
            ObjectNode tree = codec.parse(body);
            letter.eventId = tree.path("id").asText(null);
            letter.source = tree.path("source").asText(null);
            letter.type = tree.path("type").asText(null);
        } catch (MalformedEventException | RuntimeException e) {
            // the body is not even JSON; the reason already says so
        }
        letter.persist();
    }
}
