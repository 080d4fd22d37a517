package org.takedown.suite.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/** The step types a scenario file can use, each a small record that validates itself and runs through REST. */
public final class Steps {

    static final Map<String, Class<? extends Step>> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("narrate", Narrate.class);
        TYPES.put("advance", Advance.class);
        TYPES.put("reports", Reports.class);
        TYPES.put("notice", Notice.class);
        TYPES.put("decide", Decide.class);
        TYPES.put("awaitReviews", AwaitReviews.class);
        TYPES.put("requireRemediation", RequireRemediation.class);
        TYPES.put("storeDecide", StoreDecide.class);
        TYPES.put("appeal", Appeal.class);
        TYPES.put("decideAppeal", DecideAppeal.class);
        TYPES.put("ruling", Ruling.class);
    }

    private Steps() {
    }

    /** A sentence in the timeline, for what happens outside the suite (a lawsuit is filed). */
    public record Narrate(String text, String who) implements Step {
        public void validate(Scenario scenario, String where) {
            Scenario.require(text, where + ".text");
        }

        public void run(ScenarioContext context) {
            context.event(who == null ? "-" : who, who == null ? "-" : who, text, Map.of());
        }
    }

    /** Moves every instance's clock forward together, so deadlines expire and the schedulers act. */
    public record Advance(Duration by) implements Step {
        public void validate(Scenario scenario, String where) {
            Scenario.require(by, where + ".by (an ISO-8601 duration such as PT25H)");
        }

        public void run(ScenarioContext context) {
            for (String instance : Scenario.INSTANCES) {
                context.admin(instance).post("/admin/clock/advance", Map.of("by", by.toString()));
            }
            context.progress.printf("  %s  %-12s (%s later)%n", context.storyTime(context.now()), "", human(by));
        }
    }

    /**
     * Abuse reports day by day: {@code perDay[i]} new reports on day i, each day followed by a day of clock, cycling
     * through {@code reporters}, plus {@code duplicatesPerDay} re-sends the host must recognise.
     */
    public record Reports(String at, String party, String category, List<Integer> perDay, List<String> reporters,
            Integer duplicatesPerDay, String excerpt) implements Step {
        public void validate(Scenario scenario, String where) {
            requireTarget(scenario, where, at, party);
            Scenario.require(category, where + ".category");
            Scenario.require(perDay, where + ".perDay");
            Scenario.require(reporters, where + ".reporters");
        }

        public void run(ScenarioContext context) {
            Party target = context.scenario.party(party, "reports");
            int total = 0;
            int duplicates = 0;
            for (int count : perDay) {
                List<Map<String, Object>> sent = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    int n = context.nextReportNumber();
                    Map<String, Object> report = Map.of("reporterType", reporters.get(n % reporters.size()),
                            "reporterId", "reporter-" + (n % 17), "resource", target.domains().get(0),
                            "contentUrl", "https://" + target.domains().get(0) + "/post/" + n,
                            "excerpt", (excerpt == null ? "post" : excerpt) + " #" + n,
                            "evidenceSha256", sha256("post-" + n), "observedAt", context.now().toString(),
                            "category", category);
                    JsonNode created = context.reporter(at).post("/reports", report);
                    context.reportIds.computeIfAbsent(party, p -> new ArrayList<>()).add(created.get("id").asText());
                    sent.add(report);
                }
                for (int i = 0; i < (duplicatesPerDay == null ? 0 : duplicatesPerDay) && i < sent.size(); i++) {
                    JsonNode again = context.reporter(at).post("/reports", sent.get(i));
                    duplicates += again.path("duplicate").asBoolean() ? 1 : 0;
                }
                total += count;
                new Advance(Duration.ofDays(1)).run(context);
            }
            context.event(at, "reporters", total + " reports about " + target.legalName() + " (" + category + "), "
                    + duplicates + " duplicates recognised", Map.of("reports", total, "duplicates", duplicates,
                            "perDay", perDay));
        }
    }

    /** The host warns the customer, with the evidence so far and a cure deadline. */
    public record Notice(String at, String party, List<String> clauseIds, String facts, Integer cureHours,
            String reviewer) implements Step {
        public void validate(Scenario scenario, String where) {
            requireTarget(scenario, where, at, party);
            Scenario.require(clauseIds, where + ".clauseIds");
            Scenario.require(facts, where + ".facts");
        }

        public void run(ScenarioContext context) {
            JsonNode caseNode = context.await("a case about " + party + " at " + at, () -> firstItem(context
                    .reviewer(at, reviewer).get("/cases", Map.of("customerId", context.accountId(at, party)))));
            Map<String, Object> body = new LinkedHashMap<>(Map.of("clauseIds", clauseIds, "facts", facts));
            if (cureHours != null) {
                body.put("cureHours", cureHours);
            }
            JsonNode notice = context.reviewer(at, reviewer).post("/cases/" + caseNode.get("id").asText() + "/notices",
                    body);
            context.event(at, reviewerName(at, reviewer), "notice to " + context.scenario.party(party, "").legalName()
                    + ": cure by " + context.storyTime(Instant.parse(notice.path("cureDeadline").asText())), Map.of("clauses", clauseIds, "facts", facts,
                            "cureDeadline", notice.path("cureDeadline").asText()));
        }
    }

    /** A host's decision on a customer, with evidence taken from the reports it received. */
    public record Decide(String at, String party, String action, String ground, String groundReference,
            List<String> clauseIds, String category, String facts, Integer evidenceFromReports, Boolean emergency,
            String emergencyReason, String reviewer) implements Step {
        public void validate(Scenario scenario, String where) {
            requireTarget(scenario, where, at, party);
            Scenario.require(action, where + ".action");
            Scenario.require(clauseIds, where + ".clauseIds");
            Scenario.require(category, where + ".category");
            Scenario.require(facts, where + ".facts");
        }

        public void run(ScenarioContext context) {
            List<String> reports = context.reportIds.getOrDefault(party, List.of());
            int count = evidenceFromReports == null ? 0 : Math.min(evidenceFromReports, reports.size());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("action", action);
            body.put("scope", Map.of("kind", "ACCOUNT", "targets", List.of()));
            body.put("ground", ground == null ? "TERMS_OF_SERVICE" : ground);
            body.put("groundReference", groundReference == null ? "Acceptable Use Policy" : groundReference);
            body.put("clauseIds", clauseIds);
            body.put("category", category);
            body.put("facts", facts);
            body.put("reportIds", reports.subList(0, count));
            body.put("automatedDetection", false);
            body.put("automatedDecision", false);
            body.put("emergency", Boolean.TRUE.equals(emergency));
            if (emergencyReason != null) {
                body.put("emergencyReason", emergencyReason);
            }
            JsonNode decision = context.reviewer(at, reviewer).post("/customers/" + context.accountId(at, party)
                    + "/decisions", body);
            String decisionId = decision.get("decisionId").asText();
            context.recordDecision(at, party, decisionId);
            context.event(at, reviewerName(at, reviewer), action + " " + context.scenario.party(party, "").legalName()
                    + " citing " + clauseIds + ", " + count + " posts as evidence", Map.of("decisionId", decisionId,
                            "action", action, "clauses", clauseIds, "evidence", count, "facts", facts));
        }
    }

    /**
     * Waits until each store opened its own review of the host's latest decision (or, with {@code trigger}, a review
     * of that kind, such as REVERSAL), and measures how long the event took to arrive.
     */
    public record AwaitReviews(List<String> at, String party, String of, String trigger) implements Step {
        public void validate(Scenario scenario, String where) {
            Scenario.require(at, where + ".at");
            at.forEach(store -> Scenario.requireInstance(store, where + ".at"));
            scenario.party(party, where + ".party");
            Scenario.requireInstance(of == null ? "aws" : of, where + ".of");
        }

        public void run(ScenarioContext context) {
            String from = of == null ? "aws" : of;
            String decisionId = context.latestDecision(from, party);
            for (String store : at) {
                String listingId = context.accountId(store, party);
                JsonNode review = context.await(store + "'s review of " + decisionId, () -> StreamSupport
                        .stream(context.reviewer(store, null).get("/reviews", Map.of("listingId", listingId))
                                .get("items").spliterator(), false)
                        .filter(r -> trigger == null ? decisionId.equals(r.path("peerDecisionId").asText())
                                : trigger.equals(r.path("trigger").asText()))
                        .filter(r -> !"CONCLUDED".equals(r.path("state").asText()))
                        .findFirst().orElse(null));
                context.reviews.computeIfAbsent(store, s -> new LinkedHashMap<>()).put(party, review);
                long millis = propagationMillis(context, from, store);
                context.propagations.add(new ScenarioContext.Propagation(from, store, decisionId, millis));
                context.event(store, "system", "opened its own review of " + from + "'s decision ("
                        + review.path("trigger").asText("PEER_SIGNAL") + ", matched by " + review.path("matchedBy")
                        + "), nothing removed; arrived in " + millis + " ms", Map.of("reviewId",
                                review.get("id").asText(), "peerDecisionId", decisionId, "propagationMs", millis));
            }
        }
    }

    /** A store asks the developer to fix something by a deadline. */
    public record RequireRemediation(String at, String party, List<String> policyIds, String instructions,
            Integer deadlineHours, String reviewer) implements Step {
        public void validate(Scenario scenario, String where) {
            requireTarget(scenario, where, at, party);
            Scenario.require(policyIds, where + ".policyIds");
            Scenario.require(instructions, where + ".instructions");
        }

        public void run(ScenarioContext context) {
            JsonNode review = currentReview(context, at, party);
            Map<String, Object> body = new LinkedHashMap<>(Map.of("policyIds", policyIds, "instructions", instructions));
            if (deadlineHours != null) {
                body.put("deadlineHours", deadlineHours);
            }
            JsonNode updated = context.reviewer(at, reviewer).post("/reviews/" + review.get("id").asText()
                    + "/remediation", body);
            context.event(at, reviewerName(at, reviewer), "requires remediation under " + policyIds + " by "
                    + context.storyTime(Instant.parse(updated.path("remediationDeadline").asText())), Map.of("policyIds", policyIds,
                            "instructions", instructions));
        }
    }

    /** A store decides on its own grounds, listing the evidence its reviewer examined and its view of the peer's. */
    public record StoreDecide(String at, String party, String action, List<String> policyIds, String category,
            String facts, Integer examineEvidence, String peerOpinion, String opinionRationale, String reviewer)
            implements Step {
        public void validate(Scenario scenario, String where) {
            requireTarget(scenario, where, at, party);
            Scenario.require(action, where + ".action");
            Scenario.require(policyIds, where + ".policyIds");
            Scenario.require(facts, where + ".facts");
            Scenario.require(peerOpinion, where + ".peerOpinion");
        }

        public void run(ScenarioContext context) {
            JsonNode review = currentReview(context, at, party);
            Party target = context.scenario.party(party, "");
            List<Map<String, String>> examined = new ArrayList<>();
            for (int i = 1; i <= (examineEvidence == null ? 3 : examineEvidence); i++) {
                examined.add(Map.of("uri", "https://" + target.domains().get(0) + "/post/" + i, "sha256",
                        sha256("post-" + i), "excerpt", "reviewed by " + at, "observedAt", context.now().toString()));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("action", action);
            body.put("policyIds", policyIds);
            body.put("category", category == null ? "INSUFFICIENT_MODERATION" : category);
            body.put("facts", facts);
            body.put("examinedEvidence", examined);
            body.put("peerOpinion", peerOpinion);
            body.put("opinionRationale", opinionRationale == null ? facts : opinionRationale);
            body.put("relyOnPeerOnly", false);
            JsonNode decision = context.reviewer(at, reviewer).post("/reviews/" + review.get("id").asText()
                    + "/decision", body);
            String decisionId = decision.path("decisionId").asText(null);
            if (decisionId != null && !decisionId.equals("null")) {
                context.recordDecision(at, party, decisionId);
            }
            context.event(at, reviewerName(at, reviewer), action + " " + target.appName() + " under " + policyIds
                    + ", " + examined.size() + " items examined; opinion of the peer's decision: " + peerOpinion,
                    Map.of("decisionId", String.valueOf(decisionId), "action", action, "policies", policyIds,
                            "examined", examined.size(), "peerOpinion", peerOpinion, "facts", facts));
        }
    }

    /** The customer appeals the host's latest decision. */
    public record Appeal(String at, String party, String grounds) implements Step {
        public void validate(Scenario scenario, String where) {
            requireTarget(scenario, where, at, party);
            Scenario.require(grounds, where + ".grounds");
        }

        public void run(ScenarioContext context) {
            String decisionId = context.latestDecision(at, party);
            JsonNode appeal = context.partyAt(at, party).post("/decisions/" + decisionId + "/appeals",
                    Map.of("grounds", grounds));
            context.appealIds.put(at + "/" + party, appeal.get("id").asText());
            context.event(at, context.scenario.party(party, "").legalName(), "appeals: " + grounds,
                    Map.of("decisionId", decisionId, "grounds", grounds));
        }
    }

    /** A reviewer other than the decider decides the appeal. */
    public record DecideAppeal(String at, String party, String outcome, String reasons, String reviewer) implements Step {
        public void validate(Scenario scenario, String where) {
            requireTarget(scenario, where, at, party);
            Scenario.require(outcome, where + ".outcome");
            Scenario.require(reasons, where + ".reasons");
            Scenario.require(reviewer, where + ".reviewer (must differ from the original decider)");
        }

        public void run(ScenarioContext context) {
            String appealId = context.appealIds.get(at + "/" + party);
            if (appealId == null) {
                throw new ScenarioException("decideAppeal: no appeal by " + party + " at " + at);
            }
            context.reviewer(at, reviewer).post("/appeals/" + appealId + "/decision",
                    Map.of("outcome", outcome, "reasons", reasons));
            context.event(at, reviewer, "appeal " + outcome + ": " + reasons, Map.of("outcome", outcome));
        }
    }

    /** A court or out-of-court body rules on the host's latest decision. */
    public record Ruling(String at, String party, String kind, String body, String reference,
            Boolean ordersReinstatement, String summary) implements Step {
        public void validate(Scenario scenario, String where) {
            requireTarget(scenario, where, at, party);
            Scenario.require(kind, where + ".kind");
            Scenario.require(body, where + ".body");
            Scenario.require(reference, where + ".reference");
            Scenario.require(ordersReinstatement, where + ".ordersReinstatement");
            Scenario.require(summary, where + ".summary");
        }

        public void run(ScenarioContext context) {
            String decisionId = context.latestDecision(at, party);
            context.admin(at).post("/decisions/" + decisionId + "/rulings", Map.of("kind", kind, "body", body,
                    "reference", reference, "ordersReinstatement", ordersReinstatement, "summary", summary));
            context.event(at, body, (ordersReinstatement ? "orders reinstatement" : "refuses to order reinstatement")
                    + " (" + reference + "): " + summary, Map.of("kind", kind, "reference", reference,
                            "ordersReinstatement", ordersReinstatement));
        }
    }

    /** Every step that acts on a party at an instance names both, and both must exist. */
    static void requireTarget(Scenario scenario, String where, String at, String party) {
        Scenario.requireInstance(at, where + ".at");
        scenario.party(party, where + ".party");
    }

    static JsonNode currentReview(ScenarioContext context, String store, String party) {
        JsonNode review = context.reviews.getOrDefault(store, Map.of()).get(party);
        if (review == null) {
            throw new ScenarioException(store + " has no review of " + party + " yet; add an awaitReviews step first");
        }
        return context.reviewer(store, null).get("/reviews/" + review.get("id").asText());
    }

    static long propagationMillis(ScenarioContext context, String from, String to) {
        JsonNode items = context.admin(to).get("/admin/inbox", Map.of("source", from, "size", 20)).get("items");
        return StreamSupport.stream(items.spliterator(), false)
                .filter(e -> e.path("type").asText().startsWith("org.takedown.decision.issued"))
                .findFirst().map(e -> e.path("lagMs").asLong()).orElse(-1L);
    }

    static JsonNode firstItem(JsonNode page) {
        JsonNode items = page.path("items");
        return items.isArray() && !items.isEmpty() ? items.get(0) : null;
    }

    static String reviewerName(String instance, String reviewer) {
        return reviewer == null ? instance + "-reviewer-1" : reviewer;
    }

    static String human(Duration duration) {
        return duration.toDays() > 0 ? duration.toDays() + " d" : duration.toHours() + " h";
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
