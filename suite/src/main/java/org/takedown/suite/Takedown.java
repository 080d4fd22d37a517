package org.takedown.suite;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.takedown.suite.scenario.Scenario;
import org.takedown.suite.scenario.ScenarioException;
import org.takedown.suite.scenario.ScenarioLoader;
import org.takedown.suite.scenario.ScenarioReport;
import org.takedown.suite.scenario.ScenarioRunner;
import org.takedown.testkit.Tokens;

/**
 * The command line of the local suite ({@code ./takedown}).
 * <ul>
 * <li>{@code up [--scenario NAME|FILE]}: start everything, optionally replay a scenario (from {@code scenarios/}),
 * and keep running until Ctrl-C, which stops all it started.</li>
 * <li>{@code scenario NAME|FILE}: start everything, replay the scenario, print the timeline, stop.</li>
 * <li>{@code token ROLE [--name NAME] [--tenant TENANT] [--provider PROVIDER]}: print a development bearer
 * token.</li>
 * </ul>
 */
public final class Takedown {

    private static final PrintStream OUT = System.out;

    private Takedown() {
    }

    public static void main(String[] args) throws Exception {
        // the embedded broker and database are quiet unless something is wrong
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        String command = arguments.isEmpty() ? "up" : arguments.remove(0);
        try {
            dispatch(command, arguments);
        } catch (ScenarioException | IllegalArgumentException e) {
            System.err.println("takedown: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void dispatch(String command, List<String> arguments) throws InterruptedException {
        switch (command) {
            case "up" -> up(option(arguments, "--scenario", null));
            case "scenario" -> {
                if (arguments.isEmpty()) {
                    throw new IllegalArgumentException("scenario needs a name from scenarios/ or a file");
                }
                scenario(arguments.get(0));
            }
            case "token" -> token(arguments);
            default -> {
                System.err.println("Usage: ./takedown [up [--scenario NAME] | scenario NAME | token ROLE [--name NAME] "
                        + "[--tenant TENANT] [--provider PROVIDER]]");
                System.exit(2);
            }
        }
    }

    private static void up(String scenarioName) throws InterruptedException {
        Path root = repositoryRoot();
        Scenario scenario = scenarioName == null ? null : ScenarioLoader.load(root, scenarioName);
        LocalSuite suite = LocalSuite.start(new LocalSuite.Options(root, root.resolve(".local"), true, OUT));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            OUT.println("\nStopping the suite ...");
            suite.close();
            stopped.countDown();
        }));
        printEndpoints(suite, root);
        if (scenario != null) {
            replay(suite, root, scenario);
            OUT.println("The suite keeps running with the scenario's records. Ctrl-C stops it.");
        }
        stopped.await();
    }

    private static void scenario(String name) {
        Path root = repositoryRoot();
        Scenario scenario = ScenarioLoader.load(root, name);
        try (LocalSuite suite = LocalSuite.start(new LocalSuite.Options(root, root.resolve(".local"), true, OUT))) {
            replay(suite, root, scenario);
        }
    }

    private static void replay(LocalSuite suite, Path root, Scenario scenario) {
        ScenarioReport report = new ScenarioRunner(suite, OUT).run(scenario);
        Path file = root.resolve(".local/reports/" + scenario.name() + ".json");
        ScenarioRunner.write(report, file);
        OUT.println("Machine-readable report: " + root.relativize(file));
    }

    static void printEndpoints(LocalSuite suite, Path root) {
        OUT.println();
        OUT.println("The Takedown suite is running. Ctrl-C stops everything it started.");
        OUT.println();
        OUT.printf("  %-13s %-40s %s%n", "instance", "Swagger UI", "health");
        for (String name : suite.instanceNames()) {
            OUT.printf("  %-13s %-40s %s%n", name, suite.url(name) + "/q/swagger-ui", suite.url(name) + "/q/health");
        }
        OUT.printf("  %-13s amqp://localhost:%d  (address takedown.events, dead letters takedown.dlq)%n", "broker",
                suite.brokerPort());
        OUT.printf("  %-13s smtp://localhost:%d  (receives the letters; the delivery log is at notification's "
                + "/notifications)%n", "mail", suite.smtpPort());
        OUT.printf("  %-13s %s%n", "logs", root.relativize(suite.log("aws").getParent()));
        OUT.println();
        OUT.println("  Try the APIs with a development token:  ./takedown token admin");
        OUT.println();
    }

    private static void token(List<String> arguments) {
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("token needs a role (or several, comma-separated): admin, reviewer, "
                    + "reporter, customer, developer, provider");
        }
        String role = arguments.remove(0);
        String name = option(arguments, "--name", "dev-" + role.replace(',', '-'));
        String tenant = option(arguments, "--tenant", null);
        String provider = option(arguments, "--provider", null);
        OUT.println(Tokens.withClaims(name, tenant, provider, role.split(",")));
    }

    private static String option(List<String> arguments, String flag, String fallback) {
        int at = arguments.indexOf(flag);
        return at >= 0 && at + 1 < arguments.size() ? arguments.get(at + 1) : fallback;
    }

    /** The checkout this runs from: {@code -Dtakedown.root}, or the current directory. */
    static Path repositoryRoot() {
        return Path.of(System.getProperty("takedown.root", ".")).toAbsolutePath().normalize();
    }
}
