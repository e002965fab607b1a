package dev.mcpgateway.llm.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;

/** The proxy alone in its own JVM for the benchmark (so its RSS is its own): args are {@code key=value} properties. */
public final class ProxyMain {

    private ProxyMain() {
    }

    public static void main(String[] args) {
        Map<String, Object> properties = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            properties.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        ApplicationContext context = ApplicationContext.builder().properties(properties).start();
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        server.start();
        System.out.println("READY " + server.getPort());
        System.out.flush();
    }
}
