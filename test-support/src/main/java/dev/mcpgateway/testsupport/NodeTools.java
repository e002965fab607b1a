package dev.mcpgateway.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The pinned npm peers under {@code tools/node} (installed by the test-support build on a fresh checkout):
 * runs a Node 22 script against them with a bounded run time.
 */
public final class NodeTools {

    private NodeTools() {
    }

    /** The repository root, found by walking up from the working directory to the parent pom's folder. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("tools/node")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("not inside the gateway repository: no tools/node above " + Path.of("").toAbsolutePath());
    }

    /** {@code tools/node}, where package.json pins the test peers. */
    public static Path nodeProject() {
        return repositoryRoot().resolve("tools/node");
    }

    /** The node_modules folder of the test peers. */
    public static Path nodeModules() {
        Path modules = nodeProject().resolve("node_modules");
        if (!Files.isDirectory(modules)) {
            throw new IllegalStateException("npm test peers are not installed: run `npm ci` in " + nodeProject());
        }
        return modules;
    }

    /** The Node 22 binary from the {@code node} npm package (the machine's own node is 20). */
    public static Path node22() {
        Path node = nodeModules().resolve(".bin/node");
        if (!Files.isExecutable(node)) {
            throw new IllegalStateException("Node 22 is missing from " + nodeModules());
        }
        return node;
    }

    /**
     * Runs {@code node22 script args...} with the test peers' node_modules resolvable, waits at most {@code timeout},
     * and returns what it printed. A script that outlives the timeout is killed and reported as such.
     */
    public static Result run(Path script, List<String> args, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(node22().toString());
        command.add(script.toString());
        command.addAll(args);
        return exec(command, env, timeout);
    }

    /**
     * Runs a script kept as a classpath resource of {@code owner}, copied into the npm project first (ESM resolves
     * packages next to the script) and removed afterwards.
     */
    public static Result runResource(Class<?> owner, String resource, List<String> args, Duration timeout)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile(nodeProject(), ".script-", ".mjs");
        try (var in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no resource " + resource + " next to " + owner.getName());
            }
            Files.write(script, in.readAllBytes());
            return run(script, args, Map.of(), timeout);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** Runs a command from the test peers' {@code node_modules/.bin} (e.g. {@code conformance}) under Node 22. */
    public static Result runBin(String bin, List<String> args, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(node22().toString());
        command.add(nodeModules().resolve(".bin").resolve(bin).toRealPath().toString());
        command.addAll(args);
        return exec(command, env, timeout);
    }

    private static Result exec(List<String> command, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("node-run", ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(nodeProject().toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("NODE_PATH", nodeModules().toString());
        // helpers shared by the test scripts of several modules (tools/node/lib)
        builder.environment().put("NODE_TEST_LIB", nodeProject().resolve("lib").toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            return new Result(finished ? process.exitValue() : -1, finished, text);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** What a Node run printed (stdout and stderr interleaved) and how it ended. */
    public record Result(int exitCode, boolean finished, String output) {
        public boolean succeeded() {
            return finished && exitCode == 0;
        }

        /**
         * What the script reported on its last line starting with {@code RESULT } (the convention of the test
         * scripts: one JSON document there); fails with the whole output when the run failed or printed none.
         */
        public String resultLine() {
            String prefix = "RESULT ";
            return output.lines().filter(l -> l.startsWith(prefix)).reduce((a, b) -> b)
                    .filter(l -> succeeded())
                    .map(l -> l.substring(prefix.length()))
                    .orElseThrow(() -> new IllegalStateException("the Node script failed or reported nothing:\n"
                            + output));
        }
    }
}
