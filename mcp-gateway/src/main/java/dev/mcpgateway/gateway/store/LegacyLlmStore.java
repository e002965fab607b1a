package dev.mcpgateway.gateway.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.config.LegacyLlmResources;
import dev.mcpgateway.gateway.resource.Resource;
import dev.mcpgateway.gateway.resource.ResourceStore;
import dev.mcpgateway.gateway.state.Source;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves what an earlier version's LLM admin stored ({@code llm/backends}, {@code llm/backend-pools},
 * {@code llm/llm-routes}, {@code llm/products}, {@code llm/subscriptions}) into the resources of the management model,
 * once, at start-up: the resources are written first (secrets sealed), the old documents removed after, so a crash
 * in between repeats the move rather than losing anything.
 */
public final class LegacyLlmStore {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyLlmStore.class);
    private static final Map<String, String> COLLECTIONS = Map.of("llm/backends", "backends",
            "llm/backend-pools", "pools", "llm/llm-routes", "routes", "llm/products", "products",
            "llm/subscriptions", "subscriptions");

    private LegacyLlmStore() {
    }

    public static void migrate(ConfigStore store, ResourceStore resources) throws IOException {
        ObjectNode old = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, String> c : COLLECTIONS.entrySet()) {
            Map<String, JsonNode> documents = store.loadDocuments(c.getKey());
            if (!documents.isEmpty()) {
                ObjectNode kind = old.putObject(c.getValue());
                documents.forEach(kind::set);
            }
        }
        if (old.isEmpty()) {
            return;
        }
        try {
            for (Resource resource : LegacyLlmResources.read(old, "stored llm", Source.ADMIN)) {
                resources.save(resource);
            }
        } catch (InvalidDefinitionException e) {
            LOG.error("the LLM resources an earlier version stored cannot be moved ({}: {}); they stay where they"
                    + " are and are not served", e.field(), e.getMessage());
            return;
        }
        for (Map.Entry<String, String> c : COLLECTIONS.entrySet()) {
            for (String id : store.loadDocuments(c.getKey()).keySet()) {
                store.deleteDocument(c.getKey(), id);
            }
        }
        LOG.info("moved the LLM backends, pools, routes, products and subscriptions an earlier version stored into"
                + " the gateway's resources");
    }
}
