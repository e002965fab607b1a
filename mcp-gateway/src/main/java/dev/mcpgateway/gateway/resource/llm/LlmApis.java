package dev.mcpgateway.gateway.resource.llm;

import dev.mcpgateway.gateway.resource.References;
import dev.mcpgateway.gateway.resource.Resource;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.ResourceSet;
import dev.mcpgateway.gateway.resource.types.LlmApiResourceType;
import java.util.stream.Stream;

/** The model APIs among the resources ({@code azure-openai} and {@code openai}), and which backends they relay to. */
final class LlmApis {

    private LlmApis() {
    }

    static Stream<Resource> of(ResourceSet all) {
        return all.all(ResourceKind.APIS).stream().filter(a -> LlmApiResourceType.TYPES.contains(a.text("type")));
    }

    /** Whether an azure-openai API relays to the backend, directly or through a pool it belongs to. */
    static boolean servedByAzureApi(String backendId, ResourceSet all) {
        return of(all).filter(a -> "azure-openai".equals(a.text("type")) && a.text("backendId") != null)
                .map(a -> References.idIn(a.text("backendId")))
                .anyMatch(target -> target.equals(backendId) || all.get(ResourceKind.BACKENDS, target)
                        .map(pool -> pool.properties().path("pool").path("services").findValuesAsText("id")
                                .contains("/backends/" + backendId))
                        .orElse(false));
    }
}
