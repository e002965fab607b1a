package dev.mcpgateway.openapi;

import java.util.List;

/**
 * One imported spec: its tools in deterministic order (spec path order, then method order), the operations that
 * did not become tools with their reasons, and warnings (lossy conversions, parser messages).
 */
public record ImportResult(String apiTitle, String apiVersion, List<ToolDefinition> tools,
                           List<SkippedOperation> skipped, List<String> warnings) {

    public ImportResult {
        tools = List.copyOf(tools);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    /** The tool of that name, if any. */
    public java.util.Optional<ToolDefinition> tool(String name) {
        return tools.stream().filter(t -> t.tool().name().equals(name)).findFirst();
    }
}
