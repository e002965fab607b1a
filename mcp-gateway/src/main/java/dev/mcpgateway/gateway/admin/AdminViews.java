package dev.mcpgateway.gateway.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.catalog.CompiledApi;
import dev.mcpgateway.gateway.catalog.CompiledOperation;
import dev.mcpgateway.gateway.config.DefinitionCodec;
import dev.mcpgateway.gateway.config.McpServerDefinition;
import dev.mcpgateway.gateway.state.GatewayState.Entry;
import java.util.Locale;

/**
 * What the admin API shows of a resource. Credentials appear only as their description (type, header name, client
 * id): a secret that went in never comes back out.
 */
final class AdminViews {

    private final ObjectMapper json;
    private final DefinitionCodec codec;

    AdminViews(ObjectMapper json, DefinitionCodec codec) {
        this.json = json;
        this.codec = codec;
    }

    ObjectNode api(Entry<CompiledApi> entry) {
        CompiledApi api = entry.value();
        ObjectNode node = json.createObjectNode();
        node.put("id", api.apiId());
        node.put("title", api.title());
        node.put("version", api.version());
        node.put("source", entry.source().label());
        String openapi = api.definition().openapi();
        boolean inline = openapi.contains("\n") || openapi.startsWith("{");
        node.put("openapi", inline ? "(inline document, " + openapi.length() + " characters)" : openapi);
        api.definition().serviceUrl().ifPresent(url -> node.put("serviceUrl", url));
        if (!api.definition().serverVariables().isEmpty()) {
            node.set("serverVariables", json.valueToTree(api.definition().serverVariables()));
        }
        node.set("credentials", json.valueToTree(api.backend().credential().describe()));
        node.put("timeoutMillis", api.backend().timeout().toMillis());
        node.put("maxResponseBytes", api.backend().maxResponseBytes());
        api.definition().unionBodies().ifPresent(mode -> node.put("unionBodies", mode.name().toLowerCase(Locale.ROOT)));
        node.put("operationCount", api.operations().size());
        node.put("skippedCount", api.skipped().size());
        ArrayNode warnings = node.putArray("warnings");
        api.warnings().forEach(w -> warnings.add(json.valueToTree(w.summary())));
        return node;
    }

    ObjectNode operations(CompiledApi api) {
        ObjectNode node = json.createObjectNode();
        ArrayNode value = node.putArray("value");
        for (CompiledOperation operation : api.operations()) {
            ObjectNode o = value.addObject();
            o.put("operationId", operation.operationId());
            o.put("method", operation.method());
            o.put("path", operation.path());
            o.put("toolName", operation.tool().name());
            o.put("description", operation.tool().description());
            ArrayNode tags = o.putArray("tags");
            operation.tags().forEach(tags::add);
        }
        ArrayNode skipped = node.putArray("skipped");
        api.skipped().forEach(s -> skipped.addObject().put("operation", s.operation()).put("reason", s.reason()));
        return node;
    }

    ObjectNode server(Entry<McpServerDefinition> entry, int toolCount) {
        McpServerDefinition server = entry.value();
        ObjectNode node = codec.toJson(server);
        node.put("name", server.name());
        node.put("source", entry.source().label());
        node.put("path", "/mcp/" + server.name());
        node.put("toolCount", toolCount);
        return node;
    }
}
