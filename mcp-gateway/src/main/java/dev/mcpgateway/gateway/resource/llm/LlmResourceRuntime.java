package dev.mcpgateway.gateway.resource.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.auth.backend.BackendCredential;
import dev.mcpgateway.auth.backend.BackendCredentials;
import dev.mcpgateway.auth.backend.CredentialConfigException;
import dev.mcpgateway.auth.backend.Secret;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.resource.Resource;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.ResourceRuntime;
import dev.mcpgateway.gateway.resource.ResourceSet;
import dev.mcpgateway.gateway.resource.types.CircuitBreakerRules;
import dev.mcpgateway.llm.backend.Backend;
import dev.mcpgateway.llm.backend.BackendRegistry;
import dev.mcpgateway.llm.backend.BackendType;
import dev.mcpgateway.llm.balance.Pool;
import dev.mcpgateway.llm.balance.PoolRegistry;
import dev.mcpgateway.llm.consumer.ConsumerDirectory;
import dev.mcpgateway.llm.consumer.Product;
import dev.mcpgateway.llm.consumer.Subscription;
import dev.mcpgateway.llm.route.RouteTable;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Serves the model side of the resources: every backend becomes a model endpoint (a pool, a balanced group of
 * them), {@code models} become routes, products and subscriptions become the consumer directory. Compiled whole
 * for each change; what disappeared is removed, what stayed keeps its circuit-breaker state.
 */
public final class LlmResourceRuntime implements ResourceRuntime {

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> CREDENTIALS_MAP =
            new com.fasterxml.jackson.core.type.TypeReference<>() { };

    private final BackendRegistry backends;
    private final PoolRegistry pools;
    private final RouteTable routes;
    private final ConsumerDirectory consumers;
    private final BackendCredentials credentials;
    private final ObjectMapper json;

    public LlmResourceRuntime(BackendRegistry backends, PoolRegistry pools, RouteTable routes,
                              ConsumerDirectory consumers, BackendCredentials credentials, ObjectMapper json) {
        this.backends = backends;
        this.pools = pools;
        this.routes = routes;
        this.consumers = consumers;
        this.credentials = credentials;
        this.json = json;
    }

    @Override
    public Publication prepare(ResourceSet next) throws InvalidDefinitionException {
        List<Backend> singles = new ArrayList<>();
        List<Pool> groups = new ArrayList<>();
        Map<String, String> modelRoutes = new HashMap<>();
        for (Resource r : next.all(ResourceKind.BACKENDS)) {
            if ("Pool".equals(r.text("type"))) {
                groups.add(pool(r));
            } else {
                singles.add(backend(r, next));
            }
            for (JsonNode model : r.properties().path("models")) {
                modelRoutes.put(model.asText(), r.id());
            }
        }
        List<Product> products = next.all(ResourceKind.PRODUCTS).stream().map(LlmResourceRuntime::product).toList();
        List<Subscription> subscriptions = next.all(ResourceKind.SUBSCRIPTIONS).stream()
                .map(LlmResourceRuntime::subscription).toList();
        return () -> {
            singles.forEach(backends::put);
            groups.forEach(pools::put);
            backends.all().stream().map(Backend::id)
                    .filter(id -> singles.stream().noneMatch(b -> b.id().equals(id))).forEach(backends::remove);
            pools.all().stream().map(Pool::id)
                    .filter(id -> groups.stream().noneMatch(p -> p.id().equals(id))).forEach(pools::remove);
            modelRoutes.forEach(routes::put);
            routes.all().keySet().stream().filter(m -> !modelRoutes.containsKey(m)).forEach(routes::remove);
            consumers.replaceAll(products, subscriptions);
        };
    }

    private Backend backend(Resource r, ResourceSet all) throws InvalidDefinitionException {
        BackendCredential credential;
        try {
            credential = credentials.compile(r.properties().get("credentials") instanceof ObjectNode block
                    ? json.convertValue(block, CREDENTIALS_MAP) : Map.of());
        } catch (CredentialConfigException e) {
            throw new InvalidDefinitionException("backends." + r.id() + "." + e.field(), e.getMessage());
        }
        String timeout = r.text("timeout");
        return new Backend(r.id(), URI.create(r.text("url")), provider(r, all), credential,
                timeout == null ? null : Duration.parse(timeout.toUpperCase(Locale.ROOT)), r.text("deployment"),
                r.text("apiVersion"), CircuitBreakerRules.compile(r.properties()));
    }

    /**
     * Which wire a backend speaks: as declared ({@code aiProvider}), else that of an azure-openai API relaying to
     * it, else Azure when its host is an Azure OpenAI one, else OpenAI's.
     */
    private static BackendType provider(Resource backend, ResourceSet all) {
        String declared = backend.text("aiProvider");
        if (declared != null) {
            return BackendType.parse(declared);
        }
        String host = URI.create(backend.text("url")).getHost();
        boolean azureHost = host != null && (host.endsWith(".openai.azure.com")
                || host.endsWith(".cognitiveservices.azure.com") || host.endsWith(".services.ai.azure.com"));
        return azureHost || LlmApis.servedByAzureApi(backend.id(), all) ? BackendType.AZURE_OPENAI
                : BackendType.OPENAI;
    }

    private static Pool pool(Resource r) {
        List<Pool.Member> members = new ArrayList<>();
        for (JsonNode m : r.properties().path("pool").path("services")) {
            members.add(new Pool.Member(m.path("id").asText(), m.path("weight").asInt(1),
                    m.path("priority").asInt(1)));
        }
        return new Pool(r.id(), members, Pool.Affinity.NONE, null);
    }

    private static Product product(Resource r) {
        List<String> deployments = new ArrayList<>();
        r.properties().path("deployments").forEach(d -> deployments.add(d.asText()));
        return new Product(r.id(), r.text("displayName"), r.properties().path("subscriptionRequired").asBoolean(true),
                "published".equals(r.text("state")) ? Product.State.PUBLISHED : Product.State.NOT_PUBLISHED,
                deployments);
    }

    private static Subscription subscription(Resource r) {
        String scope = r.text("scope");
        String product = scope.startsWith("/products/") ? scope.substring("/products/".length()) : null;
        return new Subscription(r.id(), r.text("displayName"), product, r.text("ownerId"),
                Subscription.State.parse(r.text("state")), Secret.of(r.text("primaryKey")),
                Secret.of(r.text("secondaryKey")));
    }
}
