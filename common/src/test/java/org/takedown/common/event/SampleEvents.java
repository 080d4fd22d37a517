package org.takedown.common.event;

import java.time.Instant;
import java.util.List;

/** A realistic decision to sign, send and decode in tests. */
public final class SampleEvents {

    private SampleEvents() {
    }

    public static Party parler() {
        return new Party("Parler LLC", List.of("parler.com"), List.of("com.parler.parler"),
                List.of(new Contact("chief-policy-officer", "Amy Peikoff", "policy@parler.com")));
    }

    public static DecisionIssued suspension() {
        return suspension(parler());
    }

    /** The same suspension, of another party. */
    public static DecisionIssued suspension(Party party) {
        Instant now = Instant.parse("2021-01-10T23:59:00Z");
        StatementOfReasons reasons = new StatementOfReasons(Ground.TERMS_OF_SERVICE, "AWS Acceptable Use Policy",
                List.of(new PolicyClause("aup-1.2", "No content that encourages or incites violence")),
                Category.VIOLENCE_INCITEMENT, "98 posts encouraged violence; the volume grew after each notice",
                DetectionSource.TRUSTED_FLAGGER, false, false, now, null);
        return new DecisionIssued("6a1f0c56-5d0f-4e2a-9a3f-3f1a2b7c9d10", party, Action.SUSPEND,
                DecisionScope.account(), reasons,
                List.of(new EvidenceRef("https://parler.com/post/1", "a".repeat(64), "excerpt", now)),
                List.of(), "reviewer-7", now);
    }

    /** Apple's review of that suspension: a type the probe app has no handler for. */
    public static ReviewOpened appleReview() {
        Instant now = Instant.parse("2021-01-09T01:00:00Z");
        return new ReviewOpened("review-1", parler(), "aws", suspension().decisionId(), List.of("legalName:Parler LLC"),
                now.plusSeconds(86_400), now);
    }
}
