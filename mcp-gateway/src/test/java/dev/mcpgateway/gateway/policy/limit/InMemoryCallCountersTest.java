package dev.mcpgateway.gateway.policy.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The contract on one in-memory instance (a gateway instance counting alone), and its exactness under load. */
class InMemoryCallCountersTest extends CallCountersContract {

    @Override
    List<CallCounters> instances(Clock clock, int count) {
        return Collections.nCopies(count, new InMemoryCallCounters(clock));
    }

    @Test
    void manyThreadsOnManyKeysEachPassTheirLimitExactly() {
        CallCounters counters = counters();
        AtomicInteger admitted = new AtomicInteger();

        IntStream.range(0, 20_000).parallel().forEach(i -> {
            if (counters.admit("key-" + i % 8, List.of(calls(1000, 1))).admitted()) {
                admitted.incrementAndGet();
            }
        });

        assertEquals(8 * 1000, admitted.get());
    }

    @Test
    void neverBlocks() {
        assertFalse(counters().mayBlock());
    }
}
