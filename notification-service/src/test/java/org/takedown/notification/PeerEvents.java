package org.takedown.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.takedown.common.event.Action;
import org.takedown.common.event.Category;
import org.takedown.common.event.Contact;
import org.takedown.common.event.DecisionIssued;
import org.takedown.common.event.DecisionReversed;
import org.takedown.common.event.DecisionScope;
import org.takedown.common.event.DetectionSource;
import org.takedown.common.event.EventCodec;
import org.takedown.common.event.EventPayload;
import org.takedown.common.event.EvidenceRef;
import org.takedown.common.event.Ground;
import org.takedown.common.event.NoticeIssued;
import org.takedown.common.event.Party;
import org.takedown.common.event.PolicyClause;
import org.takedown.common.event.ReversalReason;
import org.takedown.common.event.StatementOfReasons;
import org.takedown.common.signing.Ed25519Keys;
import org.takedown.common.signing.EventSigner;
import org.takedown.testkit.BrokerResource;
import org.takedown.testkit.DevKeys;
import org.takedown.testkit.LocalBroker;

/** Events as the peers send them: realistic payloads, signed with the peer's development key, over the broker. */
final class PeerEvents {

    static final Instant DECIDED_AT = Instant.parse("2021-01-10T23:59:00Z");
    static final String FACTS = "98 posts encouraged violence; the volume grew after each notice";
    static final String CLAUSE = "No content that encourages or incites violence";

    private PeerEvents() {
    }

    /** A party with a unique name and one contact, so that tests never see each other's notifications. */
    static Party party(String tag) {
        String unique = tag + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new Party("Parler LLC " + unique, List.of(unique + ".example"), List.of(),
                List.of(new Contact("chief-policy-officer", "Amy Peikoff", "policy-" + unique + "@parler.test")));
    }

    static String contactOf(Party party) {
        return party.contacts().get(0).email();
    }

    static DecisionIssued suspension(Party party) {
        return decision(party, Action.SUSPEND, 98);
    }

    static DecisionIssued decision(Party party, Action action, int evidenceCount) {
        StatementOfReasons reasons = new StatementOfReasons(Ground.TERMS_OF_SERVICE, "AWS Acceptable Use Policy",
                List.of(new PolicyClause("aup-1.2", CLAUSE)), Category.VIOLENCE_INCITEMENT, FACTS,
                DetectionSource.TRUSTED_FLAGGER, false, false, DECIDED_AT, null);
        List<EvidenceRef> evidence = new ArrayList<>();
        for (int i = 1; i <= evidenceCount; i++) {
            evidence.add(new EvidenceRef("https://parler.com/post/" + i, "a".repeat(64), "post " + i, DECIDED_AT));
        }
        return new DecisionIssued(UUID.randomUUID().toString(), party, action, DecisionScope.account(), reasons,
                evidence, List.of(), "reviewer-7", DECIDED_AT);
    }

    static NoticeIssued notice(Party party) {
        return new NoticeIssued(UUID.randomUUID().toString(), party, Category.INSUFFICIENT_MODERATION,
                List.of(new PolicyClause("aup-1.2", CLAUSE)), "Moderation did not keep up with reported posts",
                List.of(), DECIDED_AT.plusSeconds(86_400), "reviewer-7", DECIDED_AT);
    }

    static DecisionReversed reversal(Party party, String decisionId) {
        return new DecisionReversed(UUID.randomUUID().toString(), decisionId, party, ReversalReason.APPEAL,
                "On appeal the posts were found to be satire", "Appeal A-1", "reviewer-9", DECIDED_AT.plusSeconds(3600));
    }

    /** The signed envelope as JSON, ready to be sent (and sent again, to test redelivery). */
    static String signed(EventCodec codec, String provider, EventPayload payload) {
        EventSigner signer = new EventSigner(Ed25519Keys.privateKey(DevKeys.signingPrivateKey(provider)),
                Ed25519Keys.publicKey(DevKeys.signingPublicKey(provider)));
        return codec.toJson(signer.sign(codec.envelope(provider, payload, Instant.now())));
    }

    static String idOf(EventCodec codec, String json) {
        try {
            ObjectNode tree = codec.parse(json);
            return tree.get("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes a signed event to the shared address and returns its id. */
    static String send(EventCodec codec, String provider, EventPayload payload) {
        String json = signed(codec, provider, payload);
        BrokerResource.broker().sendRaw(LocalBroker.EVENTS_ADDRESS, json);
        return idOf(codec, json);
    }
}
