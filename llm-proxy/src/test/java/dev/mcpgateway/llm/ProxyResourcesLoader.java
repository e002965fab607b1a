package dev.mcpgateway.llm;

import dev.mcpgateway.llm.api.LlmApiRegistry;
import dev.mcpgateway.llm.backend.BackendRegistry;
import dev.mcpgateway.llm.balance.PoolRegistry;
import dev.mcpgateway.llm.consumer.ConsumerDirectory;
import dev.mcpgateway.llm.route.RouteTable;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;

/** Puts a {@link ProxyFixture}'s resources into the registries while the context starts (eager, like a compiler). */
@Context
@Requires(property = "spec.name", value = ProxyFixture.SPEC)
final class ProxyResourcesLoader {

    ProxyResourcesLoader(ProxyResources resources, BackendRegistry backends, PoolRegistry pools, RouteTable routes,
                         LlmApiRegistry apis, ConsumerDirectory directory) {
        resources.putInto(backends, pools, routes, apis, directory);
    }
}
