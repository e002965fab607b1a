package dev.mcpgateway.llm;

import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.time.Clock;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The proxy on a free loopback port in front of named fake backends, configured through the same {@code llm.*}
 * properties gateway.yml sets. Subscription {@code team-a} has key {@link #KEY}.
 */
public final class ProxyFixture implements AutoCloseable {

    public static final String KEY = "team-a-primary-key-0123456789";
    public static final String ADMIN_KEY = "admin-key-for-tests-0123456789";

    private final Map<String, FakeOpenAiBackend> backends = new LinkedHashMap<>();
    private final Map<String, Object> properties = new HashMap<>();
    private EmbeddedServer server;
    private Clock clock;

    public ProxyFixture() {
        properties.put("micronaut.server.port", -1);
        properties.put("micronaut.server.host", "127.0.0.1");
        properties.put("llm.subscriptions.team-a.product", "starter");
        properties.put("llm.subscriptions.team-a.primary-key", KEY);
        properties.put("llm.subscriptions.team-a.secondary-key", KEY + "-secondary");
        properties.put("llm.products.starter.display-name", "Starter");
        properties.put("gateway.admin.key", ADMIN_KEY);
    }

    /** Adds a fake backend reachable as backend {@code id} of the given type. */
    public ProxyFixture backend(String id, String type) throws IOException {
        FakeOpenAiBackend fake = FakeOpenAiBackend.start(id);
        backends.put(id, fake);
        String url = type.equals("openai") ? fake.baseUri() + "/v1" : fake.baseUri().toString();
        properties.put("llm.backends." + id + ".url", url);
        properties.put("llm.backends." + id + ".type", type);
        properties.put("llm.backends." + id + ".api-key", "upstream-secret-" + id);
        return this;
    }

    public ProxyFixture property(String name, Object value) {
        if (value == null) {
            properties.remove(name);
        } else {
            properties.put(name, value);
        }
        return this;
    }

    /** Runs the proxy's breakers on {@code clock} instead of the system clock. */
    public ProxyFixture clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public ProxyFixture start() {
        ApplicationContext context = ApplicationContext.builder().properties(properties).build();
        if (clock != null) {
            context.registerSingleton(Clock.class, clock, Qualifiers.byName("llm"));
        }
        context.start();
        server = context.getBean(EmbeddedServer.class);
        server.start();
        return this;
    }

    public FakeOpenAiBackend fake(String id) {
        return backends.get(id);
    }

    public URI uri() {
        return server.getURI();
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    @Override
    public void close() {
        if (server != null) {
            server.getApplicationContext().close();
        }
        backends.values().forEach(FakeOpenAiBackend::close);
    }
}
