package org.takedown.appstore;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.takedown.appstore.Fixtures.REVIEWER;
import static org.takedown.appstore.Fixtures.as;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.takedown.common.config.TakedownConfig;
import org.takedown.common.event.DecisionIssued;
import org.takedown.common.event.EventCodec;
import org.takedown.common.event.Party;

/**
 * One peer decision about a developer with many listings: one case per listing, each audited and announced by its
 * own review.opened on the broker, and nothing opened twice when the event comes again or the decision is republished.
 */
@QuarkusTest
class PeerFanOutTest {

    static final int LISTINGS = 300;

    @Inject
    EventCodec codec;

    @Inject
    AgroalDataSource db;

    @Inject
    TakedownConfig config;

    @Inject
    MeterRegistry registry;

    @Test
    void aDecisionAboutADeveloperWithManyListingsOpensExactlyOneAuditedAndAnnouncedCasePerListing() throws Exception {
        var watch = new Fixtures.Watch("appstore-fan-out-watch-" + UUID.randomUUID(), codec);
        var dev = Fixtures.developer("Sprawl");
        insertListings(dev, LISTINGS);
        DecisionIssued suspension = Fixtures.hostingSuspension(Fixtures.party(dev));
        String event = Fixtures.signed(codec, "aws", suspension);

        Fixtures.send(event);
        awaitCases(suspension.decisionId(), LISTINGS);

        assertEquals(LISTINGS, count("select count(distinct r.listing_id) from review_case r join listing l "
                + "on l.id = r.listing_id where l.developer_id = ? and r.peer_decision_id = ? "
                + "and r.trigger_kind = 'PEER_SIGNAL' and r.state = 'OPEN'", dev.id(), suspension.decisionId()));
        assertEquals(List.of("legalName:" + dev.legalName(), "domain:" + dev.domain()), new ObjectMapper().readValue(
                strings("select matched_by from review_case where peer_decision_id = ? limit 1",
                        suspension.decisionId()).get(0), List.class));
        assertEquals(0, count("select count(*) from listing where developer_id = ? and status <> 'LIVE'", dev.id()),
                "a peer's decision never changes a listing by itself");
        assertOneAuditEntryPerCase(suspension.decisionId());
        Set<String> announced = new HashSet<>();
        for (int i = 0; i < LISTINGS; i++) {
            announced.add(watch.await("review.opened", forDecision(suspension.decisionId()))
                    .get("data").get("reviewId").asText());
        }
        assertEquals(Set.copyOf(strings("select review_id from review_case where peer_decision_id = ?",
                suspension.decisionId())), announced, "one review.opened per case");
        assertEquals(1, count("select count(*) from audit_entry where action = 'peer-signal.matched' "
                + "and entity_id = ?", codec.parse(event).get("id").asText()));

        // the same event redelivered, then the same decision republished under a new event id
        Fixtures.send(event);
        Fixtures.send(Fixtures.signed(codec, "aws", suspension));
        // a later event about one of the listings proves the repeats were consumed, not still queued
        DecisionIssued later = Fixtures.hostingSuspension(new Party("Someone Else " + System.nanoTime(), List.of(),
                List.of(dev.bundle("app1")), List.of()));
        Fixtures.send(Fixtures.signed(codec, "aws", later));
        awaitCases(later.decisionId(), 1);
        // the relay publishes in commit order, so a repeat's review.opened would have arrived before this one
        watch.await("review.opened", forDecision(later.decisionId()));

        as(REVIEWER).get("/reviews?peerDecisionId=" + suspension.decisionId()).then().body("total", equalTo(LISTINGS));
        assertOneAuditEntryPerCase(suspension.decisionId());
        assertEquals(List.of(), watch.claimEarlier("review.opened", forDecision(suspension.decisionId())),
                "no review.opened for a repeat");
        List<String> notes = strings("select note from peer_signal where peer_decision_id = ? order by id",
                suspension.decisionId());
        assertEquals(List.of(LISTINGS + " review case(s) opened", "0 review case(s) opened"), notes);
    }

