import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import jakarta.validation.Validator;

import org.takedown.common.event.Action;
import org.takedown.common.event.Category;
import org.takedown.common.event.DecisionIssued;
import org.takedown.common.event.DecisionScope;
import org.takedown.common.event.DetectionSource;
import org.takedown.common.event.EventCodec;
import org.takedown.common.event.EvidenceRef;
import org.takedown.common.event.Ground;
import org.takedown.common.event.Party;
import org.takedown.common.event.PolicyClause;
import org.takedown.common.event.StatementOfReasons;
import org.takedown.common.signing.Ed25519Keys;
import org.takedown.common.signing.EventSigner;
import org.takedown.testkit.DevKeys;

/** Valid decision.issued envelopes, signed with a provider's development key, as the bench tools send them. */
final class BenchEvents {

    private final String provider;
    private final EventCodec codec;
    private final EventSigner signer;

    BenchEvents(String provider) {
        this.provider = provider;
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        // payloads here are built valid; the codec's validator is only consulted to refuse invalid ones
        Validator accepting = (Validator) Proxy.newProxyInstance(Validator.class.getClassLoader(),
                new Class<?>[] { Validator.class }, (proxy, method, arguments) -> Set.of());
        codec = new EventCodec(mapper, accepting);
        signer = new EventSigner(Ed25519Keys.privateKey(DevKeys.signingPrivateKey(provider)),
                Ed25519Keys.publicKey(DevKeys.signingPublicKey(provider)));
    }

    /** The signed envelope of a decision about the party, stamped with the given time. */
    ObjectNode signed(Party party, Action action, String facts, Instant now) {
        StatementOfReasons reasons = new StatementOfReasons(Ground.TERMS_OF_SERVICE, "Bench Acceptable Use Policy",
                List.of(new PolicyClause("bench-1", "Benchmark traffic only")), Category.VIOLENCE_INCITEMENT, facts,
                DetectionSource.AUTOMATED_DETECTION, true, true, now, null);
        DecisionIssued decision = new DecisionIssued(UUID.randomUUID().toString(), party, action,
                DecisionScope.account(), reasons, List.of(new EvidenceRef("https://bench.invalid/post/"
                        + UUID.randomUUID(), "b".repeat(64), "bench", now)), List.of(), "bench", now);
        return signer.sign(codec.envelope(provider, decision, now));
    }

    String toJson(ObjectNode envelope) {
        return codec.toJson(envelope);
    }
}
