package org.takedown.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.takedown.common.config.TakedownConfig;
import org.takedown.testkit.DevKeys;
import org.takedown.testkit.Tokens;

/** The cache over the real smallrye-jwt verifier, with the development key and a clock the test moves. */
class CachingJwtParserTest {

    final MovableClock clock = new MovableClock();
    final AtomicInteger verifications = new AtomicInteger();

    @Test
    void aTokenIsVerifiedOnceAndThenReused() throws ParseException {
        CachingJwtParser parser = parser(true, 100, Duration.ofSeconds(60));
        String token = Tokens.staff("reporter-1", "reporter");

        JsonWebToken first = parser.parse(token);
        JsonWebToken second = parser.parse(token);

        assertSame(first, second);
        assertEquals(1, verifications.get());
        assertEquals("reporter-1", second.getName());
        assertEquals(Set.of("reporter"), second.getGroups());
    }

    @Test
    void aTamperedTokenIsCheckedOnItsOwnAndRefused() throws ParseException {
        CachingJwtParser parser = parser(true, 100, Duration.ofSeconds(60));
        String token = Tokens.staff("reporter-1", "reporter");
        parser.parse(token);

        String[] parts = token.split("\\.");
        String otherClaims = Tokens.staff("admin-1", "admin").split("\\.")[1];
        String forged = parts[0] + "." + otherClaims + "." + parts[2];

        assertThrows(ParseException.class, () -> parser.parse(forged));
        assertThrows(ParseException.class, () -> parser.parse(forged));
        assertEquals(3, verifications.get(), "a refused token is never kept");
        assertEquals(1, parser.size());
    }

    @Test
    void aVerificationIsReusedAtMostMaxAge() throws ParseException {
        CachingJwtParser parser = parser(true, 100, Duration.ofSeconds(60));
        String token = Tokens.staff("reporter-1", "reporter");
        parser.parse(token);

        clock.advance(Duration.ofSeconds(59));
        parser.parse(token);
        assertEquals(1, verifications.get());

        clock.advance(Duration.ofSeconds(2));
        parser.parse(token);
        assertEquals(2, verifications.get(), "older than max-age: verified again");
    }

    @Test
    void aTokenIsNotReusedPastItsExpiry() throws ParseException {
        CachingJwtParser parser = parser(true, 100, Duration.ofHours(1));
        String token = Tokens.expiringAt(Instant.now().plusSeconds(30), "short-lived", "reporter");
        parser.parse(token);

        clock.advance(Duration.ofSeconds(31));
        parser.parse(token); // the real verifier still accepts it (its own clock has not moved): it must be asked

        assertEquals(2, verifications.get());
    }

    @Test
    void aFullCacheVerifiesNewTokensWithoutKeepingThem() throws ParseException {
        CachingJwtParser parser = parser(true, 2, Duration.ofSeconds(60));
        parser.parse(Tokens.staff("a", "reporter"));
        parser.parse(Tokens.staff("b", "reporter"));
        String third = Tokens.staff("c", "reporter");

        parser.parse(third);
        parser.parse(third);

        assertEquals(2, parser.size());
        assertEquals(4, verifications.get());

        clock.advance(Duration.ofSeconds(61));
        parser.parse(third);
        assertEquals(1, parser.size(), "expired entries make room");
    }

    @Test
    void disabledMeansEveryRequestIsVerified() throws ParseException {
        CachingJwtParser parser = parser(false, 100, Duration.ofSeconds(60));
        String token = Tokens.staff("reporter-1", "reporter");
        parser.parse(token);
        parser.parse(token);
        assertEquals(2, verifications.get());
        assertEquals(0, parser.size());
    }

    private CachingJwtParser parser(boolean enabled, int maxSize, Duration maxAge) {
        return new CountingParser(new TakedownConfig.TokenCache() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public int maxSize() {
                return maxSize;
            }

            @Override
            public Duration maxAge() {
                return maxAge;
            }
        });
    }

    /** The cache over the real verifier with the development public key, counting how often it verifies. */
    final class CountingParser extends CachingJwtParser {

        CountingParser(TakedownConfig.TokenCache settings) {
            super(new JWTAuthContextInfo(publicKey(), DevKeys.JWT_ISSUER), settings, clock);
        }

        @Override
        JsonWebToken verify(String token) throws ParseException {
            verifications.incrementAndGet();
            return super.verify(token);
        }
    }

    private static PublicKey publicKey() {
        String pem = DevKeys.resource(DevKeys.JWT_PUBLIC_KEY).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
