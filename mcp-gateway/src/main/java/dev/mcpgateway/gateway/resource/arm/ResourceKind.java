package dev.mcpgateway.gateway.resource.arm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The API Management resource types this gateway imports, and the admin collection each one lands in. */
enum ResourceKind {
    BACKEND("service/backends", "backends"),
    NAMED_VALUE("service/namedvalues", "named-values"),
    /** The name named values had before API version 2019-12-01. */
    LEGACY_NAMED_VALUE("service/properties", "named-values"),
    API("service/apis", "apis"),
    OPERATION("service/apis/operations", "operations"),
    TOOL("service/apis/tools", "tools"),
    PRODUCT("service/products", "products"),
    PRODUCT_API("service/products/apis", "product-apis"),
    /** The newer product-API association, naming the API in {@code properties.apiId}. */
    PRODUCT_API_LINK("service/products/apilinks", "product-apis"),
    SUBSCRIPTION("service/subscriptions", "subscriptions"),
    SERVICE_POLICY("service/policies", ResourceKind.POLICIES),
    API_POLICY("service/apis/policies", ResourceKind.POLICIES),
    OPERATION_POLICY("service/apis/operations/policies", ResourceKind.POLICIES),
    PRODUCT_POLICY("service/products/policies", ResourceKind.POLICIES);

    static final String POLICIES = "policies";

    private final String suffix;
    private final String collection;

    ResourceKind(String suffix, String collection) {
        this.suffix = suffix;
        this.collection = collection;
    }

    static Optional<ResourceKind> of(String type) {
        String lower = type.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> lower.equals(ArmTypes.NAMESPACE + kind.suffix)).findFirst();
    }

    String collection() {
        return collection;
    }

    /** Names below the service: 1 for a backend, 2 for an operation ({@code api/op}), 3 for an operation policy. */
    int nameCount() {
        return suffix.split("/").length - 1;
    }

    /** Kinds whose first name is the API they belong to, so an API revision reaches them too. */
    boolean belongsToApi() {
        return this == OPERATION || this == TOOL || this == API_POLICY || this == OPERATION_POLICY;
    }
}
