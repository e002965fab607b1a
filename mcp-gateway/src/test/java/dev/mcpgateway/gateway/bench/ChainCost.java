package dev.mcpgateway.gateway.bench;

import dev.mcpgateway.testsupport.bench.CpuMeter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measured windows of {@link PolicyChainBenchmark} and what they say: per target its calls/s and the gateway's
 * CPU per call; per path the CPU the policies add, pooled over all rounds and round by round (each round measures
 * both sides back to back, so a round's difference is what load from elsewhere disturbs least). The gateway's JIT
 * compiler threads are left out of the added cost: they work off the warm-up, not the calls, and a few milliseconds
 * of compilation landing in one window would otherwise outweigh the policies.
 */
final class ChainCost {

    /** One side of one path: the calls without policies, or with those named by {@code policies}. */
    record Target(String path, String policies, LoadRun.Workers workers) {
    }

    /** One target's measured calls in one round. */
    record Window(long[] latencies, double seconds, CpuMeter.Used gateway, CpuMeter.Used testJvm) {

        double perSecond() {
            return latencies.length / seconds;
        }

        /** Gateway CPU per call without its JIT compiler threads. */
        double steadyPerCall() {
            return (double) (gateway.totalMicros() - gateway.jitMicros()) / latencies.length;
        }
    }

    private final List<Target> targets;
    private final Map<Target, Map<Integer, Window>> windows = new HashMap<>();

    ChainCost(List<Target> targets) {
        this.targets = targets;
    }

    void add(int round, Target target, Window window) {
        windows.computeIfAbsent(target, t -> new LinkedHashMap<>()).put(round, window);
    }

    /** The two markdown tables and the reading against the goal. */
    String report() {
        StringBuilder out = new StringBuilder("\n| path | policies | calls | calls/s (median round) | p50 ms "
                + "| gateway CPU µs/call (user + sys; JIT, GC/VM) | gateway CPU µs/call without JIT "
                + "| test JVM CPU µs/call (clients + backends) |\n|---|---|---|---|---|---|---|---|\n");
        for (Target target : targets) {
            Totals t = totals(target);
            out.append(String.format("| %s | %s | %d | %.0f | %.3f | %s | %.1f | %s |%n", target.path(),
                    target.policies(), t.calls, median(t.perSecond), t.p50Millis,
                    t.gateway.perCall(t.calls), steady(t.gateway, t.calls), t.testJvm.perCall(t.calls)));
        }
        out.append("\n| path | policies | gateway CPU µs/call without them | with them | **added µs/call** "
                + "| added per round: min / median / max | added: mean ± 2 SE of the rounds | added, JIT included "
                + "| calls/s with ÷ without |\n|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i + 1 < targets.size(); i += 2) {
            Target without = targets.get(i);
            Target with = targets.get(i + 1);
            Totals a = totals(without);
            Totals b = totals(with);
            double[] added = perRound(without, with);
            double[] sorted = added.clone();
            Arrays.sort(sorted);
            out.append(String.format("| %s | %s | %.1f | %.1f | **%+.1f** | %+.1f / %+.1f / %+.1f | %+.1f ± %.1f "
                            + "| %+.1f | %.3f |%n", with.path(), with.policies(), steady(a.gateway, a.calls),
                    steady(b.gateway, b.calls),
                    steady(b.gateway, b.calls) - steady(a.gateway, a.calls), sorted[0], median(added),
                    sorted[sorted.length - 1], mean(added), 2 * standardError(added),
                    (double) b.gateway.totalMicros() / b.calls - (double) a.gateway.totalMicros() / a.calls,
                    median(b.perSecond) / median(a.perSecond)));
        }
        return out.append('\n').toString();
    }

    /** Round by round: CPU per call with the chain minus without, JIT left out. */
    private double[] perRound(Target without, Target with) {
        List<Double> added = new ArrayList<>();
        windows.get(without).forEach((round, window) -> added.add(
                windows.get(with).get(round).steadyPerCall() - window.steadyPerCall()));
        return added.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private record Totals(long calls, double[] perSecond, double p50Millis, CpuMeter.Used gateway,
                          CpuMeter.Used testJvm) {
    }

    private Totals totals(Target target) {
        List<Window> all = List.copyOf(windows.get(target).values());
        long[] latencies = all.stream().flatMapToLong(w -> Arrays.stream(w.latencies())).sorted().toArray();
        return new Totals(latencies.length, all.stream().mapToDouble(Window::perSecond).toArray(),
                LoadRun.percentileMillis(latencies, 0.50),
                all.stream().map(Window::gateway).reduce(CpuMeter.Used::plus).orElseThrow(),
                all.stream().map(Window::testJvm).reduce(CpuMeter.Used::plus).orElseThrow());
    }

    private static double steady(CpuMeter.Used used, long calls) {
        return (double) (used.totalMicros() - used.jitMicros()) / calls;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double standardError(double[] values) {
        double mean = mean(values);
        double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (values.length - 1)) / Math.sqrt(values.length);
    }
}
