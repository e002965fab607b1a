package dev.mcpgateway.gateway.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Fixed-concurrency closed-loop load: each worker repeats one call; latencies are recorded per call. */
final class LoadRun {

    /** What a worker does once per iteration. */
    interface Call {
        void run() throws Exception;
    }

    /** Creates one worker's call (e.g. with its own MCP session). */
    interface CallFactory {
        Call create() throws Exception;
    }

    record Figures(String name, int concurrency, int calls, double p50Millis, double p99Millis, double perSecond) {
        String row() {
            return String.format("| %s | %d | %d | %.3f | %.3f | %.0f |", name, concurrency, calls, p50Millis,
                    p99Millis, perSecond);
        }
    }

    static Figures measure(String name, CallFactory factory, int concurrency, int warmupPerWorker,
                           int callsPerWorker) throws Exception {
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            calls.add(factory.create());
        }
        runAll(calls, warmupPerWorker, null);
        long[][] latencies = new long[concurrency][callsPerWorker];
        long start = System.nanoTime();
        runAll(calls, callsPerWorker, latencies);
        long elapsed = System.nanoTime() - start;
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Figures(name, concurrency, all.length, percentile(all, 0.50), percentile(all, 0.99),
                all.length / (elapsed / 1e9));
    }

    private static void runAll(List<Call> calls, int iterations, long[][] latencies) throws Exception {
        try (ExecutorService workers = Executors.newFixedThreadPool(calls.size())) {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < calls.size(); w++) {
                int worker = w;
                futures.add(workers.submit(() -> {
                    for (int i = 0; i < iterations; i++) {
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
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
