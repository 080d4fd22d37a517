package org.takedown.suite.scenario;

import java.io.PrintStream;

/** The summary a journalist or a regulator can follow: who acted on which ground, who cited whom, how fast, who was told. */
final class TimelinePrinter {

    private final PrintStream out;

    TimelinePrinter(PrintStream out) {
        this.out = out;
    }

    void print(ScenarioReport report) {
        out.println();
        out.println("== Decisions");
        for (ScenarioReport.Decision d : report.decisions()) {
            out.printf("  %-7s %-16s %s on %s (%s), clauses %s, %d evidence items, decided by %s at %s%n",
                    d.provider(), d.action(), d.party(), d.ground(), d.groundReference(), d.clauses(),
                    d.evidenceCount(), d.decidedBy(), d.decidedAt());
        }
        out.println();
        out.println("== Who cited whom (basedOn)");
        report.decisions().stream().filter(d -> !d.basedOn().isEmpty()).forEach(d -> out.printf(
                "  %s's %s %s  ->  %s%n", d.provider(), d.action(), shortId(d.decisionId()),
                d.basedOn().stream().map(TimelinePrinter::shortId).toList()));
        out.println();
        out.println("== Peers' opinions of the host's decisions");
        if (report.peerOpinions().isEmpty()) {
            out.println("  (none received)");
        }
        report.peerOpinions().forEach(o -> out.printf("  %-7s %-22s on %s: %s%n", o.peer(), o.opinion(),
                shortId(o.decisionId()), o.rationale()));
        out.println();
        out.println("== Propagation (decision committed -> independent review opened)");
        report.propagation().forEach(p -> out.printf("  %s -> %-7s %6d ms  (%s)%n", p.from(), p.to(), p.millis(),
                shortId(p.decisionId())));
        out.println();
        out.println("== Notifications (" + report.notifications().size() + ")");
        report.notifications().forEach(n -> out.printf("  %-9s %-8s %-36s %-35s %s%n", n.status(), n.channel(),
                n.recipient(), n.eventType().replace("org.takedown.", ""), n.subject()));
        out.println();
        out.println("== Where things stand");
        report.finalStatus().forEach((who, status) -> out.printf("  %-28s %s%n", who, status));
        out.println();
    }

    private static String shortId(String id) {
        return id == null ? "-" : id.substring(0, Math.min(8, id.length()));
    }
}
