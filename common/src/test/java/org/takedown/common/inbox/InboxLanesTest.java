package org.takedown.common.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InboxLanesTest {

    InboxLanes<Runnable> lanes;

    @AfterEach
    void stop() throws InterruptedException {
        if (lanes != null) {
            lanes.stop();
        }
    }

    @Test
    void eventsAboutOneSubjectAreAppliedInArrivalOrder() throws InterruptedException {
        lanes = running(4, 1000);
        assertEquals(IntStream.range(0, 200).boxed().toList(), applyInTurn("Parler LLC", 200));
    }

    @Test
    void aSlowSubjectDoesNotHoldBackTheOthers() throws InterruptedException {
        lanes = running(4, 1000);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch othersDone = new CountDownLatch(1);
        String slow = "Parler LLC";
        lanes.submit(slow, () -> await(release));
        // a subject in another lane than the blocked one
        String other = IntStream.range(0, 100).mapToObj(i -> "Customer " + i)
                .filter(s -> Math.floorMod(s.hashCode(), 4) != Math.floorMod(slow.hashCode(), 4))
                .findFirst().orElseThrow();
        lanes.submit(other, othersDone::countDown);

        assertTrue(othersDone.await(10, TimeUnit.SECONDS), "the other lane went on while the first was blocked");
        release.countDown();
    }

    @Test
    void whenFullTheNextEventWaitsUntilOneIsApplied() throws InterruptedException {
        lanes = running(2, 3);
        CountDownLatch release = new CountDownLatch(1);
        CompletionStage<Void> first = lanes.submit("a", () -> await(release));
        CompletionStage<Void> second = lanes.submit("a", () -> { });
        CompletionStage<Void> third = lanes.submit("a", () -> { });

        assertTrue(first.toCompletableFuture().isDone());
        assertTrue(second.toCompletableFuture().isDone());
        assertFalse(third.toCompletableFuture().isDone(), "three in flight: no room for a fourth yet");

        release.countDown();
        third.toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Test
    void eventsWithoutASubjectShareTheFirstLane() throws InterruptedException {
        lanes = running(3, 1000);
        assertEquals(IntStream.range(0, 50).boxed().toList(), applyInTurn(null, 50));
    }

    @Test
    void aBacklogIsHandedOverInBatchesInArrivalOrderAndNoLargerThanTheLimit() throws InterruptedException {
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(41);
        InboxLanes<Integer> batching = new InboxLanes<>(2, 1000, 16, batch -> {
            if (batch.contains(0)) {
                holding.countDown();
                await(release);
            }
            batches.add(List.copyOf(batch));
            batch.forEach(n -> done.countDown());
        });
        try {
            batching.submit("Parler LLC", 0);
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            for (int i = 1; i <= 40; i++) {
                batching.submit("Parler LLC", i);
            }
            release.countDown();
            assertTrue(done.await(10, TimeUnit.SECONDS));
            // event 0 held the lane while the other forty queued behind it
            assertEquals(List.of(List.of(0), IntStream.rangeClosed(1, 16).boxed().toList(),
                    IntStream.rangeClosed(17, 32).boxed().toList(), IntStream.rangeClosed(33, 40).boxed().toList()),
                    batches);
        } finally {
            batching.stop();
        }
    }

    /** Lanes that run each event, a task, on its own. */
    private static InboxLanes<Runnable> running(int count, int maxInFlight) {
        return new InboxLanes<>(count, maxInFlight, 1, batch -> batch.forEach(Runnable::run));
    }

    /** Submits events 0..count-1 about one subject and returns the order in which they were applied. */
    private List<Integer> applyInTurn(String subject, int count) throws InterruptedException {
        List<Integer> applied = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            int n = i;
            lanes.submit(subject, () -> {
                applied.add(n);
                done.countDown();
            });
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        return applied;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
