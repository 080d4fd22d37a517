package org.takedown.suite.scenario;

/** A scenario file that cannot be run, with a message that says where and why. */
public class ScenarioException extends RuntimeException {

    public ScenarioException(String message) {
        super(message);
    }
}
