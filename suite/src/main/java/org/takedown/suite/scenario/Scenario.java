package org.takedown.suite.scenario;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.takedown.suite.InstanceSpec;

/** A story to replay: who the parties are and what happens to them, in order. */
public record Scenario(String name, String title, String description, List<Party> parties, List<Step> steps) {

    static final Set<String> INSTANCES = Set.copyOf(InstanceSpec.DEFAULT.stream().map(InstanceSpec::name).toList());

    void validate() {
        require(name, "name");
        require(title, "title");
        require(parties, "parties");
        require(steps, "steps");
        for (int i = 0; i < parties.size(); i++) {
            parties.get(i).validate("parties[" + i + "] (" + parties.get(i).key() + ")");
        }
        for (int i = 0; i < steps.size(); i++) {
            steps.get(i).validate(this, "steps[" + i + "]");
        }
    }

    /**
     * The same story with every party's names, domains, bundle ids and addresses made unique, so several replays can
     * share one running suite without matching each other's records.
     */
    public Scenario isolated(String suffix) {
        return new Scenario(name, title, description, parties.stream().map(p -> p.isolated(suffix)).toList(), steps);
    }

    Party party(String key, String where) {
        return parties.stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow(() -> new ScenarioException(
                where + ": unknown party '" + key + "'; the scenario has "
                        + parties.stream().map(Party::key).toList()));
    }

    static void require(Object value, String where) {
        boolean missing = value == null || (value instanceof String text && text.isBlank())
                || (value instanceof Collection<?> list && list.isEmpty());
        if (missing) {
            throw new ScenarioException(where + ": is required");
        }
    }

    static void requireInstance(String instance, String where) {
        if (!INSTANCES.contains(instance)) {
            throw new ScenarioException(where + ": unknown instance '" + instance + "'; the suite has "
                    + InstanceSpec.DEFAULT.stream().map(InstanceSpec::name).toList());
        }
    }
}
