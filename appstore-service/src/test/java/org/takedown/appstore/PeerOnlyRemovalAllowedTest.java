package org.takedown.appstore;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.takedown.appstore.Fixtures.REVIEWER;
import static org.takedown.appstore.Fixtures.as;
import static org.takedown.appstore.Fixtures.removal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.takedown.common.event.DecisionIssued;
import org.takedown.common.event.EventCodec;

/**
 * A store that chose, in its configuration, to allow removal on a peer's verdict alone: the removal goes through and
 * the record says that is what happened. (Its own profile, because the rule is read from configuration.)
 */
@QuarkusTest
@TestProfile(PeerOnlyRemovalAllowedTest.AllowPeerOnlyRemoval.class)
class PeerOnlyRemovalAllowedTest {

    public static class AllowPeerOnlyRemoval implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("takedown.store.allow-peer-only-removal", "true");
        }
    }

    @Inject
    EventCodec codec;

    @Test
    void aRemovalOnThePeersVerdictAloneIsAllowedAndRecordedAsSuch() {
        var dev = Fixtures.developer("PeerOnly");
        long app = Fixtures.listing(dev, "app", true);
        DecisionIssued suspension = Fixtures.hostingSuspension(Fixtures.party(dev));
        Fixtures.send(Fixtures.signed(codec, "aws", suspension));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(REVIEWER)
                .get("/reviews?peerDecisionId=" + suspension.decisionId()).then().body("total", equalTo(1)));
        int caseId = as(REVIEWER).get("/reviews?peerDecisionId=" + suspension.decisionId()).then().extract()
                .path("items[0].id");

        String decisionId = as(REVIEWER).body(removal(Map.of("peerOpinion", "AGREE", "opinionRationale",
                "We rely on aws's finding", "examinedEvidence", List.of(), "relyOnPeerOnly", true)))
                .post("/reviews/" + caseId + "/decision")
                .then().statusCode(201)
                .body("reliedOnPeerOnly", equalTo(true))
                .body("basedOn", equalTo(List.of(suspension.decisionId())))
                .extract().path("decisionId");

        assertEquals("REMOVED", Fixtures.listingStatus(app));
        as(REVIEWER).get("/decisions/" + decisionId).then().statusCode(200).body("reliedOnPeerOnly", equalTo(true));
    }
}
