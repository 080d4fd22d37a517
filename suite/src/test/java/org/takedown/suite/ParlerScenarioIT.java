package org.takedown.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.takedown.suite.scenario.ScenarioLoader;
import org.takedown.suite.scenario.ScenarioReport;
import org.takedown.suite.scenario.ScenarioRunner;

/**
 * The shipped scenarios replayed across the real processes. The assertions are the facts of the story as the
 * providers recorded them, read back from their APIs, not the printed text.
 */
@ExtendWith(SuiteExtension.class)
class ParlerScenarioIT {

    static ScenarioReport replay(SuiteEndpoints suite, String name) {
        String run = UUID.randomUUID().toString().substring(0, 6);
        ScenarioReport report = new ScenarioRunner(suite, new PrintStream(System.out, true))
                .run(ScenarioLoader.load(Takedown.repositoryRoot(), name).isolated(run));
        ScenarioRunner.write(report, Path.of("target/scenario-reports/" + name + ".json"));
        return report;
    }

    @Test
    void awsSuspendsAndEachStoreRemovesTheAppOnItsOwnGrounds(SuiteEndpoints suite) {
        ScenarioReport report = replay(suite, "parler");

        ScenarioReport.Decision suspension = only(report, "aws", "SUSPEND");
        assertEquals("TERMS_OF_SERVICE", suspension.ground());
        assertEquals(List.of("aup-violence"), suspension.clauses());
        assertEquals(98, suspension.evidenceCount(), "the letter's 98 posts are the evidence");
        for (String store : List.of("apple", "google")) {
            ScenarioReport.Decision removal = only(report, store, "REMOVE_LISTING");
            assertEquals(List.of(suspension.decisionId()), removal.basedOn(), store + " cites aws's decision");
            assertEquals(List.of("ugc-moderation"), removal.clauses(), store + " relies on its own policy");
            assertTrue(removal.evidenceCount() > 0, store + " examined evidence itself");
            assertTrue(report.peerOpinions().stream().anyMatch(o -> o.peer().equals(store)
                    && o.opinion().equals("AGREE")), store + " told aws it agrees");
            assertTrue(report.propagation().stream().anyMatch(p -> p.to().equals(store) && p.millis() >= 0));
            assertEquals("REMOVED", report.finalStatus().get("parler@" + store));
        }
        assertEquals("SUSPENDED", report.finalStatus().get("parler@aws"), "the appeal failed and the court refused");
        assertTrue(report.notifications().stream().anyMatch(n -> n.recipient().startsWith("policy+")
                && n.eventType().equals("decision.issued")), "Parler got a letter");
        assertTrue(report.notifications().stream().anyMatch(n -> n.eventType().equals("notice.issued")),
                "the notices were sent too");
    }

    @Test
    void aCourtOrderedReinstatementReachesBothStoresAsReReviews(SuiteEndpoints suite) {
        ScenarioReport report = replay(suite, "parler-court-orders-reinstatement");

        assertEquals("ACTIVE", report.finalStatus().get("parler@aws"), "aws complied with the order");
        for (String store : List.of("apple", "google")) {
            assertTrue(report.timeline().stream().anyMatch(e -> e.provider().equals(store)
                    && e.headline().contains("REVERSAL")), store + " opened a re-review of its own removal");
            assertEquals("REMOVED", report.finalStatus().get("parler@" + store), store + " did not reinstate on its own");
        }
    }

    @Test
    void googleDisagreesKeepsTheAppAndAwsRecordsTheDisagreement(SuiteEndpoints suite) {
        ScenarioReport report = replay(suite, "parler-google-disagrees");

        assertEquals("LIVE", report.finalStatus().get("parler@google"));
        assertEquals("REMOVED", report.finalStatus().get("parler@apple"));
        assertTrue(report.peerOpinions().stream().anyMatch(o -> o.peer().equals("google")
                && o.opinion().equals("DISAGREE")), "aws's record of peer opinions shows google's disagreement");
        assertTrue(report.peerOpinions().stream().anyMatch(o -> o.peer().equals("apple")
                && o.opinion().equals("AGREE")));
    }

    static ScenarioReport.Decision only(ScenarioReport report, String provider, String action) {
        List<ScenarioReport.Decision> found = report.decisions().stream()
                .filter(d -> d.provider().equals(provider) && d.action().equals(action)).toList();
        assertEquals(1, found.size(), provider + " made one " + action + " decision: " + report.decisions());
        return found.get(0);
    }
}
