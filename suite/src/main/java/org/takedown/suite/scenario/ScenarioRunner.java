package org.takedown.suite.scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.takedown.suite.SuiteClient;
import org.takedown.suite.SuiteEndpoints;

/**
 * Replays a scenario across the real instances: creates the parties at every provider, runs the steps, then reads
 * back from each provider what it decided, on which ground, citing what, what its peers thought, how fast each
 * decision travelled, and every notification sent.
 */
public final class ScenarioRunner {

    private final SuiteEndpoints suite;
    private final PrintStream out;

    public ScenarioRunner(SuiteEndpoints suite, PrintStream out) {
        this.suite = suite;
        this.out = out;
    }

    public ScenarioReport run(Scenario scenario) {
        SuiteClient client = new SuiteClient(suite);
        ScenarioContext context = new ScenarioContext(client, suite, scenario, out);
        Instant started = context.now();
        out.println();
        out.println("Replaying \"" + scenario.title() + "\"");
        out.println();
        scenario.parties().forEach(party -> createAccounts(context, party));
        for (Step step : scenario.steps()) {
            step.run(context);
        }
        ScenarioReport report = collect(context, scenario, started);
        new TimelinePrinter(out).print(report);
        return report;
    }

    /** Registers the party at its host and at each store that lists its app, as those providers would have. */
    private static void createAccounts(ScenarioContext context, Party party) {
        if (party.hostedAt() != null) {
            JsonNode customer = context.admin(party.hostedAt()).post("/customers", Map.of("legalName", party.legalName(),
                    "domains", party.domains(), "contacts", party.contacts(),
                    "resources", party.resources().stream().map(host -> Map.of("hostname", host)).toList()));
            context.accountIds.computeIfAbsent(party.hostedAt(), i -> new LinkedHashMap<>())
                    .put(party.key(), customer.get("id").asText());
            context.event(party.hostedAt(), "admin", "hosts " + party.legalName() + " (" + String.join(", ",
                    party.resources()) + ")", Map.of("customerId", customer.get("id").asText()));
        }
        for (String store : party.listedAtOrNone()) {
            JsonNode developer = context.admin(store).post("/developers", Map.of("legalName", party.legalName(),
                    "domains", party.domains(), "contacts", party.contacts()));
            JsonNode listing = context.admin(store).post("/developers/" + developer.get("id").asText() + "/listings",
                    Map.of("appName", party.appName(), "bundleId", party.bundleIds().get(0),
                            "platform", store.equals("google") ? "ANDROID" : "IOS", "version", "1.0",
                            "hostsUserContent", true));
            context.accountIds.computeIfAbsent(store, i -> new LinkedHashMap<>())
                    .put(party.key(), listing.get("id").asText());
            context.event(store, "admin", "lists " + party.appName() + " (" + party.bundleIds().get(0) + ")",
                    Map.of("listingId", listing.get("id").asText()));
        }
    }

    private ScenarioReport collect(ScenarioContext context, Scenario scenario, Instant started) {
        List<ScenarioReport.Decision> decisions = new ArrayList<>();
        List<ScenarioReport.PeerOpinion> opinions = new ArrayList<>();
        context.decisions.forEach((instance, byParty) -> byParty.forEach((party, ids) -> ids.forEach(id -> {
            JsonNode decision = context.admin(instance).get("/decisions/" + id);
            decisions.add(ScenarioReport.Decision.from(instance, party, id, decision));
            if (instance.equals("aws")) {
                JsonNode peers = context.admin(instance).get("/decisions/" + id + "/peer-opinions");
                JsonNode items = peers.has("items") ? peers.get("items") : peers;
                items.forEach(opinion -> opinions.add(ScenarioReport.PeerOpinion.from(id, opinion)));
            }
        })));
        Map<String, String> finalStatus = new LinkedHashMap<>();
        context.accountIds.forEach((instance, byParty) -> byParty.forEach((party, id) -> {
            String path = instance.equals("aws") ? "/customers/" + id : "/listings/" + id;
            finalStatus.put(party + "@" + instance, context.admin(instance).get(path).path("status").asText());
        }));
        JsonNode notifications = context.admin("notification").get("/notifications", Map.of("size", 500)).get("items");
        List<ScenarioReport.Notification> sent = StreamSupport.stream(notifications.spliterator(), false)
                .filter(n -> !n.hasNonNull("createdAt") || !Instant.parse(n.get("createdAt").asText()).isBefore(started))
                .map(ScenarioReport.Notification::from).toList();
        return new ScenarioReport(scenario.name(), scenario.title(), started, context.timeline, decisions, opinions,
                context.propagations, sent, finalStatus);
    }

    /** Writes the machine-readable report. */
    public static void write(ScenarioReport report, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            SuiteClient.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write " + file, e);
        }
    }
}
