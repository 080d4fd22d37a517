package org.takedown.common.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Applies events in parallel lanes, chosen by the event's subject, so that the events about one party are applied in
 * the order they arrived while events about different parties do not wait for each other. A consumer that applied one
 * event at a time was bound by the round trips and the commit of each, not by the CPU (docs/benchmarks.md).
 * <p>
 * A lane hands over everything waiting in it at once, up to {@code maxBatch} events in arrival order, so that a
 * backlog is applied in one transaction per batch instead of one per event; a lane that keeps up gets batches of
 * one, and no event ever waits for a batch to fill.
 * <p>
 * Events taken but not yet applied are bounded ({@code takedown.inbox.max-in-flight}): when that many are waiting,
 * {@link #submit} answers with a stage that completes only when one has finished, which is how the messaging layer
 * is held back from taking more from the broker. Unacknowledged events stay on the broker's queue until applied, so
 * nothing is lost when the service stops with events in a lane.
 *
 * @param <T> what a lane applies, such as a message and its body
 */
public class InboxLanes<T> {

    private final List<Lane> lanes;
    private final int maxInFlight;
    private final int maxBatch;
    private final Consumer<List<T>> apply;
    private int inFlight;
    private CompletableFuture<Void> room;

    /** {@code apply} gets each batch in arrival order and must not throw: it settles every event itself. */
    public InboxLanes(int count, int maxInFlight, int maxBatch, Consumer<List<T>> apply) {
        this.maxInFlight = Math.max(count, maxInFlight);
        this.maxBatch = Math.max(1, maxBatch);
        this.apply = apply;
        this.lanes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lanes.add(new Lane("inbox-lane-" + (i + 1)));
        }
    }

    public void stop() throws InterruptedException {
        lanes.forEach(lane -> lane.thread.shutdown());
        for (Lane lane : lanes) {
            lane.thread.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Queues the event in the lane of the subject, after every event already given to that lane. The stage completes
     * when there is room for the next event, not when this one has been applied.
     */
    public CompletionStage<Void> submit(String subject, T event) {
        Lane lane = lanes.get(Math.floorMod(subject == null ? 0 : subject.hashCode(), lanes.size()));
        synchronized (this) {
            inFlight++;
        }
        lane.waiting.add(event);
        lane.thread.execute(lane::applyWaiting);
        synchronized (this) {
            if (inFlight < maxInFlight) {
                return CompletableFuture.completedFuture(null);
            }
            room = new CompletableFuture<>();
            return room;
        }
    }

    /** Events taken and not yet applied, over all lanes. */
    public synchronized int inFlight() {
        return inFlight;
    }

    private void finished(int count) {
        CompletableFuture<Void> waiting = null;
        synchronized (this) {
            inFlight -= count;
            if (room != null && inFlight < maxInFlight) {
                waiting = room;
                room = null;
            }
        }
        if (waiting != null) {
            waiting.complete(null);
        }
    }

    private final class Lane {
        final ConcurrentLinkedQueue<T> waiting = new ConcurrentLinkedQueue<>();
        final ExecutorService thread;

        Lane(String name) {
            thread = Executors.newSingleThreadExecutor(r -> new Thread(r, name));
        }

        /**
         * Runs once per submitted event on the lane's one thread; a run that finds the queue emptied by an earlier
         * batch has nothing to do.
         */
        void applyWaiting() {
            List<T> batch = new ArrayList<>();
            for (T next; batch.size() < maxBatch && (next = waiting.poll()) != null; ) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                return;
            }
            try {
                apply.accept(batch);
            } finally {
                finished(batch.size());
            }
        }
    }
}
