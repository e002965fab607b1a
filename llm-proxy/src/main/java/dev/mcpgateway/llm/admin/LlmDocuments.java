package dev.mcpgateway.llm.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.auth.backend.Secret;
import dev.mcpgateway.llm.backend.BackendRegistry;
import dev.mcpgateway.llm.balance.Pool;
import dev.mcpgateway.llm.balance.PoolRegistry;
import dev.mcpgateway.llm.consumer.ConsumerDirectory;
import dev.mcpgateway.llm.consumer.Keys;
import dev.mcpgateway.llm.consumer.Product;
import dev.mcpgateway.llm.consumer.Subscription;
import dev.mcpgateway.llm.route.RouteTable;
import dev.mcpgateway.llm.state.LlmKind;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The admin JSON shape of each LLM resource, both ways: {@link #apply} validates a document and puts it live,
 * {@link #stored} gives back the document to persist (secrets included, so keys survive a restart). The admin
 * routes, gateway.yml's {@code llm:} section and the store all go through here, so they accept the same shapes.
 */
@Singleton
public class LlmDocuments {

    private final BackendRegistry backends;
    private final PoolRegistry pools;
    private final RouteTable routes;
    private final ConsumerDirectory directory;

    public LlmDocuments(BackendRegistry backends, PoolRegistry pools, RouteTable routes, ConsumerDirectory directory) {
        this.backends = backends;
        this.pools = pools;
        this.routes = routes;
        this.directory = directory;
    }

    /** Validates and applies; {@code models} on a backend or pool adds routes, returned so they can be stored. */
    public List<String> apply(LlmKind kind, String id, ObjectNode spec) {
        switch (kind) {
            case BACKENDS -> backends.put(BackendJson.read(id, spec));
            case POOLS -> pools.put(pool(id, spec));
            case ROUTES -> routes.put(id, target(spec));
            case PRODUCTS -> directory.putProduct(product(id, spec));
            case SUBSCRIPTIONS -> directory.putSubscription(subscription(id, spec));
        }
        List<String> models = new ArrayList<>();
        if (kind == LlmKind.BACKENDS || kind == LlmKind.POOLS) {
            spec.path("models").forEach(m -> models.add(m.asText()));
            models.forEach(m -> routes.put(m, id));
        }
        return models;
    }

    public boolean remove(LlmKind kind, String id) {
        return switch (kind) {
            case BACKENDS -> backends.remove(id);
            case POOLS -> pools.remove(id);
            case ROUTES -> routes.remove(id);
            case PRODUCTS -> directory.removeProduct(id);
            case SUBSCRIPTIONS -> directory.removeSubscription(id);
        };
    }

    /** The live resource as a document to store, or empty when it does not exist. */
    public Optional<ObjectNode> stored(LlmKind kind, String id) {
        return switch (kind) {
            case BACKENDS -> backends.get(id).map(b -> BackendJson.write(b, null, true));
            case POOLS -> pools.get(id).map(LlmDocuments::poolJson);
            case ROUTES -> routes.target(id).map(t -> AdminSupport.JSON.createObjectNode().put("target", t));
            case PRODUCTS -> directory.product(id).map(LlmDocuments::productJson);
            case SUBSCRIPTIONS -> directory.subscription(id).map(s -> subscriptionJson(s)
                    .put("primaryKey", s.primaryKey().reveal()).put("secondaryKey", s.secondaryKey().reveal()));
        };
    }

    private Pool pool(String id, ObjectNode spec) {
        List<Pool.Member> members = new ArrayList<>();
        JsonNode list = spec.path("backends");
        for (int i = 0; i < list.size(); i++) {
            JsonNode m = list.get(i);
            String backend = m.isTextual() ? m.asText() : m.path("id").asText(null);
            if (backend == null || backends.get(backend).isEmpty()) {
                throw new IllegalArgumentException("backends[" + i + "]: backend '" + backend + "' does not exist");
            }
            members.add(new Pool.Member(backend, m.path("weight").asInt(1), m.path("priority").asInt(1)));
        }
        return new Pool(id, members, Pool.Affinity.parse(AdminSupport.text(spec, "sessionAffinity")),
                AdminSupport.text(spec, "affinityName"));
    }

    private String target(ObjectNode spec) {
        String target = AdminSupport.text(spec, "target");
        if (target == null || (pools.get(target).isEmpty() && backends.get(target).isEmpty())) {
            throw new IllegalArgumentException("target must name an existing backend pool or backend");
        }
        return target;
    }

    private static Product product(String id, ObjectNode spec) {
        List<String> deployments = new ArrayList<>();
        spec.path("deployments").forEach(d -> deployments.add(d.asText()));
        String state = AdminSupport.text(spec, "state");
        return new Product(id, AdminSupport.text(spec, "displayName"), spec.path("subscriptionRequired").asBoolean(true),
                state == null || state.equalsIgnoreCase("published") ? Product.State.PUBLISHED
                        : Product.State.NOT_PUBLISHED, deployments);
    }

    /** Keys given in the document are used; missing ones are kept from the subscription it replaces, or generated. */
    private Subscription subscription(String id, ObjectNode spec) {
        Subscription existing = directory.subscription(id).orElse(null);
        return new Subscription(id, AdminSupport.text(spec, "displayName"), productOf(spec),
                AdminSupport.text(spec, "ownerId"), Subscription.State.parse(AdminSupport.text(spec, "state")),
                key(spec, "primaryKey", existing == null ? null : existing.primaryKey()),
                key(spec, "secondaryKey", existing == null ? null : existing.secondaryKey()));
    }

    /** APIM's {@code scope} is {@code /products/{id}}; a bare {@code productId} is accepted too. */
    String productOf(ObjectNode spec) {
        String scope = AdminSupport.text(spec, "scope");
        String product = scope != null && scope.contains("/products/")
                ? scope.substring(scope.lastIndexOf("/products/") + 10) : AdminSupport.text(spec, "productId");
        if (product != null && directory.product(product).isEmpty()) {
            throw new IllegalArgumentException("scope: product '" + product + "' does not exist");
        }
        return product;
    }

    private static Secret key(ObjectNode spec, String field, Secret keep) {
        String v = AdminSupport.text(spec, field);
        if (v != null && v.length() < 16) {
            throw new IllegalArgumentException(field + " must be at least 16 characters");
        }
        return v != null ? Secret.of(v) : keep != null ? keep : Keys.generate();
    }

    /** A pool without its {@code models}: routes are stored on their own, so deleting one stays deleted. */
    static ObjectNode poolJson(Pool pool) {
        ObjectNode o = AdminSupport.JSON.createObjectNode();
        o.put("id", pool.id());
        ArrayNode members = o.putArray("backends");
        pool.members().forEach(m -> members.addObject().put("id", m.backend()).put("weight", m.weight())
                .put("priority", m.priority()));
        o.put("sessionAffinity", pool.affinity().name().toLowerCase(Locale.ROOT));
        o.put("affinityName", pool.affinityName());
        return o;
    }

    static ObjectNode productJson(Product p) {
        ObjectNode o = AdminSupport.JSON.createObjectNode();
        o.put("id", p.id());
        o.put("displayName", p.displayName());
        o.put("subscriptionRequired", p.subscriptionRequired());
        o.put("state", p.state() == Product.State.PUBLISHED ? "published" : "notPublished");
        ArrayNode deployments = o.putArray("deployments");
        p.deployments().forEach(deployments::add);
        return o;
    }

    /** Without keys: as in APIM, they are read only through listSecrets. */
    static ObjectNode subscriptionJson(Subscription s) {
        ObjectNode o = AdminSupport.JSON.createObjectNode();
        o.put("id", s.id());
        o.put("displayName", s.displayName());
        o.put("scope", s.productId() == null ? null : "/products/" + s.productId());
        o.put("ownerId", s.ownerId());
        o.put("state", s.state().name().toLowerCase(Locale.ROOT));
        return o;
    }
}
