package org.takedown.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * The committed development keys: Ed25519 event-signing keys per provider and an RSA pair for JWTs. TEST KEYS ONLY;
 * production keys come from Secrets.
 */
public final class DevKeys {

    public static final String JWT_PUBLIC_KEY = "dev-keys/jwt-public.pem";
    public static final String JWT_PRIVATE_KEY = "dev-keys/jwt-private.pem";
    public static final String JWT_ISSUER = "https://takedown.local/issuer";
    public static final List<String> PROVIDERS = List.of("aws", "apple", "google", "notification");

    private static final Properties SIGNING = load("dev-keys/signing-keys.properties");

    private DevKeys() {
    }

    public static String signingPrivateKey(String provider) {
        return require(provider + ".private-key");
    }

    public static String signingPublicKey(String provider) {
        return require(provider + ".public-key");
    }

    /** The trust list entries for every dev provider except the given one. */
    public static String trustedPeersOf(String provider) {
        return String.join(",", PROVIDERS.stream().filter(p -> !p.equals(provider))
                .map(p -> p + ":" + signingPublicKey(p)).toList());
    }

    public static String resource(String path) {
        try (InputStream in = DevKeys.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + path);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String require(String key) {
        String value = SIGNING.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("No development key " + key);
        }
        return value;
    }

    private static Properties load(String path) {
        Properties properties = new Properties();
        try (InputStream in = DevKeys.class.getClassLoader().getResourceAsStream(path)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
