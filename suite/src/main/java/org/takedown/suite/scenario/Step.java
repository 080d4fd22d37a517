package org.takedown.suite.scenario;

/** One thing that happens in the story, performed through the instances' REST APIs. */
public interface Step {

    /** Checks the step against the scenario before anything runs; throws {@link ScenarioException}. */
    void validate(Scenario scenario, String where);

    void run(ScenarioContext context);
}
