package dev.mcpgateway.gateway.store;

import dev.mcpgateway.gateway.config.ApiDefinition;
import dev.mcpgateway.gateway.config.McpServerDefinition;
import java.io.IOException;

/**
 * Where changes made through {@code /admin} are kept so they survive a restart. Files under the data directory by
 * default; the interface is what a Redis store (shared by several instances) will implement.
 */
public interface ConfigStore {

    StoredState load() throws IOException;

    void saveApi(ApiDefinition api) throws IOException;

    void deleteApi(String apiId) throws IOException;

    void saveServer(McpServerDefinition server) throws IOException;

    void deleteServer(String name) throws IOException;
}
