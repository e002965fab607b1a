package dev.mcpgateway.gateway.startup;

import dev.mcpgateway.gateway.config.ApiDefinition;
import dev.mcpgateway.gateway.config.McpServerDefinition;
import dev.mcpgateway.gateway.store.StoredState;
import dev.mcpgateway.samples.shop.SampleShopServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The in-process sample shop API, when asked for; its URL is the {@code SAMPLES_URL} configuration variable. */
public final class SamplesRuntime implements AutoCloseable {

    public static final String URL_VARIABLE = "SAMPLES_URL";

    private volatile SampleShopServer shop;

    /** Starts the sample API once (later calls keep the running one). */
    public synchronized void start() throws IOException {
        if (shop == null) {
            shop = SampleShopServer.start(0);
        }
    }

    public Optional<String> url() {
        SampleShopServer running = shop;
        return running == null ? Optional.empty() : Optional.of(running.baseUrl().toString());
    }

    /** The sample API name and its MCP server name, {@code /mcp/shop}. */
    public static final String SHOP = "shop";

    /**
     * Adds the sample shop API and its MCP server to what gateway.yml declares, unless the file already declares
     * something of that name: {@code --samples} alone then gives a working MCP server with no configuration.
     */
    static StoredState withSampleShop(StoredState declared) {
        List<ApiDefinition> apis = new ArrayList<>(declared.apis());
        List<McpServerDefinition> servers = new ArrayList<>(declared.servers());
        if (apis.stream().noneMatch(a -> a.apiId().equals(SHOP))) {
            apis.add(new ApiDefinition(SHOP, "classpath:" + SampleShopServer.SPEC_RESOURCE,
                    Optional.of("${" + URL_VARIABLE + "}"), Map.of(), Optional.empty()));
        }
        if (servers.stream().noneMatch(s -> s.name().equals(SHOP))) {
            servers.add(new McpServerDefinition(SHOP, SHOP, Optional.empty(), Map.of(),
                    McpServerDefinition.ServerMode.TOOLS));
        }
        return new StoredState(apis, servers);
    }

    /** Configuration variables: the gateway's own first, then the environment. */
    public String variable(String name) {
        if (URL_VARIABLE.equals(name)) {
            return url().orElse(null);
        }
        return System.getenv(name);
    }

    @Override
    public void close() {
        SampleShopServer running = shop;
        if (running != null) {
            running.close();
        }
    }
}
