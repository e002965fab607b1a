package dev.mcpgateway.gateway.resource;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of resource the gateway is configured with, named as in Azure API Management's management API, in the
 * order a whole configuration is applied (a backend pool names backends, an API names a backend, a subscription
 * names a product or an API).
 */
public enum ResourceKind {
    NAMED_VALUES("named-values", "namedValues", "named value"),
    BACKENDS("backends", "backends", "backend"),
    APIS("apis", "apis", "API"),
    PRODUCTS("products", "products", "product"),
    /** The link of an API to a product ({@code /products/{productId}/apis/{apiId}}); its id is {@code product/api}. */
    PRODUCT_APIS("product-apis", "products/apis", "product API"),
    SUBSCRIPTIONS("subscriptions", "subscriptions", "subscription"),
    /**
     * A policy document at a scope; its id is the scope ({@code global}, {@code apis/x}, {@code products/x},
     * {@code apis/x/operations/y}). Kept for the policy engine, which applies them.
     */
    POLICIES("policies", "policies", "policy document");

    private static final String ARM_PREFIX = "Microsoft.ApiManagement/service/";

    private final String collection;
    private final String armSuffix;
    private final String noun;

    ResourceKind(String collection, String armSuffix, String noun) {
        this.collection = collection;
        this.armSuffix = armSuffix;
        this.noun = noun;
    }

    /** The path segment under {@code /admin}, the gateway.yml key and the store's collection. */
    public String collection() {
        return collection;
    }

    /** The ARM resource type, e.g. {@code Microsoft.ApiManagement/service/backends}. */
    public String armType() {
        return ARM_PREFIX + armSuffix;
    }

    /**
     * Where one resource of this kind is, as APIM names it and {@code /admin} serves it: {@code /backends/b1}; a
     * product's API link (id {@code p/a}) is {@code /products/p/apis/a}; a policy document is its scope's
     * {@code /policies/policy} ({@code /apis/a/policies/policy}, {@code /policies/policy} for the global one).
     */
    public String path(String id) {
        return switch (this) {
            case PRODUCT_APIS -> "/products/" + id.replace("/", "/apis/");
            case POLICIES -> (id.equals("global") ? "" : "/" + id) + "/policies/policy";
            default -> "/" + collection + "/" + id;
        };
    }

    /** How messages name one resource of this kind. */
    public String noun() {
        return noun;
    }

    public static Optional<ResourceKind> ofCollection(String collection) {
        return Arrays.stream(values()).filter(k -> k.collection.equals(collection)).findFirst();
    }
}
