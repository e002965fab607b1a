package dev.mcpgateway.openapi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.openapi.SkippedOperation;
import dev.mcpgateway.openapi.schema.SchemaDocument;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Lists the spec's operations in a deterministic order: paths as written, then methods in OpenAPI's order.
 * Webhooks are reported as skipped: the gateway calls APIs, it does not receive their callbacks.
 */
public final class OperationWalker {

    public static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private OperationWalker() {
    }

    public static void walk(SchemaDocument document, Consumer<OperationRef> operations,
                            Consumer<SkippedOperation> skipped) {
        JsonNode paths = document.root().path("paths");
        paths.properties().forEach(entry -> {
            JsonNode item = followRef(document, entry.getValue());
            if (!item.isObject()) {
                skipped.accept(new SkippedOperation(entry.getKey(), "path item could not be resolved"));
                return;
            }
            for (String method : METHODS) {
                JsonNode operation = item.get(method);
                if (operation != null && operation.isObject()) {
                    operations.accept(new OperationRef(entry.getKey(), method, (ObjectNode) item,
                            (ObjectNode) operation));
                }
            }
        });
        document.root().path("webhooks").properties().forEach(entry -> {
            JsonNode item = followRef(document, entry.getValue());
            for (String method : METHODS) {
                if (item.has(method)) {
                    JsonNode id = item.get(method).get("operationId");
                    String name = id != null && id.isTextual() ? id.asText()
                            : "webhook " + method.toUpperCase(Locale.ROOT) + " " + entry.getKey();
                    skipped.accept(new SkippedOperation(name,
                            "webhook: the API calls the consumer, so there is nothing for a tool to call"));
                }
            }
        });
    }

    private static JsonNode followRef(SchemaDocument document, JsonNode node) {
        JsonNode current = node;
        for (int hop = 0; hop < 8 && current.has("$ref"); hop++) {
            JsonNode target = document.resolve(current.get("$ref").asText());
            if (target == null) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
            current = target;
        }
        return current;
    }

    static JsonNode resolve(SchemaDocument document, JsonNode node) {
        return followRef(document, node);
    }
}
