package org.takedown.common.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
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
 * of live entries a new token is verified but not kept. Rejected tokens are never kept.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {

    private final JWTParser verifier;
    private final TakedownConfig.TokenCache settings;
    private final Clock clock;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    public CachingJwtParser(JWTAuthContextInfo authContext, TakedownConfig config) {
        this(new DefaultJWTParser(authContext), config.security().tokenCache(), Clock.systemUTC());
    }

    CachingJwtParser(JWTParser verifier, TakedownConfig.TokenCache settings, Clock clock) {
        this.verifier = verifier;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (!settings.enabled()) {
            return verifier.parse(token);
        }
        long now = clock.millis();
        Verified known = verified.get(token);
        if (known != null) {
            if (now < known.validUntil()) {
                return known.token();
            }
            verified.remove(token, known);
        }
        JsonWebToken fresh = verifier.parse(token);
        remember(token, fresh, now);
        return fresh;
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

    /** How many verified tokens are kept right now (for tests and metrics). */
    int size() {
        return verified.size();
    }

    // the rest is not how bearer tokens are checked: it goes straight to the verifier, uncached

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }

    private record Verified(JsonWebToken token, long validUntil) {
    }
}
