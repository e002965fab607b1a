package dev.mcpgateway.gateway.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fixed-concurrency closed-loop load: each worker (a platform thread with its own client, e.g. its own MCP session)
 * repeats one call; latencies are recorded per call.
 */
final class LoadRun {

    /** What a worker does once per iteration. */
    interface Call {
        void run() throws Exception;
    }

    /** Creates one worker's call (e.g. with its own MCP session). */
    interface CallFactory {
        Call create() throws Exception;
    }

    /** The workers of one target at one concurrency, kept across warm-up and measured rounds. */
    static final class Workers {

        private final List<Call> calls = new ArrayList<>();

        Workers(CallFactory factory, int concurrency) throws Exception {
            for (int i = 0; i < concurrency; i++) {
                calls.add(factory.create());
            }
        }

        int concurrency() {
            return calls.size();
        }

        /** Runs {@code perWorker} calls on every worker; the latencies in nanoseconds, or null when not recorded. */
        long[] run(int perWorker, boolean record) throws Exception {
            long[][] latencies = record ? new long[calls.size()][perWorker] : null;
            try (ExecutorService workers = Executors.newFixedThreadPool(calls.size())) {
                List<Future<?>> futures = new ArrayList<>();
                for (int w = 0; w < calls.size(); w++) {
                    int worker = w;
                    futures.add(workers.submit(() -> {
                        for (int i = 0; i < perWorker; i++) {
                            long t0 = System.nanoTime();
                            calls.get(worker).run();
                            if (latencies != null) {
                                latencies[worker][i] = System.nanoTime() - t0;
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            }
            return latencies == null ? null : Arrays.stream(latencies).flatMapToLong(Arrays::stream).toArray();
        }
    }

    static double percentileMillis(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
