package dev.mcpgateway.testsupport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a benchmark run must print about the machine it ran on, so that two runs can be compared at all: the cores the
 * JVMs see, the CPU model, the load average before and after, and the share of CPU time the hypervisor took (steal)
 * and other processes used while the run lasted. Linux only ({@code /proc}); elsewhere the fields say "unknown".
 */
public final class BenchMachine {

    private final String loadBefore = loadAverage();
    private final long[] cpuBefore = cpuJiffies();

    /** Starts watching the machine: call before the first server starts. */
    public static BenchMachine watch() {
        return new BenchMachine();
    }

    /** The machine line: cores, CPU model, JVM, load average before and now, steal and idle since {@link #watch}. */
    public String report() {
        long[] after = cpuJiffies();
        String shares = "unknown";
        if (cpuBefore != null && after != null) {
            long total = 0;
            for (int i = 0; i < after.length; i++) {
                total += after[i] - cpuBefore[i];
            }
            // /proc/stat cpu columns: user nice system idle iowait irq softirq steal ...
            shares = total <= 0 ? "unknown" : String.format("steal %.1f%%, idle %.1f%% of all cores",
                    100.0 * (after[7] - cpuBefore[7]) / total, 100.0 * (after[3] - cpuBefore[3]) / total);
        }
        return String.format("- machine: %d cores seen by the JVM (%s), %s; Java %s%n"
                        + "- load average before: %s; after: %s; during the run: %s%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("os.name"),
                Runtime.version(), loadBefore, loadAverage(), shares);
    }

    /** The 1, 5 and 15-minute load averages. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** {user, system} CPU time of a process and its descendants, in microseconds (from /proc/PID/stat). */
    public static long[] cpuMicros(ProcessHandle process) {
        long user = 0;
        long system = 0;
        for (ProcessHandle p : java.util.stream.Stream.concat(java.util.stream.Stream.of(process),
                process.descendants()).toList()) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                user += Long.parseLong(fields[11]);
                system += Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                // a child that ended meanwhile
            }
        }
        return new long[] {user * 10_000, system * 10_000}; // USER_HZ is 100 on Linux
    }

    /**
     * Pins every thread of a process (and its children) to the given CPUs with {@code taskset}, e.g. the load
     * generator to "0" and the server under test to "1", so that they stop trading cores with each other. Returns what
     * was done, for the report; nothing happens where taskset is missing.
     */
    public static String pin(ProcessHandle process, String cpus) {
        List<ProcessHandle> all = java.util.stream.Stream.concat(java.util.stream.Stream.of(process),
                process.descendants()).toList();
        for (ProcessHandle p : all) {
            try {
                Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(p.pid()))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!taskset.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || taskset.exitValue() != 0) {
                    return "not pinned (taskset failed)";
                }
            } catch (IOException e) {
                return "not pinned (no taskset)";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "not pinned (interrupted)";
            }
        }
        return "pinned to CPU " + cpus;
    }

    /** Resident set size of a process, e.g. "187 MB". */
    public static String rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return (Long.parseLong(line.replaceAll("\\D", "")) / 1024) + " MB";
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return "unknown";
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String line : lines) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown CPU";
    }

    private static long[] cpuJiffies() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).getFirst();
            String[] fields = first.trim().split("\\s+");
            long[] values = new long[8];
            for (int i = 0; i < 8; i++) {
                values[i] = Long.parseLong(fields[i + 1]);
            }
            return values;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
