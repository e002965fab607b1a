package dev.mcpgateway.llm.bench;

import dev.mcpgateway.auth.backend.ApiKeyCredential;
import dev.mcpgateway.auth.backend.Secret;
import dev.mcpgateway.llm.backend.Backend;
import dev.mcpgateway.llm.backend.BackendRegistry;
import dev.mcpgateway.llm.backend.BackendType;
import dev.mcpgateway.llm.consumer.ConsumerDirectory;
import dev.mcpgateway.llm.consumer.Subscription;
import dev.mcpgateway.llm.route.RouteTable;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The proxy alone in its own JVM for the benchmark (so its RSS is its own): args are {@code key=value} properties,
 * except {@code bench.backend-url} (an OpenAI-compatible backend serving {@code gpt-4o}) and {@code bench.key} (the
 * subscription key callers use), put into the registries before the server starts.
 */
public final class ProxyMain {

    static final String BACKEND_URL = "bench.backend-url";
    static final String KEY = "bench.key";

    private ProxyMain() {
    }

    public static void main(String[] args) {
        Map<String, Object> properties = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            properties.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        String backendUrl = (String) properties.remove(BACKEND_URL);
        String key = (String) properties.remove(KEY);
        ApplicationContext context = ApplicationContext.builder().properties(properties).start();
        context.getBean(BackendRegistry.class).put(new Backend("fast", URI.create(backendUrl), BackendType.OPENAI,
                new ApiKeyCredential(ApiKeyCredential.Location.HEADER, "api-key", Secret.of("bench-upstream-key")),
                null, null, null, null));
        context.getBean(RouteTable.class).put("gpt-4o", "fast");
        context.getBean(ConsumerDirectory.class).putSubscription(new Subscription("bench", null, null, null, null,
                Secret.of(key), Secret.of(key + "-2")));
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        server.start();
        System.out.println("READY " + server.getPort());
        System.out.flush();
    }
}
