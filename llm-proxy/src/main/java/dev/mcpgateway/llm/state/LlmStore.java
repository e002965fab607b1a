package dev.mcpgateway.llm.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;

/**
 * Where admin changes to backends, pools, routes, products and subscriptions are kept. Documents are the admin
 * API's JSON shapes, secrets included (so a subscription's keys survive a restart). The LLM proxy alone keeps them
 * in memory ({@link InMemoryLlmStore}); the gateway distribution implements this over its own config store (files
 * under the data directory, or Redis shared by every instance).
 */
public interface LlmStore {

    /** Every stored document of one kind, by id. */
    Map<String, ObjectNode> load(LlmKind kind) throws IOException;

    void save(LlmKind kind, String id, ObjectNode document) throws IOException;

    void delete(LlmKind kind, String id) throws IOException;

    /** Calls {@code onExternalChange} when another instance changed the store; a single-instance store never does. */
    default AutoCloseable watch(Runnable onExternalChange) {
        return () -> { };
    }
}
