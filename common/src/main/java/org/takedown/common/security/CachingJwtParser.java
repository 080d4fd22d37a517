package org.takedown.common.security;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.takedown.common.config.TakedownConfig;

/**
 * Verifies a bearer token once and reuses the result for the same exact token, because parsing and checking an
 * RS256 token was 42 % of a report's request thread (docs/benchmarks.md) while systems send the same token for
 * minutes. An entry is keyed by the whole token, signature included, so only a byte-identical token that already
 * passed every check reuses it; it is dropped at the token's {@code exp} (without the clock skew a fresh check would
 * allow) and at the latest {@code takedown.security.token-cache.max-age} after it was verified, which bounds how long a
 * token keeps working after its signing key is withdrawn. The cache holds at most {@code max-size} tokens: when full
 * of live entries a new token is verified but not kept. Rejected tokens are never kept. Every other way of parsing
 * is smallrye-jwt's own, uncached.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser extends DefaultJWTParser {

    private final TakedownConfig.TokenCache settings;
    private final Clock clock;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    public CachingJwtParser(JWTAuthContextInfo authContext, TakedownConfig config) {
        this(authContext, config.security().tokenCache(), Clock.systemUTC());
    }

    CachingJwtParser(JWTAuthContextInfo authContext, TakedownConfig.TokenCache settings, Clock clock) {
        super(authContext);
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (!settings.enabled()) {
            return verify(token);
        }
        long now = clock.millis();
        Verified known = verified.get(token);
        if (known != null) {
            if (now < known.validUntil()) {
                return known.token();
            }
            verified.remove(token, known);
        }
        JsonWebToken fresh = verify(token);
        remember(token, fresh, now);
        return fresh;
    }

    /** The full check smallrye-jwt does for a bearer token: signature, issuer, expiry. */
    JsonWebToken verify(String token) throws ParseException {
        return super.parse(token);
    }

    private void remember(String raw, JsonWebToken token, long now) {
        long validUntil = Math.min(token.getExpirationTime() * 1000, now + settings.maxAge().toMillis());
        if (validUntil <= now) {
            return;
        }
        if (verified.size() >= settings.maxSize()) {
            verified.values().removeIf(entry -> entry.validUntil() <= now);
            if (verified.size() >= settings.maxSize()) {
                return;
            }
        }
        verified.put(raw, new Verified(token, validUntil));
    }

    /** How many verified tokens are kept right now. */
    int size() {
        return verified.size();
    }

    private record Verified(JsonWebToken token, long validUntil) {
    }
}
