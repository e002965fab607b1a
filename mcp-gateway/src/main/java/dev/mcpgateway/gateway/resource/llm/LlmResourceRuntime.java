package dev.mcpgateway.gateway.resource.llm;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.auth.backend.BackendCredential;
import dev.mcpgateway.auth.backend.BackendCredentials;
import dev.mcpgateway.auth.backend.CredentialConfigException;
import dev.mcpgateway.auth.backend.SecretResolver;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.resource.NamedValues;
import dev.mcpgateway.gateway.resource.References;
import dev.mcpgateway.gateway.resource.Resource;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.ResourceRuntime;
import dev.mcpgateway.gateway.resource.ResourceSet;
import dev.mcpgateway.gateway.resource.types.BackendResourceType;
import dev.mcpgateway.gateway.resource.types.CircuitBreakerRules;
import dev.mcpgateway.llm.api.LlmApi;
import dev.mcpgateway.llm.api.LlmApiRegistry;
import dev.mcpgateway.llm.api.SubscriptionKeyNames;
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
import java.util.function.Function;

/**
 * Serves the model side of the resources: every single backend becomes a model endpoint and every pool a balanced
 * group of them, {@code models} become routes, {@code azure-openai} / {@code openai} APIs are served at their paths,
 * products and subscriptions make up the consumer directory. Compiled whole for each change; what disappeared is
 * removed, what stayed keeps its circuit-breaker state.
 */
public final class LlmResourceRuntime implements ResourceRuntime {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final BackendRegistry backends;
    private final PoolRegistry pools;
    private final RouteTable routes;
    private final LlmApiRegistry apis;
    private final ConsumerDirectory consumers;
    private final Function<String, String> environment;
    private final ObjectMapper json;

    public LlmResourceRuntime(BackendRegistry backends, PoolRegistry pools, RouteTable routes, LlmApiRegistry apis,
                              ConsumerDirectory consumers, Function<String, String> environment, ObjectMapper json) {
        this.backends = backends;
        this.pools = pools;
        this.routes = routes;
        this.apis = apis;
        this.consumers = consumers;
        this.environment = environment;
        this.json = json;
    }

    @Override
    public Publication prepare(ResourceSet next) throws InvalidDefinitionException {
        SecretResolver references = new SecretResolver(environment, new NamedValues(() -> next, environment));
        BackendCredentials credentials = new BackendCredentials(references);
        List<Backend> singles = new ArrayList<>();
        List<Pool> groups = new ArrayList<>();
        Map<String, String> modelRoutes = new HashMap<>();
        for (Resource r : next.all(ResourceKind.BACKENDS)) {
            String at = "backends." + r.id() + ".";
            try {
                if ("Pool".equals(r.text("type"))) {
                    groups.add(pool(r));
                } else {
                    singles.add(backend(r, next, credentials, references));
                }
            } catch (CredentialConfigException e) {
                throw new InvalidDefinitionException(at + e.field(), e.reason());
            } catch (IllegalArgumentException e) {
                throw new InvalidDefinitionException(at + "url", "is not a usable http(s) URL");
            }
            for (JsonNode model : r.properties().path("models")) {
                modelRoutes.put(model.asText(), r.id());
            }
        }
        List<LlmApi> modelApis = LlmApis.of(next).map(LlmResourceRuntime::api).toList();
        List<Product> products = next.all(ResourceKind.PRODUCTS).stream().map(p -> product(p, next)).toList();
        List<Subscription> subscriptions = new ArrayList<>();
        for (Resource r : next.all(ResourceKind.SUBSCRIPTIONS)) {
            try {
                subscriptions.add(subscription(r, references));
            } catch (CredentialConfigException e) {
                throw new InvalidDefinitionException("subscriptions." + r.id() + "." + e.field(), e.reason());
            }
        }
        return () -> {
            singles.forEach(backends::put);
            groups.forEach(pools::put);
            backends.all().stream().map(Backend::id)
                    .filter(id -> singles.stream().noneMatch(b -> b.id().equals(id))).forEach(backends::remove);
            pools.all().stream().map(Pool::id)
                    .filter(id -> groups.stream().noneMatch(p -> p.id().equals(id))).forEach(pools::remove);
            modelRoutes.forEach(routes::put);
            routes.all().keySet().stream().filter(m -> !modelRoutes.containsKey(m)).forEach(routes::remove);
            apis.replaceAll(modelApis);
            consumers.replaceAll(products, subscriptions);
        };
    }

