package org.takedown.suite;

import java.util.Optional;

import org.takedown.testkit.LocalBroker;

/** Where the suite's instances answer: processes this JVM started, or a stack started elsewhere (compose). */
public interface SuiteEndpoints {

    /** Base URL of an instance, such as {@code http://localhost:8081}. */
    String url(String instance);

    /** The broker, when this JVM runs it (needed to inject a forged event or count dead letters). */
    Optional<LocalBroker> broker();

    /** Whether instances can be stopped and restarted from here. */
    boolean controlsProcesses();

    void stop(String instance);

    void start(String instance);
}
