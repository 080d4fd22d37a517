package org.takedown.suite.scenario;

import java.util.List;
import java.util.Map;

/**
 * A company in the story as every provider knows it: hosted at one provider with some resources, and with an app
 * listed at some stores.
 */
public record Party(String key, String legalName, List<String> domains, List<String> bundleIds,
        List<Map<String, String>> contacts, String hostedAt, List<String> resources, List<String> listedAt,
        String appName) {

    void validate(String where) {
        Scenario.require(legalName, where + ".legalName");
        Scenario.require(contacts, where + ".contacts");
        contacts.forEach(contact -> Scenario.require(contact.get("email"), where + ".contacts[].email"));
        if (hostedAt != null) {
            Scenario.requireInstance(hostedAt, where + ".hostedAt");
        }
        if (listedAt != null) {
            listedAt.forEach(store -> Scenario.requireInstance(store, where + ".listedAt"));
            Scenario.require(bundleIds, where + ".bundleIds (needed to list an app)");
            Scenario.require(appName, where + ".appName (needed to list an app)");
        }
    }

    Party isolated(String suffix) {
        java.util.function.UnaryOperator<String> domain = d -> d.replaceFirst("^([^.]+)", "$1-" + suffix);
        return new Party(key, legalName + " [" + suffix + "]", domains.stream().map(domain).toList(),
                bundleIds == null ? null : bundleIds.stream().map(b -> b + suffix).toList(),
                contacts.stream().map(c -> {
                    Map<String, String> copy = new java.util.HashMap<>(c);
                    copy.computeIfPresent("email", (k, email) -> email.replace("@", "+" + suffix + "@"));
                    return Map.copyOf(copy);
                }).toList(),
                hostedAt, resources == null ? null : resources.stream().map(domain).toList(), listedAt, appName);
    }

    List<String> listedAtOrNone() {
        return listedAt == null ? List.of() : listedAt;
    }

    String contactEmail() {
        return contacts.get(0).get("email");
    }
}
