package org.takedown.suite;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** Parties that exist at several providers at once, each run with unique names so tests never collide. */
final class Fixtures {

    private Fixtures() {
    }

    /** A customer at aws and the same company as a developer with one listing at apple and at google. */
    record Company(String legalName, String domain, String bundleId, String contactEmail, String customerId,
            Map<String, String> listingIds) {
    }

    static Company company(SuiteClient client, String name) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String legalName = name + " " + run;
        String domain = name.toLowerCase().replaceAll("[^a-z]", "") + "-" + run + ".example";
        String bundleId = "com." + name.toLowerCase().replaceAll("[^a-z]", "") + ".app" + run;
        String email = "policy@" + domain;
        List<Map<String, String>> contacts = List.of(Map.of("role", "chief-policy-officer", "name", "Chief Policy Officer",
                "email", email));
        JsonNode customer = client.admin("aws").post("/customers", Map.of("legalName", legalName,
                "domains", List.of(domain), "contacts", contacts,
                "resources", List.of(Map.of("hostname", domain), Map.of("hostname", "api." + domain))));
        Map<String, String> listings = new java.util.HashMap<>();
        for (String store : List.of("apple", "google")) {
            JsonNode developer = client.admin(store).post("/developers", Map.of("legalName", legalName,
                    "domains", List.of(domain), "contacts", contacts));
            JsonNode listing = client.admin(store).post("/developers/" + developer.get("id").asText() + "/listings",
                    Map.of("appName", name, "bundleId", bundleId, "platform", store.equals("apple") ? "IOS" : "ANDROID",
                            "version", "1.0", "hostsUserContent", true));
            listings.put(store, listing.get("id").asText());
        }
        return new Company(legalName, domain, bundleId, email, customer.get("id").asText(), listings);
    }

    /** An emergency suspension by an aws reviewer, with one piece of evidence; returns the decision's UUID. */
    static String suspend(SuiteClient client, Company company) {
        JsonNode decision = client.reviewer("aws", "aws-reviewer-1").post("/customers/" + company.customerId()
                + "/decisions", Map.ofEntries(
                        Map.entry("action", "SUSPEND"),
                        Map.entry("scope", Map.of("kind", "ACCOUNT", "targets", List.of())),
                        Map.entry("ground", "TERMS_OF_SERVICE"),
                        Map.entry("groundReference", "AWS Acceptable Use Policy"),
                        Map.entry("clauseIds", List.of("aup-violence")),
                        Map.entry("category", "VIOLENCE_INCITEMENT"),
                        Map.entry("facts", "Posts on " + company.domain() + " encourage violence"),
                        Map.entry("evidence", List.of(Map.of("uri", "https://" + company.domain() + "/post/1",
                                "sha256", "ab".repeat(32), "excerpt", "a violent post",
                                "observedAt", "2021-01-08T12:00:00Z"))),
                        Map.entry("automatedDetection", false),
                        Map.entry("automatedDecision", false),
                        Map.entry("emergency", true),
                        Map.entry("emergencyReason", "Imminent risk of violence")));
        return decision.get("decisionId").asText();
    }
}
