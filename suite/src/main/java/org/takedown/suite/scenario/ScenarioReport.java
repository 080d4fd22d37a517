package org.takedown.suite.scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** What the replay established, read back from the providers themselves: the JSON report and the printed summary. */
public record ScenarioReport(String scenario, String title, Instant startedAt,
        List<ScenarioContext.TimelineEntry> timeline, List<Decision> decisions, List<PeerOpinion> peerOpinions,
        List<ScenarioContext.Propagation> propagation, List<Notification> notifications,
        Map<String, String> finalStatus) {

    /** A decision as its provider records it. */
    public record Decision(String provider, String party, String decisionId, String action, String ground,
            String groundReference, List<String> clauses, String category, int evidenceCount, List<String> basedOn,
            String decidedBy, String decidedAt, JsonNode record) {

        static Decision from(String provider, String party, String decisionId, JsonNode json) {
            JsonNode statement = json.has("statement") ? json.get("statement") : json;
            List<String> clauses = new ArrayList<>();
            JsonNode clauseNodes = statement.has("clauses") ? statement.get("clauses")
                    : statement.has("policyIds") ? statement.get("policyIds") : json.path("clauseIds");
            clauseNodes.forEach(c -> clauses.add(c.isObject() ? c.path("id").asText() : c.asText()));
            List<String> basedOn = new ArrayList<>();
            json.path("basedOn").forEach(b -> basedOn.add(b.asText()));
            JsonNode evidence = json.has("evidence") ? json.get("evidence") : json.path("examinedEvidence");
            return new Decision(provider, party, decisionId, json.path("action").asText(),
                    statement.path("ground").asText(json.path("ground").asText(null)),
                    statement.path("groundReference").asText(json.path("groundReference").asText(null)), clauses,
                    statement.path("category").asText(json.path("category").asText(null)), evidence.size(), basedOn,
                    json.path("decidedBy").asText(statement.path("decidedBy").asText(null)),
                    json.path("decidedAt").asText(statement.path("decidedAt").asText(null)), json);
        }
    }

    /** What a peer told the host about one of its decisions. */
    public record PeerOpinion(String decisionId, String peer, String opinion, String rationale) {

        static PeerOpinion from(String decisionId, JsonNode json) {
            return new PeerOpinion(decisionId, json.path("peerProvider").asText(json.path("provider").asText()),
                    json.path("opinion").asText(), json.path("rationale").asText());
        }
    }

    /** A notification the notification service produced, and what became of it. */
    public record Notification(String eventType, String source, String recipient, String channel, String subject,
            String status) {

        static Notification from(JsonNode json) {
            return new Notification(json.path("eventType").asText(), json.path("source").asText(),
                    json.path("recipient").asText(), json.path("channel").asText(), json.path("subject").asText(),
                    json.path("status").asText());
        }
    }
}
