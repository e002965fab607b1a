package dev.mcpgateway.gateway.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.gateway.config.ApiDefinition;
import dev.mcpgateway.gateway.config.McpServerDefinition;
import java.io.IOException;
import java.util.Map;

/**
 * Where changes made through {@code /admin} are kept so they survive a restart. Files under the data directory by
 * default; the interface is what a Redis store (shared by several instances) will implement.
 */
public interface ConfigStore extends AutoCloseable {

    StoredState load() throws IOException;

    void saveApi(ApiDefinition api) throws IOException;

    void deleteApi(String apiId) throws IOException;

    void saveServer(McpServerDefinition server) throws IOException;

    void deleteServer(String name) throws IOException;

    /**
     * Every stored document of a collection another module owns (e.g. {@code llm/backends}), by id. Same store,
     * same atomicity and change notification as APIs and MCP servers.
     */
    default Map<String, JsonNode> loadDocuments(String collection) throws IOException {
        return Map.of();
    }

    default void saveDocument(String collection, String id, JsonNode document) throws IOException {
        throw new IOException("this store keeps no " + collection);
    }

    default void deleteDocument(String collection, String id) throws IOException {
        throw new IOException("this store keeps no " + collection);
    }

    /**
     * Calls {@code onExternalChange} whenever another gateway instance changed the stored state, so this instance
     * can reload. A store only one instance uses (the file store) never calls it.
     */
    default AutoCloseable watch(Runnable onExternalChange) {
        return () -> { };
    }

    /** Whether the store can be reached now (readiness); a local store always can. */
    default boolean reachable() {
        return true;
    }

    /** Releases connections; the file store holds none. */
    @Override
    default void close() {
    }
}
