package org.takedown.hosting.rest;

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
import org.takedown.common.event.Action;
import org.takedown.common.event.Category;
import org.takedown.common.event.DetectionSource;
import org.takedown.common.event.Ground;
import org.takedown.common.event.Opinion;
import org.takedown.common.event.ScopeKind;
import org.takedown.hosting.repository.Priority;
import org.takedown.hosting.repository.ReporterType;
import org.takedown.hosting.repository.RulingKind;

/** The request bodies of the hosting API. Bean Validation names each bad field in a 400 problem. */
public final class Requests {

    static final String HOSTNAME = "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+";
    static final String HTTP_URL = "(?i)https?://[^\\s/?#]+[^\\s]*";
    static final String SHA256 = "[0-9a-f]{64}";

    private Requests() {
    }

    @Schema(examples = """
            {"legalName":"Parler LLC","domains":["parler.com"],
             "contacts":[{"role":"chief-policy-officer","name":"Amy Peikoff","email":"policy@parler.com"}],
             "resources":[{"hostname":"parler.com"},{"hostname":"api.parler.com"}]}""")
    public record NewCustomer(
            @NotBlank @Size(max = 255) String legalName,
            @NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = HOSTNAME, message = "must be a domain name") String> domains,
            @Size(max = 20) List<@Valid @NotNull NewContact> contacts,
            @Size(max = 200) List<@Valid @NotNull NewResource> resources) {
    }

    public record NewContact(@NotBlank @Size(max = 100) String role, @Size(max = 255) String name,
            @NotBlank @Email @Size(max = 320) String email) {
    }

    @Schema(examples = "{\"hostname\":\"api.parler.com\"}")
    public record NewResource(@NotNull @Pattern(regexp = HOSTNAME, message = "must be a host name") String hostname) {
    }

    @Schema(examples = """
            {"reporterType":"TRUSTED_FLAGGER","reporterId":"flagger-17","resource":"parler.com",
             "contentUrl":"https://parler.com/post/4711","excerpt":"...","evidenceSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
             "observedAt":"2021-01-08T10:00:00Z","category":"VIOLENCE_INCITEMENT"}""")
    public record NewReport(
            @NotNull ReporterType reporterType,
            @Size(max = 255) String reporterId,
            Long customerId,
            @Pattern(regexp = HOSTNAME, message = "must be a host name") String resource,
            @NotNull @Size(max = 2048) @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL") String contentUrl,
            @Size(max = 4000) String excerpt,
            @NotNull @Pattern(regexp = SHA256, message = "must be a lowercase hex SHA-256") String evidenceSha256,
            @NotNull Instant observedAt,
            @NotNull Category category) {
    }

    @Schema(examples = """
            {"clauseIds":["aup-violence","aup-moderation"],
             "facts":"26 posts encouraging violence were reported between Jan 1 and Jan 7","cureHours":24}""")
    public record NewNotice(
            @NotEmpty @Size(max = 20) List<@NotBlank String> clauseIds,
            @NotBlank @Size(max = 10000) String facts,
            @Min(value = 1, message = "must be at least 1 hour: a deadline cannot lie in the past") @Max(720) Integer cureHours,
            Instant cureDeadline) {
    }

    @Schema(examples = "{\"description\":\"We removed the 26 posts and added 50 volunteer moderators\"}")
    public record Remediation(@NotBlank @Size(max = 10000) String description) {
    }

    @Schema(examples = "{\"note\":\"Posts removed; moderation backlog cleared\"}")
    public record Resolution(@Size(max = 10000) String note) {
    }

    @Schema(examples = "{\"reason\":\"Violent content keeps growing after two notices\"}")
    public record Reason(@NotBlank @Size(max = 10000) String reason) {
    }

    @Schema(examples = "{\"version\":3,\"priority\":\"HIGH\",\"assignee\":\"reviewer-7\"}")
    public record CaseUpdate(@NotNull Long version, Priority priority, @Size(max = 255) String assignee) {
    }

    public record Scope(@NotNull ScopeKind kind, @Size(max = 200) List<@NotBlank String> targets) {
    }

    public record EvidenceInput(
            @NotNull @Size(max = 2048) @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL") String uri,
            @NotNull @Pattern(regexp = SHA256, message = "must be a lowercase hex SHA-256") String sha256,
            @Size(max = 4000) String excerpt,
            Instant observedAt) {
    }

    @Schema(examples = """
            {"caseId":1,"action":"SUSPEND","scope":{"kind":"ACCOUNT","targets":[]},"ground":"TERMS_OF_SERVICE",
             "groundReference":"AWS Acceptable Use Policy","clauseIds":["aup-violence","aup-moderation"],
             "category":"VIOLENCE_INCITEMENT",
             "facts":"98 posts encouraging violence; the volume grew after each notice",
             "reportIds":[1,2,3],"automatedDetection":false,"automatedDecision":false}""")
    public record NewDecision(
            Long caseId,
            /** When given, the case must still be at this version, or the decision is refused with 409. */
            Long caseVersion,
            @NotNull Action action,
            @Valid Scope scope,
            @NotNull Ground ground,
            @NotBlank @Size(max = 500) String groundReference,
            @NotEmpty @Size(max = 20) List<@NotBlank String> clauseIds,
            @NotNull Category category,
            @NotBlank @Size(max = 10000) String facts,
            @Size(max = 500) List<@Valid @NotNull EvidenceInput> evidence,
            @Size(max = 500) List<@NotNull Long> reportIds,
            boolean automatedDetection,
            boolean automatedDecision,
            DetectionSource detectionSource,
            Instant effectiveUntil,
            boolean emergency,
            @Size(max = 4000) String emergencyReason,
            @Size(max = 20) List<@NotBlank String> basedOn) {
    }

    @Schema(examples = "{\"grounds\":\"The posts were removed within hours; the suspension is disproportionate\"}")
    public record NewAppeal(@NotBlank @Size(max = 10000) String grounds) {
    }

    /** How a reviewer disposes of an appeal. */
    public enum AppealOutcome {
        UPHELD,
        REVERSED
    }

    @Schema(examples = "{\"outcome\":\"REVERSED\",\"reasons\":\"The notice was cured before the suspension\"}")
    public record AppealDecision(@NotNull AppealOutcome outcome, @NotBlank @Size(max = 10000) String reasons) {
    }

    @Schema(examples = """
            {"kind":"COURT_ORDER","body":"U.S. District Court, W.D. Washington","reference":"2:21-cv-00031",
             "ordersReinstatement":false,"summary":"Motion for a preliminary injunction denied"}""")
    public record NewRuling(
            @NotNull RulingKind kind,
            @NotBlank @Size(max = 500) String body,
            @NotBlank @Size(max = 500) String reference,
            @NotNull Boolean ordersReinstatement,
            @NotBlank @Size(max = 10000) String summary) {
    }

    @Schema(examples = "{\"opinion\":\"AGREE\",\"rationale\":\"Our own reports show the same violent posts\"}")
    public record Conclusion(
            @NotNull Opinion opinion,
            @NotBlank @Size(max = 10000) String rationale,
            @Size(max = 64) String ownDecisionId) {
    }
}
