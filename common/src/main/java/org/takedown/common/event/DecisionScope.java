package org.takedown.common.event;

import java.util.List;

import jakarta.validation.constraints.NotNull;

/** The decision's reach: the account, or the named resources or listings within it. */
public record DecisionScope(@NotNull ScopeKind kind, @NotNull List<String> targets) {

    public DecisionScope {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    public static DecisionScope account() {
        return new DecisionScope(ScopeKind.ACCOUNT, List.of());
    }
}
