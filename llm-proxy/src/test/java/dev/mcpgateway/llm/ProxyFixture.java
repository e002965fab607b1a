package dev.mcpgateway.llm;

import dev.mcpgateway.auth.backend.ApiKeyCredential;
import dev.mcpgateway.auth.backend.Secret;
import dev.mcpgateway.llm.api.LlmApi;
import dev.mcpgateway.llm.backend.Backend;
import dev.mcpgateway.llm.backend.BackendType;
import dev.mcpgateway.llm.balance.Pool;
import dev.mcpgateway.llm.breaker.BreakerRule;
import dev.mcpgateway.llm.consumer.Product;
import dev.mcpgateway.llm.consumer.Subscription;
import dev.mcpgateway.llm.policy.LlmPolicies;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The proxy on a free loopback port in front of named fake backends. Proxy-wide settings are {@code llm.*}
 * properties, as gateway.yml sets them; resources (backends, pools, routes, APIs, products, subscriptions) are
 * runtime records put into the registries at start ({@link ProxyResources}). Subscription {@code team-a} of product
 * {@code starter} has key {@link #KEY}.
 */
public final class ProxyFixture implements AutoCloseable {

    public static final String KEY = "team-a-primary-key-0123456789";
    static final String SPEC = "ProxyFixture";

    private final Map<String, FakeOpenAiBackend> fakes = new LinkedHashMap<>();
    private final Map<String, Object> properties = new HashMap<>();
    private final ProxyResources resources = new ProxyResources();
    private EmbeddedServer server;
    private Clock clock;
    private LlmPolicies policies;

    public ProxyFixture() {
        properties.put("micronaut.server.port", -1);
        properties.put("micronaut.server.host", "127.0.0.1");
        properties.put("spec.name", SPEC);
        product(new Product("starter", "Starter", true, Product.State.PUBLISHED, List.of()));
        subscription(new Subscription("team-a", null, "starter", null, Subscription.State.ACTIVE, Secret.of(KEY),
                Secret.of(KEY + "-secondary")));
    }

    /** The {@code api-key} header Azure OpenAI backends take. */
    public static ApiKeyCredential apiKey(String key) {
        return new ApiKeyCredential(ApiKeyCredential.Location.HEADER, "api-key", Secret.of(key));
    }

    /**
     * Adds a fake backend reachable as backend {@code id} of type {@code azure-openai} or {@code openai}, whose
     * credential is the {@code api-key} {@code upstream-secret-<id>}.
     */
    public ProxyFixture backend(String id, String type) throws IOException {
        FakeOpenAiBackend fake = FakeOpenAiBackend.start(id);
        fakes.put(id, fake);
        boolean openai = type.equals("openai");
        return backend(new Backend(id, URI.create(openai ? fake.baseUri() + "/v1" : fake.baseUri().toString()),
                BackendType.parse(type), apiKey("upstream-secret-" + id), null, null, null, null));
    }

    /** Adds (or replaces) a backend of the test's own. */
    public ProxyFixture backend(Backend backend) {
        resources.backends.put(backend.id(), backend);
        return this;
    }

    /** Changes a backend added before, e.g. its timeout or breaker rule. */
    public ProxyFixture change(String backendId, UnaryOperator<Backend> change) {
        resources.backends.computeIfPresent(backendId, (id, backend) -> change.apply(backend));
        return this;
    }

    public ProxyFixture timeout(String backendId, Duration timeout) {
        return change(backendId, b -> new Backend(b.id(), b.url(), b.type(), b.credential(), timeout, b.deployment(),
                b.apiVersion(), b.breaker()));
    }

    public ProxyFixture breaker(String backendId, BreakerRule breaker) {
        return change(backendId, b -> new Backend(b.id(), b.url(), b.type(), b.credential(), b.timeout(),
                b.deployment(), b.apiVersion(), breaker));
    }

    public ProxyFixture pool(Pool pool) {
        resources.pools.put(pool.id(), pool);
        return this;
    }

    /** Routes these deployment or model names to a pool or backend. */
    public ProxyFixture route(String target, String... names) {
        for (String name : names) {
            resources.routes.put(name, target);
        }
        return this;
    }

    public ProxyFixture api(LlmApi api) {
        resources.apis.put(api.id(), api);
        return this;
    }

    public ProxyFixture product(Product product) {
        resources.products.put(product.id(), product);
        return this;
    }

    public ProxyFixture subscription(Subscription subscription) {
        resources.subscriptions.put(subscription.id(), subscription);
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

    /** Runs these policies on the calls, as an embedding application (the gateway's engine) would. */
    public ProxyFixture policies(LlmPolicies policies) {
        this.policies = policies;
        return this;
    }

    public ProxyFixture start() {
        ApplicationContext context = ApplicationContext.builder().properties(properties).build();
        if (clock != null) {
            context.registerSingleton(Clock.class, clock, Qualifiers.byName("llm"));
        }
        if (policies != null) {
            context.registerSingleton(LlmPolicies.class, policies);
        }
        context.registerSingleton(ProxyResources.class, resources);
        context.start();
        server = context.getBean(EmbeddedServer.class);
        server.start();
        return this;
    }

    public FakeOpenAiBackend fake(String id) {
        return fakes.get(id);
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
        fakes.values().forEach(FakeOpenAiBackend::close);
    }
}
