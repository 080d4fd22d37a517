package org.takedown.testkit;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Mints bearer tokens signed with the development JWT key, for tests and local use. */
public final class Tokens {

    private static final PrivateKey KEY = readKey();

    private Tokens() {
    }

    /** A staff token: admin, reviewer or reporter at a provider. */
    public static String staff(String name, String... roles) {
        return mint(name, null, roles);
    }

    /** A token for a customer or developer, limited to its own account. */
    public static String tenant(String name, String tenant, String role) {
        return mint(name, tenant, role);
    }

    public static String mint(String name, String tenant, String... roles) {
        return withClaims(name, tenant, null, roles);
    }

    /** A token with every claim the services read: roles, and optionally the tenant and the provider spoken for. */
    public static String withClaims(String name, String tenant, String provider, String... roles) {
        JwtClaimsBuilder claims = Jwt.issuer(DevKeys.JWT_ISSUER).upn(name).subject(name).groups(Set.of(roles))
                .expiresIn(Duration.ofHours(12));
        if (tenant != null) {
            claims.claim("tenant", tenant);
        }
        if (provider != null) {
            claims.claim("provider", provider);
        }
        return claims.jws().sign(KEY);
    }

    /** A staff token that expires at the given instant rather than in twelve hours. */
    public static String expiringAt(java.time.Instant expiresAt, String name, String... roles) {
        return Jwt.issuer(DevKeys.JWT_ISSUER).upn(name).subject(name).groups(Set.of(roles)).expiresAt(expiresAt).jws()
                .sign(KEY);
    }

    private static PrivateKey readKey() {
        String pem = DevKeys.resource(DevKeys.JWT_PRIVATE_KEY).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException("Bad development JWT key", e);
        }
    }
}
