package dev.mcpgateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcpgateway.openapi.http.BackendTarget;
import dev.mcpgateway.openapi.http.InvalidArgumentsException;
import dev.mcpgateway.openapi.parse.SpecReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Parse + convert time and memory for a ~10 MB spec of thousands of operations, and the per-call cost of
 * validating and building a request. A measurement, not a test: run with {@code -Pbench}; figures are printed and
 * written to target/benchmarks-openapi.md.
 */
@Tag("bench")
class ImportBenchmark {

    private static final int RESOURCES = 2_800;
    private static final int RUNS = 3;
    private static final int CALLS = 200_000;

    @Test
    void largeSpecImportAndPerCallRequestBuilding() throws IOException, InvalidArgumentsException {
        double loadBefore = loadAverage();
        String spec = LargeSpecs.generate(RESOURCES);
        double megabytes = spec.getBytes(StandardCharsets.UTF_8).length / 1024.0 / 1024.0;
        OpenApiImporter importer = new OpenApiImporter();
        importer.importSpec(SpecSource.inline(spec), ImportOptions.defaults());

        List<Long> parseMillis = new ArrayList<>();
        List<Long> parseCpuMillis = new ArrayList<>();
        List<Long> importMillis = new ArrayList<>();
        List<Long> importCpuMillis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            new SpecReader(dev.mcpgateway.openapi.LocalFiles.ANYWHERE).read(SpecSource.inline(spec), false);
            parseMillis.add((System.nanoTime() - t0) / 1_000_000);
            parseCpuMillis.add((cpuNanos() - c0) / 1_000_000);
        }
        resetPeaks();
        long before = usedHeapAfterGc();
        ImportResult result = null;
        for (int i = 0; i < RUNS; i++) {
            result = null;
            long c0 = cpuNanos();
            long t0 = System.nanoTime();
            result = importer.importSpec(SpecSource.inline(spec), ImportOptions.defaults());
            importMillis.add((System.nanoTime() - t0) / 1_000_000);
            importCpuMillis.add((cpuNanos() - c0) / 1_000_000);
        }
        long peak = peakHeap();
        long retained = usedHeapAfterGc() - before;
        assertEquals(RESOURCES * 5, result.tools().size());

        ToolDefinition create = result.tool("createResource7").orElseThrow();
        Map<String, Object> arguments = Map.of("tenantId", "acme", "name", "widget", "status", "active",
                "tags", List.of("a", "b"), "size", 3, "owner", Map.of("id", "u1"));
        BackendTarget target = BackendTarget.specDefaults();
        for (int i = 0; i < CALLS / 10; i++) {
            create.buildRequest(arguments, target);
        }
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        for (int i = 0; i < CALLS; i++) {
            create.buildRequest(arguments, target);
        }
        double microsPerCall = (System.nanoTime() - t0) / 1_000.0 / CALLS;
        double cpuMicrosPerCall = (cpuNanos() - c0) / 1_000.0 / CALLS;

        String report = """
                | figure | value |
                |---|---|
                | spec size | %.1f MB, %d operations, %d component schemas |
                | parse only (Swagger Parser + JSON tree), median of %d | %d ms wall, %d ms CPU |
                | parse + convert to tools (import), median of %d | %d ms wall, %d ms CPU |
                | heap retained by the import result | %d MB (%.1f KB per tool) |
                | peak heap during %d imports | %d MB |
                | validate + build one request (createResource7, JSON body) | %.1f µs wall, %.1f µs CPU |
                | JVM | %s, %d cores available |
                | machine load (1-minute average) before / after | %.2f / %.2f |
                """.formatted(megabytes, RESOURCES * 5, RESOURCES + 3, RUNS, median(parseMillis),
                median(parseCpuMillis), RUNS, median(importMillis), median(importCpuMillis), retained / 1024 / 1024,
                retained / 1024.0 / result.tools().size(), RUNS,
                peak / 1024 / 1024, microsPerCall, cpuMicrosPerCall,
                Runtime.version(), Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage());
        System.out.println(report);
        Files.writeString(Path.of("target/benchmarks-openapi.md"), report);
    }

    /** The neighbours' share of the machine: wall times are only comparable between runs at similar load. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** CPU time of this thread: on a shared machine wall time mostly measures the neighbours. */
    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
