package org.takedown.testkit;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Sets a test instance's provider id, its development signing keys and the dev trust list. The JWT key is set in the
 * service's {@code %test} profile instead, because Quarkus must know it at build time.
 */
public class ProviderKeysResource implements QuarkusTestResourceLifecycleManager {

    private String provider = "aws";

    @Override
    public void init(Map<String, String> initArgs) {
        provider = initArgs.getOrDefault("provider", provider);
    }

    @Override
    public Map<String, String> start() {
        return Map.of("takedown.provider.id", provider,
                "takedown.signing.private-key", DevKeys.signingPrivateKey(provider),
                "takedown.signing.public-key", DevKeys.signingPublicKey(provider),
                "takedown.trust.peers", DevKeys.trustedPeersOf(provider));
    }

    @Override
    public void stop() {
        // nothing was started
    }
}
