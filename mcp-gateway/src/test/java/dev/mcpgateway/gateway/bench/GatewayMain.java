package dev.mcpgateway.gateway.bench;

import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The gateway alone in its own JVM for the benchmark, so its CPU time, heap and threads are its own and the load
 * generator does not share its JIT, GC or safepoints. Args: the data directory, then {@code key=value} properties.
 * Prints {@code READY <port> <event-loop threads>} once it listens.
 */
public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String[] args) {
        Map<String, Object> properties = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            properties.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        GatewayFixture gateway = GatewayFixture.start(Path.of(args[0]), properties);
        long loops = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().contains("EventLoop") || t.getName().contains("eventLoop")).count();
        System.out.println("READY " + gateway.uri("/").getPort() + " " + loops);
        System.out.flush();
    }
}
