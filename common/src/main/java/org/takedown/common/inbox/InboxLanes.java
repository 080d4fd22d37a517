package org.takedown.common.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.takedown.common.config.TakedownConfig;

/**
 * Applies events in parallel lanes, chosen by the event's subject, so that the events about one party are applied in
 * the order they arrived while events about different parties do not wait for each other. A consumer that applied one
 * event at a time was bound by the round trips and the commit of each, not by the CPU (docs/benchmarks.md).
 * <p>
 * Events taken but not yet applied are bounded ({@code takedown.inbox.max-in-flight}): when that many are waiting,
 * {@link #submit} answers with a stage that completes only when one has finished, which is how the messaging layer
 * is held back from taking more from the broker. Unacknowledged events stay on the broker's queue until applied, so
 * nothing is lost when the service stops with events in a lane.
 */
@ApplicationScoped
public class InboxLanes {

    private final List<ExecutorService> lanes;
    private final int maxInFlight;
    private int inFlight;
    private CompletableFuture<Void> room;

    @Inject
    public InboxLanes(TakedownConfig config) {
        this(config.inbox().lanes(), config.inbox().maxInFlight());
    }

    InboxLanes(int count, int maxInFlight) {
        this.maxInFlight = Math.max(count, maxInFlight);
        this.lanes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = "inbox-lane-" + (i + 1);
            lanes.add(Executors.newSingleThreadExecutor(r -> new Thread(r, name)));
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        lanes.forEach(ExecutorService::shutdown);
        for (ExecutorService lane : lanes) {
            lane.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Runs the task in the lane of the subject, after every task already given for that lane. The stage completes
     * when there is room for the next event, not when this task has run.
     */
    public CompletionStage<Void> submit(String subject, Runnable task) {
        ExecutorService lane = lanes.get(Math.floorMod(subject == null ? 0 : subject.hashCode(), lanes.size()));
        synchronized (this) {
            inFlight++;
        }
        lane.execute(() -> {
            try {
                task.run();
            } finally {
                finished();
            }
        });
        synchronized (this) {
            if (inFlight < maxInFlight) {
                return CompletableFuture.completedFuture(null);
            }
            room = new CompletableFuture<>();
            return room;
        }
    }

    private void finished() {
        CompletableFuture<Void> waiting = null;
        synchronized (this) {
            inFlight--;
            if (room != null && inFlight < maxInFlight) {
                waiting = room;
                room = null;
            }
        }
        if (waiting != null) {
            waiting.complete(null);
        }
    }
}
