package org.takedown.suite.scenario;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.takedown.suite.SuiteClient;
import org.takedown.suite.SuiteEndpoints;
import org.takedown.testkit.Tokens;

/** What a running scenario knows: the ids each provider gave the parties, what was decided, and the timeline. */
public final class ScenarioContext {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    final SuiteClient client;
    final SuiteEndpoints suite;
    final Scenario scenario;
    final PrintStream progress;
    final List<TimelineEntry> timeline = new ArrayList<>();
    final List<Propagation> propagations = new ArrayList<>();
    /** instance → party → the id that instance gave the party (customer id at a host, listing id at a store). */
    final Map<String, Map<String, String>> accountIds = new HashMap<>();
    /** party → ids of the reports filed about it, duplicates excluded. */
    final Map<String, List<String>> reportIds = new HashMap<>();
    /** instance → party → decision ids, oldest first. */
    final Map<String, Map<String, List<String>>> decisions = new LinkedHashMap<>();
    /** instance → party → the latest review case there. */
    final Map<String, Map<String, JsonNode>> reviews = new HashMap<>();
    final Map<String, String> appealIds = new HashMap<>();
    private final Instant storyStart;
    private int reportSequence;

    ScenarioContext(SuiteClient client, SuiteEndpoints suite, Scenario scenario, PrintStream progress) {
        this.client = client;
        this.suite = suite;
        this.scenario = scenario;
        this.progress = progress;
        this.storyStart = clockOf("aws");
    }

    SuiteClient.As admin(String instance) {
        return client.admin(instance);
    }

    SuiteClient.As reviewer(String instance, String name) {
        return client.reviewer(instance, name == null ? instance + "-reviewer-1" : name);
    }

    SuiteClient.As reporter(String instance) {
        return client.as(instance, Tokens.staff(instance + "-intake", "reporter"));
    }

    /** The party itself, as a customer or developer limited to its own account at that instance. */
    SuiteClient.As partyAt(String instance, String partyKey) {
        String role = instance.equals("aws") ? "customer" : "developer";
        return client.as(instance, Tokens.tenant(partyKey + "@" + instance, accountId(instance, partyKey), role));
    }

    String accountId(String instance, String partyKey) {
        String id = accountIds.getOrDefault(instance, Map.of()).get(partyKey);
        if (id == null) {
            throw new ScenarioException(partyKey + " has no account at " + instance);
        }
        return id;
    }

    void recordDecision(String instance, String partyKey, String decisionId) {
        decisions.computeIfAbsent(instance, i -> new LinkedHashMap<>()).computeIfAbsent(partyKey, p -> new ArrayList<>())
                .add(decisionId);
    }

    String latestDecision(String instance, String partyKey) {
        List<String> ids = decisions.getOrDefault(instance, Map.of()).get(partyKey);
        if (ids == null || ids.isEmpty()) {
            throw new ScenarioException("no decision about " + partyKey + " at " + instance + " yet");
        }
        return ids.get(ids.size() - 1);
    }

    int nextReportNumber() {
        return ++reportSequence;
    }

    Instant clockOf(String instance) {
        return Instant.parse(client.admin(instance).get("/admin/clock").get("now").asText());
    }

    /** Story time, on aws's clock; every clock moves in lockstep. */
    Instant now() {
        return clockOf("aws");
    }

    /** "day 12, 09:41" counted from the start of the replay. */
    String storyTime(Instant at) {
        Duration since = Duration.between(storyStart, at);
        return String.format("day %2d, %02d:%02d", since.toDays() + 1, since.toHoursPart(), since.toMinutesPart());
    }

    void event(String provider, String actor, String headline, Map<String, Object> facts) {
        TimelineEntry entry = new TimelineEntry(now(), storyTime(now()), provider, actor, headline, facts);
        timeline.add(entry);
        progress.printf("  %s  %-12s %s%n", entry.storyTime(), provider, headline);
    }

    /** Polls until the supplier returns something, or gives up with what it was waiting for. */
    <T> T await(String what, Supplier<T> probe) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ScenarioException("interrupted while waiting for " + what);
            }
        }
        throw new ScenarioException("gave up after " + PATIENCE.toSeconds() + " s waiting for " + what);
    }

    /** One line of the timeline. */
    public record TimelineEntry(Instant at, String storyTime, String provider, String actor, String headline,
            Map<String, Object> facts) {
    }

    /** How long a decision took to become a review case at another provider, measured on their clocks. */
    public record Propagation(String from, String to, String decisionId, long millis) {
    }
}
