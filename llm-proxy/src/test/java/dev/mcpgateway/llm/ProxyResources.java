package dev.mcpgateway.llm;

import dev.mcpgateway.llm.api.LlmApi;
import dev.mcpgateway.llm.api.LlmApiRegistry;
import dev.mcpgateway.llm.backend.Backend;
import dev.mcpgateway.llm.backend.BackendRegistry;
import dev.mcpgateway.llm.balance.Pool;
import dev.mcpgateway.llm.balance.PoolRegistry;
import dev.mcpgateway.llm.consumer.ConsumerDirectory;
import dev.mcpgateway.llm.consumer.Product;
import dev.mcpgateway.llm.consumer.Subscription;
import dev.mcpgateway.llm.route.RouteTable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The runtime records a test's proxy starts with, put into the registries through their Java API (as the gateway's
 * resource compiler does) while the application starts, before its start-up checks run. Later puts replace earlier
 * ones of the same id.
 */
public final class ProxyResources {

    final Map<String, Backend> backends = new LinkedHashMap<>();
    final Map<String, Pool> pools = new LinkedHashMap<>();
    final Map<String, String> routes = new LinkedHashMap<>();
    final Map<String, LlmApi> apis = new LinkedHashMap<>();
    final Map<String, Product> products = new LinkedHashMap<>();
    final Map<String, Subscription> subscriptions = new LinkedHashMap<>();

    void putInto(BackendRegistry backendRegistry, PoolRegistry poolRegistry, RouteTable routeTable,
                 LlmApiRegistry apiRegistry, ConsumerDirectory directory) {
        backends.values().forEach(backendRegistry::put);
        pools.values().forEach(poolRegistry::put);
        routes.forEach(routeTable::put);
        apis.values().forEach(apiRegistry::put);
        products.values().forEach(directory::putProduct);
        subscriptions.values().forEach(directory::putSubscription);
    }
}
