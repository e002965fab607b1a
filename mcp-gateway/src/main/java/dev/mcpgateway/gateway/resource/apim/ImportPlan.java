package dev.mcpgateway.gateway.resource.apim;

import dev.mcpgateway.gateway.config.ApiDefinition;
import dev.mcpgateway.gateway.config.McpServerDefinition;
import dev.mcpgateway.gateway.resource.Resource;
import dev.mcpgateway.gateway.resource.arm.ImportOutcome;
import java.util.List;

/**
 * What an APIM export becomes here, before anything is applied: resources of the management model (in the order
 * they must be written), OpenAPI-described APIs and the MCP servers built on them, and what was left out and why.
 *
 * @param resources  resources of the model, each with the report line it stands for
 * @param httpApis   APIs imported with their OpenAPI description, compiled into tools
 * @param mcpServers MCP servers made of an imported API's operations (APIM's MCP tools)
 * @param leftOut    the report lines of what is not imported
 */
public record ImportPlan(List<Item<Resource>> resources, List<Item<ApiDefinition>> httpApis,
                         List<Item<McpServerDefinition>> mcpServers, List<ImportOutcome> leftOut) {

    /** One thing to apply, and its report line if it applies. */
    public record Item<T>(T value, ImportOutcome outcome) {
    }
}
