package dev.mcpgateway.testsupport.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process (and its children) spends over a measured window, per call, with the share of its JIT compiler
 * threads and of its GC / VM threads (JVMs only, by thread name from /proc/PID/task): a JVM still compiling, or
 * collecting a too small heap, shows there and not as slower request handling.
 */
public final class CpuMeter {

    private final ProcessHandle process;
    private Used start;

    private CpuMeter(ProcessHandle process) {
        this.process = process;
    }

    /** Starts counting now. */
    public static CpuMeter start(ProcessHandle process) {
        CpuMeter meter = new CpuMeter(process);
        meter.start = meter.now();
        return meter;
    }

    /** CPU used since the start. */
    public Used used() {
        Used now = now();
        return new Used(now.userMicros - start.userMicros, now.systemMicros - start.systemMicros,
                now.jitMicros - start.jitMicros, now.gcMicros - start.gcMicros);
    }

    private Used now() {
        long[] total = BenchMachine.cpuMicros(process);
        long jit = 0;
        long gc = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long micros = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000;
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        jit += micros;
                    } else if (name.startsWith("VM Thread") || name.startsWith("GC Thread") || name.startsWith("G1 ")
                            || name.startsWith("VM Periodic")) {
                        gc += micros;
                    }
                } catch (IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process ended
        }
        return new Used(total[0], total[1], jit, gc);
    }

    /** CPU used over a window, in microseconds: user and system in all, and the JIT's and GC/VM threads' part of it. */
    public record Used(long userMicros, long systemMicros, long jitMicros, long gcMicros) {

        public long totalMicros() {
            return userMicros + systemMicros;
        }

        public Used plus(Used other) {
            return new Used(userMicros + other.userMicros, systemMicros + other.systemMicros,
                    jitMicros + other.jitMicros, gcMicros + other.gcMicros);
        }

        /** "123 (100 user + 23 sys; JIT 5, GC/VM 2)" µs per call. */
        public String perCall(long calls) {
            if (calls <= 0) {
                return "n/a";
            }
            return String.format("%d (%d user + %d sys; JIT %d, GC/VM %d)", Math.round((double) totalMicros() / calls),
                    Math.round((double) userMicros / calls), Math.round((double) systemMicros / calls),
                    Math.round((double) jitMicros / calls), Math.round((double) gcMicros / calls));
        }
    }
}
