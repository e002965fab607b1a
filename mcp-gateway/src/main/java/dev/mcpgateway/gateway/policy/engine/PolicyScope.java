package dev.mcpgateway.gateway.policy.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a call lands, which decides the documents that apply: global, then the caller's product, the API, the
 * operation (for an MCP server the tool). Null parts are absent (an anonymous call has no product).
 */
public record PolicyScope(String productId, String apiId, String operationId) {

    public static final String GLOBAL = "global";

    /** The scopes whose documents apply, outermost first, by their policy resource ids. */
    public List<String> documentIds() {
        List<String> ids = new ArrayList<>(4);
        ids.add(GLOBAL);
        if (productId != null) {
            ids.add("products/" + productId);
        }
        if (apiId != null) {
            ids.add("apis/" + apiId);
            if (operationId != null) {
                ids.add("apis/" + apiId + "/operations/" + operationId);
            }
        }
        return ids;
    }
}
