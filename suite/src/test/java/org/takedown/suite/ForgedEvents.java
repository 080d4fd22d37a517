package org.takedown.suite;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import jakarta.validation.Validation;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.takedown.common.event.Action;
import org.takedown.common.event.Category;
import org.takedown.common.event.Contact;
import org.takedown.common.event.DecisionIssued;
import org.takedown.common.event.DecisionScope;
import org.takedown.common.event.DetectionSource;
import org.takedown.common.event.EventCodec;
import org.takedown.common.event.Ground;
import org.takedown.common.event.Party;
import org.takedown.common.event.PolicyClause;
import org.takedown.common.event.StatementOfReasons;
import org.takedown.common.signing.Ed25519Keys;
import org.takedown.common.signing.EventSigner;

/** A perfectly formed decision that claims to come from aws but is signed with a key aws never had. */
final class ForgedEvents {

    private static final EventCodec CODEC = new EventCodec(
            new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS),
            Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                    .buildValidatorFactory().getValidator());

    private ForgedEvents() {
    }

    static String suspensionClaimingToBeAws(String legalName, String domain, String bundleId) {
        Instant now = Instant.now();
        Party party = new Party(legalName, List.of(domain), List.of(bundleId),
                List.of(new Contact("chief-policy-officer", "Chief Policy Officer", "policy@" + domain)));
        DecisionIssued decision = new DecisionIssued(java.util.UUID.randomUUID().toString(), party, Action.SUSPEND,
                DecisionScope.account(), new StatementOfReasons(Ground.TERMS_OF_SERVICE, "AWS Acceptable Use Policy",
                        List.of(new PolicyClause("aup-violence", "No content that encourages or incites violence")),
                        Category.VIOLENCE_INCITEMENT, "forged", DetectionSource.OWN_INITIATIVE, false, false, now, null),
                List.of(), List.of(), "mallory", now);
        var forger = Ed25519Keys.generate();
        return CODEC.toJson(new EventSigner(forger.getPrivate(), forger.getPublic())
                .sign(CODEC.envelope("aws", decision, now)));
    }
}
