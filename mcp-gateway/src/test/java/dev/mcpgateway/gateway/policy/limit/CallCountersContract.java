package dev.mcpgateway.gateway.policy.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.testsupport.ManualClock;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CallCounters} must do, whatever holds the counts. Subclasses provide the instances: one shared
 * instance in memory; for Redis, independent instances with their own connections, standing for gateway instances.
 */
abstract class CallCountersContract {

    final ManualClock clock = new ManualClock("2026-03-10T12:00:15Z");

    /** {@code count} counters that share their counts (in Redis: each with its own connection). */
    abstract List<CallCounters> instances(Clock clock, int count);

    CallCounters counters() {
        return instances(clock, 1).getFirst();
    }

    static Charge calls(long limit, long amount) {
        return new Charge("calls", Window.of(60), limit, amount);
    }

    @Test
    void admitsUpToTheLimitThenRefusesUntilTheWindowRenews() {
        CallCounters counters = counters();
        assertTrue(counters.admit("k", List.of(calls(2, 1))).admitted());
        Tally second = counters.admit("k", List.of(calls(2, 1)));

        Tally third = counters.admit("k", List.of(calls(2, 1)));

        assertEquals(new Tally(true, List.of(new Tally.Count(2, 45L))), second);
        assertEquals(new Tally(false, List.of(new Tally.Count(2, 45L))), third);
        clock.set("2026-03-10T12:01:00Z");
        assertEquals(new Tally(true, List.of(new Tally.Count(1, 60L))), counters.admit("k", List.of(calls(2, 1))));
    }

    @Test
    void anAmountLargerThanWhatIsLeftIsRefusedAndAddsNothing() {
        CallCounters counters = counters();
        counters.admit("k", List.of(calls(5, 3)));

        assertFalse(counters.admit("k", List.of(calls(5, 3))).admitted());
        assertTrue(counters.admit("k", List.of(calls(5, 2))).admitted());
    }

    @Test
    void aChargeOfNothingOnlyChecksThatTheCounterIsNotSpent() {
        CallCounters counters = counters();
        assertTrue(counters.admit("k", List.of(calls(2, 0))).admitted());
        assertTrue(counters.admit("k", List.of(calls(2, 0))).admitted());
        counters.add("k", calls(2, 2));

        Tally spent = counters.admit("k", List.of(calls(2, 0)));

        assertEquals(new Tally(false, List.of(new Tally.Count(2, 45L))), spent);
    }

    @Test
    void addingCountsPastTheLimit() {
        CallCounters counters = counters();
        counters.add("k", calls(2, 7));

        assertEquals(7, counters.admit("k", List.of(calls(2, 0))).counts().getFirst().used());
    }

    @Test
    void aCallIsCountedOnAllItsCountersOrOnNone() {
        CallCounters counters = counters();
        Charge bandwidth = new Charge("bandwidth", Window.of(60), 1024, 0);
        counters.add("k", bandwidth.withAmount(1024));

        Tally refused = counters.admit("k", List.of(calls(10, 1), bandwidth));

        assertEquals(new Tally(false, List.of(new Tally.Count(0, 45L), new Tally.Count(1024, 45L))), refused);
    }

    @Test
    void eachKeyMeasureAndPeriodHasItsOwnCounter() {
        CallCounters counters = counters();
        counters.admit("k", List.of(calls(1, 1)));

        assertTrue(counters.admit("other", List.of(calls(1, 1))).admitted());
        assertTrue(counters.admit("k", List.of(new Charge("bandwidth", Window.of(60), 1, 1))).admitted());
        assertTrue(counters.admit("k", List.of(new Charge("calls", Window.of(120), 1, 1))).admitted());
    }

    @Test
    void windowsCountFromTheirOrigin() {
        CallCounters counters = counters();
        Charge shifted = new Charge("calls", new Window(Instant.parse("2026-03-10T11:59:50Z"), 60), 1, 1);
        counters.admit("k", List.of(shifted));

        assertEquals(35L, counters.admit("k", List.of(shifted)).counts().getFirst().secondsLeft());
        clock.set("2026-03-10T12:00:50Z");
        assertTrue(counters.admit("k", List.of(shifted)).admitted());
    }

    @Test
    void aWindowWithoutEndNeverRenews() {
        CallCounters counters = counters();
        Charge forever = new Charge("calls", new Window(Instant.EPOCH, 0), 1, 1);
        counters.admit("k", List.of(forever));
        clock.set("2036-03-10T12:00:00Z");

        Tally refused = counters.admit("k", List.of(forever));

        assertEquals(new Tally(false, List.of(new Tally.Count(1, null))), refused);
    }

    @Test
    void concurrentCallsOnTwoInstancesPassTheLimitExactlyAndNoMore() throws Exception {
        List<CallCounters> pair = instances(clock, 2);
        int callers = 40;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                CallCounters counters = pair.get(i % 2);
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return counters.admit("shared", List.of(calls(10, 1))).admitted();
                }));
            }
            start.countDown();
            int admitted = 0;
            for (Future<Boolean> outcome : outcomes) {
                admitted += outcome.get() ? 1 : 0;
            }

            assertEquals(10, admitted);
            assertFalse(pair.get(0).admit("shared", List.of(calls(10, 1))).admitted(), "the 11th call");
        } finally {
            pool.shutdownNow();
        }
    }
}
