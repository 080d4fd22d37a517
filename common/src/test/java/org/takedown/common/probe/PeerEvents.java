package org.takedown.common.probe;

import java.time.Instant;

import org.takedown.common.event.EventCodec;
import org.takedown.common.event.EventPayload;
import org.takedown.common.event.Party;
import org.takedown.common.event.SampleEvents;
import org.takedown.common.signing.Ed25519Keys;
import org.takedown.common.signing.EventSigner;
import org.takedown.testkit.DevKeys;

/** Builds events as a peer would send them, signed with that peer's development key or a forger's. */
final class PeerEvents {

    private PeerEvents() {
    }

    static String decisionSignedBy(EventCodec codec, String provider) {
        return decisionSignedBy(codec, provider, SampleEvents.parler());
    }

    /** A suspension of the given party: its legal name is the event's subject. */
    static String decisionSignedBy(EventCodec codec, String provider, Party party) {
        EventSigner signer = new EventSigner(Ed25519Keys.privateKey(DevKeys.signingPrivateKey(provider)),
                Ed25519Keys.publicKey(DevKeys.signingPublicKey(provider)));
        return codec.toJson(signer.sign(codec.envelope(provider, SampleEvents.suspension(party), Instant.now())));
    }

    /** A review.opened that claims to come from {@code claimedSource}, signed with a freshly generated key. */
    static String forgedReview(EventCodec codec, String claimedSource) {
        return forged(codec, claimedSource, SampleEvents.appleReview());
    }

    /** Claims to come from {@code claimedSource} but is signed with a freshly generated key. */
    static String forgedDecision(EventCodec codec, String claimedSource) {
        return forged(codec, claimedSource, SampleEvents.suspension());
    }

    private static String forged(EventCodec codec, String claimedSource, EventPayload payload) {
        var forger = Ed25519Keys.generate();
        EventSigner signer = new EventSigner(forger.getPrivate(), forger.getPublic());
        return codec.toJson(signer.sign(codec.envelope(claimedSource, payload, Instant.now())));
    }
}
