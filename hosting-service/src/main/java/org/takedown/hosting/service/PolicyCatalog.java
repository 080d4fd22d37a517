package org.takedown.hosting.service;

import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.takedown.common.event.PolicyClause;
import org.takedown.common.rest.ProblemException;
import org.takedown.hosting.config.HostingConfig;

/** The acceptable use policy from configuration: clause texts to quote, and cure periods for notices. */
@ApplicationScoped
public class PolicyCatalog {

    /** A clause with its cure period in hours. */
    public record Clause(String id, String text, int cureHours) {
        public PolicyClause toEvent() {
            return new PolicyClause(id, text);
        }
    }

    @Inject
    HostingConfig config;

    public Collection<Clause> all() {
        TreeMap<String, Clause> sorted = new TreeMap<>();
        config.policies().forEach((id, policy) -> sorted.put(id,
                new Clause(id, policy.text(), policy.cureHours().orElse(config.defaultCureHours()))));
        return sorted.values();
    }

    /** The clause's text for display; a clause since removed from the policy is said to be so. */
    public PolicyClause quote(String id) {
        HostingConfig.Policy policy = config.policies().get(id);
        return new PolicyClause(id, policy == null ? "(no longer part of the policy)" : policy.text());
    }

    /** The clauses with these ids, refusing (422 on {@code field}) any id the policy does not have. */
    public List<Clause> resolve(String field, List<String> ids) {
        return ids.stream().map(id -> {
            HostingConfig.Policy policy = config.policies().get(id);
            if (policy == null) {
                throw ProblemException.invalid(field, "unknown policy clause '" + id + "'; known: "
                        + config.policies().keySet().stream().sorted().toList());
            }
            return new Clause(id, policy.text(), policy.cureHours().orElse(config.defaultCureHours()));
        }).toList();
    }
}