    @Test
    void developersMatchedByNameAndBySharedDomainBringAllTheirListingsWithEveryWayTheyMatched() throws Exception {
        var named = Fixtures.developer("Shared");
        long first = Fixtures.listing(named, "first", true);
        long second = Fixtures.listing(named, "second", false);
        long sibling = ((Number) as(Fixtures.ADMIN).body(Map.of("legalName", "Sibling of " + named.legalName(),
                "domains", List.of(named.domain()), "contacts", List.of(Map.of("role", "legal", "email",
                        "legal@" + named.domain())))).post("/developers").then().statusCode(201).extract().path("id"))
                .longValue();
        long siblingApp = ((Number) as(Fixtures.ADMIN).body(Map.of("appName", "sib", "bundleId",
                named.bundle("sibling"), "platform", "ANDROID", "version", "2.0", "hostsUserContent", false))
                .post("/developers/" + sibling + "/listings").then().statusCode(201).extract().path("id")).longValue();
        DecisionIssued suspension = Fixtures.hostingSuspension(Fixtures.party(named));

        Fixtures.send(Fixtures.signed(codec, "aws", suspension));
        awaitCases(suspension.decisionId(), 3);

        var matches = as(REVIEWER).get("/peer-signals?peerDecisionId=" + suspension.decisionId()).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of((int) first, (int) second, (int) siblingApp), matches.getList("items[0].matches.listingId"));
        List<String> both = List.of("legalName:" + named.legalName(), "domain:" + named.domain());
        assertEquals(List.of(both, both, List.of("domain:" + named.domain())),
                matches.getList("items[0].matches.matchedBy"));
    }

    @Test
    void eventsQueuedBehindAFanOutShareATransactionAndEachSeesWhatTheOneBeforeDid() throws Exception {
        var sprawl = Fixtures.developer("Ahead");
        insertListings(sprawl, LISTINGS);
        // a party whose events take the fan-out's lane: its legal name is their subject
        int lane = Math.floorMod(sprawl.legalName().hashCode(), config.inbox().lanes());
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = IntStream.range(0, 1000).mapToObj(i -> "Queued Behind " + tag + " " + i + " LLC")
                .filter(candidate -> Math.floorMod(candidate.hashCode(), config.inbox().lanes()) == lane)
                .findFirst().orElseThrow();
        String domain = "queued-" + tag + ".example";
        long developerId = ((Number) as(Fixtures.ADMIN).body(Map.of("legalName", name, "domains", List.of(domain)))
                .post("/developers").then().statusCode(201).extract().path("id")).longValue();
        var queued = new Fixtures.Dev(developerId, name, domain, null);
        long app = Fixtures.listing(queued, "app", true);
        DecisionIssued fanOut = Fixtures.hostingSuspension(Fixtures.party(sprawl));
        DecisionIssued decision = Fixtures.hostingSuspension(new Party(name, List.of(domain), List.of(), List.of()));
        String decided = Fixtures.signed(codec, "aws", decision);
        String reversed = Fixtures.signed(codec, "aws", Fixtures.reversalOf(decision));

        // once the lane has taken the fan-out, the decision and its reversal queue behind it while its cases open
        Fixtures.send(Fixtures.signed(codec, "aws", fanOut));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> registry.get("takedown.inbox.in.flight").gauge().value() > 0);
        Fixtures.send(decided);
        Fixtures.send(reversed);
        awaitCases(decision.decisionId(), 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from inbox_event where event_id = ?",
                codec.parse(reversed).get("id").asText()) == 1);

        assertEquals(1, count("select count(distinct xmin::text) from inbox_event where event_id in (?, ?)",
                codec.parse(decided).get("id").asText(), codec.parse(reversed).get("id").asText()),
                "applied in one transaction");
        // the reversal found the case its decision had opened earlier in that transaction, and noted it there
        assertEquals(1, count("select count(*) from audit_entry where action = 'review.peer-decision-reversed' "
                + "and entity_id in (select id::text from review_case where listing_id = ? and peer_decision_id = ?)",
                app, decision.decisionId()));
        awaitCases(fanOut.decisionId(), LISTINGS);
    }

    private void assertOneAuditEntryPerCase(String peerDecisionId) throws SQLException {
        List<String> caseIds = strings("select id::text from review_case where peer_decision_id = ?", peerDecisionId);
        List<String> audited = strings("select entity_id from audit_entry where action = 'review.opened' and "
                + "entity_type = 'review_case' and entity_id in (select id::text from review_case "
                + "where peer_decision_id = ?)", peerDecisionId);
        assertEquals(LISTINGS, caseIds.size());
        assertEquals(new HashSet<>(caseIds), Set.copyOf(audited));
        assertEquals(caseIds.size(), audited.size(), "one audit entry per case");
    }

    private static Predicate<ObjectNode> forDecision(String peerDecisionId) {
        return data -> peerDecisionId.equals(data.path("peerDecisionId").asText());
    }

    private void insertListings(Fixtures.Dev dev, int n) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement("insert into listing "
                + "(developer_id, app_name, bundle_id, platform, app_version, hosts_user_content, status, created_at, "
                + "status_changed_at) select ?, 'app' || g, ? || g, 'IOS', '1.0', g % 2 = 0, 'LIVE', now(), now() "
                + "from generate_series(1, ?) g")) {
            insert.setLong(1, dev.id());
            insert.setString(2, dev.bundle("app"));
            insert.setInt(3, n);
            insert.executeUpdate();
        }
    }

    private long count(String sql, Object... params) throws SQLException {
        return Long.parseLong(strings(sql, params).get(0));
    }

    private List<String> strings(String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    private static void awaitCases(String peerDecisionId, int expected) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(REVIEWER)
                .get("/reviews?peerDecisionId=" + peerDecisionId).then().statusCode(200)
                .body("total", equalTo(expected)));
    }
}
