package org.takedown.appstore.rest;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.takedown.appstore.repository.Appeal;
import org.takedown.appstore.repository.Listing;
import org.takedown.appstore.repository.Report;
import org.takedown.appstore.repository.Ruling;
import org.takedown.common.event.Category;
import org.takedown.common.event.Opinion;

/** The bodies the API accepts. Bean Validation names each bad field in a 400 problem. */
public final class Requests {

    private Requests() {
    }

    static final String DOMAIN = "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+";
    static final String HTTP_URL = "https?://[^\\s]+";
    static final String SHA256 = "[0-9a-f]{64}";

    @Schema(examples = """
            {"legalName":"Parler LLC","domains":["parler.com"],
             "contacts":[{"role":"chief-policy-officer","name":"Amy Peikoff","email":"policy@parler.com"}]}""")
    public record NewDeveloper(
            @NotBlank @Size(max = 300) String legalName,
            @Size(max = 50) List<@NotBlank @Size(max = 253) @Pattern(regexp = DOMAIN, message = "must be a domain name") String> domains,
            @Size(max = 20) List<@Valid @NotNull NewContact> contacts) {
    }

    public record NewContact(@NotBlank @Size(max = 100) String role, @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 320) String email) {
    }

    @Schema(examples = """
            {"appName":"Parler","bundleId":"com.parler.parler","platform":"IOS","version":"1.4.2","hostsUserContent":true}""")
    public record NewListing(
            @NotBlank @Size(max = 200) String appName,
            @NotBlank @Size(max = 255) @Pattern(regexp = "[A-Za-z0-9_.-]+", message = "must be a reverse-DNS bundle id") String bundleId,
            @NotNull Listing.Platform platform,
            @NotBlank @Size(max = 64) String version,
            @NotNull Boolean hostsUserContent) {
    }

    @Schema(examples = """
            {"listingId":1,"source":"USER","category":"VIOLENCE_INCITEMENT","contentUrl":"https://parler.com/post/123",
             "excerpt":"…","evidenceSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
             "observedAt":"2021-01-08T10:00:00Z","description":"Calls for violence at the Capitol"}""")
    public record NewReport(
            Long listingId,
            @Size(max = 255) String bundleId,
            Report.Source source,
            @NotNull Category category,
            @NotBlank @Size(max = 2000) @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL") String contentUrl,
            @Size(max = 2000) String excerpt,
            @Pattern(regexp = SHA256, message = "must be a lowercase hex SHA-256") String evidenceSha256,
            Instant observedAt,
            @Size(max = 10_000) String description) {
    }

    @Schema(examples = """
            {"policyIds":["ugc-moderation"],"instructions":"Submit a moderation plan: filter, reporting, blocking, 24h action","deadlineHours":24}""")
    public record RemediationRequest(
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100) String> policyIds,
            @NotBlank @Size(max = 10_000) String instructions,
            @Min(1) @Max(8760) Integer deadlineHours) {
    }

    @Schema(examples = """
            {"summary":"We added a content filter, reporting and blocking, and staffed moderation around the clock","version":"1.5.0"}""")
    public record RemediationResponse(@NotBlank @Size(max = 10_000) String summary, @Size(max = 64) String version) {
    }

    public record Assignment(@NotBlank @Size(max = 255) String assignee) {
    }

    /** The store's decision vocabulary, a subset of the shared {@code Action}. */
    public enum DecisionAction {
        REMOVE_LISTING,
        RESTRICT_LISTING,
        REQUIRE_REMEDIATION,
        KEEP,
        REINSTATE
    }

    public record ExaminedEvidence(
            @NotBlank @Size(max = 2000) @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL") String uri,
            @NotBlank @Pattern(regexp = SHA256, message = "must be a lowercase hex SHA-256") String sha256,
            @Size(max = 2000) String excerpt,
            Instant observedAt) {
    }

    @Schema(examples = """
            {"action":"REMOVE_LISTING","policyIds":["ugc-moderation"],"category":"INSUFFICIENT_MODERATION",
             "facts":"Reviewed 40 posts reachable in the app; threats stayed up for days after reports",
             "examinedEvidence":[{"uri":"https://parler.com/post/1","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
               "excerpt":"…","observedAt":"2021-01-09T12:00:00Z"}],
             "peerOpinion":"AGREE","opinionRationale":"We found the same failure of moderation ourselves","relyOnPeerOnly":false}""")
    public record DecisionRequest(
            @NotNull DecisionAction action,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> policyIds,
            Category category,
            @NotBlank @Size(max = 10_000) String facts,
            @Size(max = 200) List<@Valid @NotNull ExaminedEvidence> examinedEvidence,
            Opinion peerOpinion,
            @Size(max = 10_000) String opinionRationale,
            Boolean relyOnPeerOnly,
            @Min(1) @Max(8760) Integer deadlineHours) {

        public List<ExaminedEvidence> evidence() {
            return examinedEvidence == null ? List.of() : examinedEvidence;
        }

        public boolean peerOnly() {
            return Boolean.TRUE.equals(relyOnPeerOnly);
        }
    }

    @Schema(examples = """
            {"grounds":"We now moderate every post within 24 hours and ask for the listing back"}""")
    public record NewAppeal(@NotBlank @Size(max = 10_000) String grounds) {
    }

    public enum AppealOutcome {
        UPHELD,
        REVERSED;

        Appeal.State state() {
            return Appeal.State.valueOf(name());
        }
    }

    @Schema(examples = """
            {"outcome":"REVERSED","reasons":"The moderation plan meets ugc-moderation; the removal is lifted"}""")
    public record AppealDecision(@NotNull AppealOutcome outcome, @NotBlank @Size(max = 10_000) String reasons) {
    }

    @Schema(examples = """
            {"kind":"COURT_ORDER","body":"U.S. District Court, W.D. Washington","reference":"2:21-cv-00031",
             "ordersReinstatement":false,"summary":"Motion for a preliminary injunction denied"}""")
    public record NewRuling(
            @NotNull Ruling.Kind kind,
            @NotBlank @Size(max = 300) String body,
            @NotBlank @Size(max = 300) String reference,
            @NotNull Boolean ordersReinstatement,
            @NotBlank @Size(max = 10_000) String summary) {
    }
}
