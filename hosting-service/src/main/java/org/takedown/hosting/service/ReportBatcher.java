package org.takedown.hosting.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.takedown.common.rest.ProblemException;
import org.takedown.hosting.config.HostingConfig;
import org.takedown.hosting.service.ReportService.Intake;
import org.takedown.hosting.service.ReportService.Outcome;
import org.takedown.hosting.service.ReportService.Submission;

/**
 * Group commit for report intake. A request hands its report to a writer thread and is answered when the writer has
 * filed it, without a thread waiting for it; each writer takes every report waiting at that moment, files them
 * together and answers each only after the commit, so a commit (and its WAL flush) is shared by all the reports it
 * holds. The reports on live cases go first, in one statement that commits on its own (one round trip); the others
 * in one transaction. If that transaction fails, each of its reports is filed again in a transaction of its own, so
 * that one failing report fails alone and changes nothing for the others. With group commit off, a writer files one
 * report at a time.
 */
@ApplicationScoped
public class ReportBatcher {

    private static final Logger LOG = Logger.getLogger(ReportBatcher.class);

    private record Waiting(Submission submission, CompletableFuture<Intake> answer) {
    }

    @Inject
    ReportService reports;

    @Inject
    HostingConfig config;

    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    void start(@Observes StartupEvent event) {
        running = true;
        for (int i = 0; i < config.reportIntake().writers(); i++) {
            Thread writer = new Thread(this::write, "report-writer-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    /** Files what is still waiting, then stops; the HTTP server has stopped taking requests by now. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        for (Thread writer : writers) {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        }
        List<Waiting> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            file(rest);
        }
    }

    /**
     * Files a checked report, together with the others waiting; the stage completes once it is committed, or with the
     * refusal or failure that answers it.
     */
    public CompletionStage<Intake> submit(Submission submission) {
        CompletableFuture<Intake> answer = new CompletableFuture<>();
        if (!running) {
            answer.completeExceptionally(new ProblemException(503, "Service Unavailable",
                    "This instance is stopping; send the report again", List.of()));
            return answer;
        }
        queue.add(new Waiting(submission, answer));
        return answer;
    }

    private void write() {
        List<Waiting> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Waiting first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch() - 1);
                file(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // never leave a request waiting: whatever file() could not answer fails
                LOG.error("The report writer failed", e);
                batch.forEach(w -> w.answer().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private int maxBatch() {
        return config.reportIntake().groupCommit() ? config.reportIntake().maxBatch() : 1;
    }

    private void file(List<Waiting> batch) {
        fileInTransaction(fileOnLiveCases(batch));
    }

    /**
     * Files what the one statement takes (reports on live cases) in a statement that commits on its own, and answers
     * those reports; returns the others. If the statement fails it changed nothing, and all are returned.
     */
    private List<Waiting> fileOnLiveCases(List<Waiting> batch) {
        List<Outcome> outcomes;
        try {
            outcomes = reports.fileOnLiveCasesAlone(batch.stream().map(Waiting::submission).toList());
        } catch (RuntimeException e) {
            LOG.debugf(e, "Filing %d reports on their live cases failed; filing them in a transaction", batch.size());
            return batch;
        }
        List<Waiting> rest = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes.get(i) == null) {
                rest.add(batch.get(i));
            } else {
                batch.get(i).answer().complete(outcomes.get(i).intake());
            }
        }
        return rest;
    }

    private void fileInTransaction(List<Waiting> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Outcome> outcomes;
        try {
            outcomes = QuarkusTransaction.requiringNew()
                    .call(() -> reports.fileLeftOver(batch.stream().map(Waiting::submission).toList()));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).answer().completeExceptionally(e);
            } else {
                LOG.debugf(e, "A batch of %d reports failed; filing each on its own", batch.size());
                batch.forEach(waiting -> fileInTransaction(List.of(waiting)));
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Outcome outcome = outcomes.get(i);
            if (outcome.refusal() != null) {
                batch.get(i).answer().completeExceptionally(outcome.refusal());
            } else {
                batch.get(i).answer().complete(outcome.intake());
            }
        }
    }
}
