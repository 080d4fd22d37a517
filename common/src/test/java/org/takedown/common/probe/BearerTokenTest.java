package org.takedown.common.probe;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.takedown.common.security.CachingJwtParser;
import org.takedown.testkit.Tokens;

/** Bearer tokens go through the verification cache, and the cache never lets a token through that would fail. */
@QuarkusTest
class BearerTokenTest {

    static final String BODY = "{\"name\":\"x\",\"category\":\"SPAM\"}";

    @Inject
    JWTParser parser;

    @Test
    void theServicesVerifyTokensThroughTheCache() {
        assertInstanceOf(CachingJwtParser.class, ClientProxy.unwrap(parser));
    }

    @Test
    void aTokenWithAnotherTokensSignatureIsRefusedAfterTheGenuineOneWasAccepted() {
        String reviewer = Tokens.staff("reviewer-9", "reviewer");
        post(reviewer, 201);
        post(reviewer, 201);

        String[] parts = reviewer.split("\\.");
        String elevated = Tokens.staff("reviewer-9", "reviewer", "admin").split("\\.")[1];
        post(parts[0] + "." + elevated + "." + parts[2], 401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        post(Tokens.expiringAt(Instant.now().minusSeconds(600), "reviewer-old", "reviewer"), 401);
    }

    private static void post(String token, int status) {
        given().auth().oauth2(token).contentType("application/json").body(BODY)
                .when().post("/probe/decisions")
                .then().statusCode(status);
    }
}
