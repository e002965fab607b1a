package dev.mcpgateway.gateway.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpgateway.gateway.config.ApiDefinition;
import dev.mcpgateway.gateway.config.McpServerDefinition;
import dev.mcpgateway.gateway.store.ConfigStore;
import dev.mcpgateway.gateway.store.StoredState;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The documents of a config store in memory, shared by every {@link ManagementState} given it (as Redis is by the
 * instances of a scaled-out gateway). Writes are logged to {@code log}; {@link #failWrites} makes them fail.
 */
final class InMemoryConfigStore implements ConfigStore {

    private final Map<String, Map<String, JsonNode>> collections = new TreeMap<>();
    private final List<String> log;
    private boolean failWrites;

    InMemoryConfigStore(List<String> log) {
        this.log = log;
    }

    void failWrites(boolean fail) {
        failWrites = fail;
    }

    /** Every stored document, as a value to compare before and after a refused write. */
    Map<String, Map<String, JsonNode>> snapshot() {
        Map<String, Map<String, JsonNode>> copy = new TreeMap<>();
        collections.forEach((name, documents) -> copy.put(name, new TreeMap<>(documents)));
        return copy;
    }

    @Override
    public StoredState load() {
        return StoredState.empty();
    }

    @Override
    public void saveApi(ApiDefinition api) {
        throw new UnsupportedOperationException("resources only");
    }

    @Override
    public void deleteApi(String apiId) {
        throw new UnsupportedOperationException("resources only");
    }

    @Override
    public void saveServer(McpServerDefinition server) {
        throw new UnsupportedOperationException("resources only");
    }

    @Override
    public void deleteServer(String name) {
        throw new UnsupportedOperationException("resources only");
    }

    @Override
    public Map<String, JsonNode> loadDocuments(String collection) {
        Map<String, JsonNode> copy = new TreeMap<>();
        collections.getOrDefault(collection, Map.of()).forEach((id, document) -> copy.put(id, document.deepCopy()));
        return copy;
    }

    @Override
    public void saveDocument(String collection, String id, JsonNode document) throws IOException {
        if (failWrites) {
            throw new IOException("disk full");
        }
        log.add("save " + collection + "/" + id);
        collections.computeIfAbsent(collection, c -> new TreeMap<>()).put(id, document.deepCopy());
    }

    @Override
    public void deleteDocument(String collection, String id) throws IOException {
        if (failWrites) {
            throw new IOException("disk full");
        }
        log.add("delete " + collection + "/" + id);
        collections.getOrDefault(collection, new TreeMap<>()).remove(id);
    }
}
