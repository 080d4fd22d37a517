package org.takedown.appstore.service;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.takedown.appstore.config.StoreConfig;
import org.takedown.common.event.PolicyClause;
import org.takedown.common.rest.ProblemException;

/** The store's own policies from configuration: the only clauses a decision or a remediation request may cite. */
@ApplicationScoped
public class Policies {

    @Inject
    StoreConfig config;

    /** The clauses for the given ids, in order and without repeats; an unknown id is a 422 naming the field. */
    public List<PolicyClause> resolve(String field, List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        return new LinkedHashSet<>(ids).stream().map(id -> {
            StoreConfig.Policy policy = config.policies().get(id);
            if (policy == null) {
                throw ProblemException.invalid(field, "'" + id + "' is not one of this store's policies "
                        + config.policies().keySet());
            }
            return new PolicyClause(id, policy.text());
        }).toList();
    }

    /** The grace period for a set of policies: the shortest of their remediation windows. */
    public Duration remediationWindow(List<PolicyClause> clauses) {
        return clauses.stream().map(c -> config.policies().get(c.id()).remediationWindow())
                .min(Duration::compareTo).orElse(Duration.ofHours(24));
    }
}