    private Backend backend(Resource r, ResourceSet all, BackendCredentials credentials, SecretResolver references)
            throws CredentialConfigException {
        BackendCredential credential = credentials.compile(r.properties().get("credentials") instanceof ObjectNode c
                ? json.convertValue(c, MAP) : Map.of());
        String timeout = r.text("timeout");
        URI url = URI.create(references.resolveText("url", r.text("url")));
        BackendType provider = provider(r, url, all);
        return new Backend(r.id(), provider == BackendType.AZURE_OPENAI ? resourceRoot(url) : url, provider, credential,
                timeout == null ? null : Duration.parse(timeout.toUpperCase(Locale.ROOT)), r.text("deployment"),
                r.text("apiVersion"), CircuitBreakerRules.compile(r.properties()));
    }

    /**
     * An Azure OpenAI backend as APIM writes it ({@code https://x.openai.azure.com/openai}: the API's operations
     * follow) or as its resource root; the relay adds {@code /openai/deployments/...} to the root.
     */
    private static URI resourceRoot(URI url) {
        String path = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
        return path.endsWith("/openai") ? url.resolve(path.substring(0, path.length() - "openai".length()))
                : url;
    }

    /**
     * Which wire a backend speaks: as declared ({@code aiProvider}), else Azure's when an azure-openai API relays to
     * it or its host is an Azure OpenAI one, else OpenAI's.
     */
    private static BackendType provider(Resource backend, URI url, ResourceSet all) {
        String declared = backend.text("aiProvider");
        if (declared != null) {
            return BackendType.parse(declared);
        }
        String host = url.getHost();
        boolean azureHost = host != null && (host.endsWith(".openai.azure.com")
                || host.endsWith(".cognitiveservices.azure.com") || host.endsWith(".services.ai.azure.com"));
        return azureHost || LlmApis.servedByAzureApi(backend.id(), all) ? BackendType.AZURE_OPENAI
                : BackendType.OPENAI;
    }

    private static Pool pool(Resource r) {
        List<Pool.Member> members = new ArrayList<>();
        for (JsonNode m : r.properties().path("pool").path("services")) {
            members.add(new Pool.Member(BackendResourceType.memberId(m), m.path("weight").asInt(1),
                    m.path("priority").asInt(1)));
        }
        JsonNode affinity = r.properties().path("affinity");
        return new Pool(r.id(), members, Pool.Affinity.parse(affinity.path("type").asText(null)),
                affinity.path("name").asText(null));
    }

    private static LlmApi api(Resource r) {
        JsonNode names = r.properties().path("subscriptionKeyParameterNames");
        String backend = r.text("backendId");
        return new LlmApi(r.id(), r.text("path"), "azure-openai".equals(r.text("type")) ? LlmApi.Type.AZURE_OPENAI
                : LlmApi.Type.OPENAI, r.properties().path("subscriptionRequired").asBoolean(true),
                SubscriptionKeyNames.of(names.path("header").asText(), names.path("query").asText()),
                backend == null ? null : References.idIn(backend));
    }

    /** A product with the APIs linked to it ({@code /products/{id}/apis/{apiId}}). */
    private static Product product(Resource r, ResourceSet all) {
        List<String> deployments = new ArrayList<>();
        r.properties().path("deployments").forEach(d -> deployments.add(d.asText()));
        java.util.Set<String> apis = new java.util.HashSet<>();
        all.all(ResourceKind.PRODUCT_APIS).stream().map(Resource::id).filter(id -> id.startsWith(r.id() + "/"))
                .forEach(id -> apis.add(id.substring(r.id().length() + 1)));
        return new Product(r.id(), r.text("displayName"), r.properties().path("subscriptionRequired").asBoolean(true),
                "published".equals(r.text("state")) ? Product.State.PUBLISHED : Product.State.NOT_PUBLISHED,
                deployments, apis);
    }

    private static Subscription subscription(Resource r, SecretResolver references) throws CredentialConfigException {
        String scope = r.text("scope");
        String product = scope.startsWith("/products/") ? scope.substring("/products/".length()) : null;
        String api = scope.startsWith("/apis/") ? scope.substring("/apis/".length()) : null;
        return new Subscription(r.id(), r.text("displayName"), product, r.text("ownerId"),
                Subscription.State.parse(r.text("state")), references.resolve("primaryKey", r.text("primaryKey")),
                references.resolve("secondaryKey", r.text("secondaryKey")), api);
    }
}
