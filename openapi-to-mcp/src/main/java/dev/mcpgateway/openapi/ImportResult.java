package dev.mcpgateway.openapi;

import java.util.List;

/**
 * One imported spec: its tools in deterministic order (spec path order, then method order), the operations that
 * did not become tools with their reasons, and what was not kept exactly as the spec says.
 *
 * @param warnings one line per finding and operation ({@code "getRepo: message"}), parser messages first: the
 *                 flat form, for logs and quick checks
 * @param report   the same findings grouped (one entry naming every operation concerned, with a code and the
 *                 fix), plus one entry per reason operations were skipped: what an operator reads
 */
public record ImportResult(String apiTitle, String apiVersion, List<ToolDefinition> tools,
                           List<SkippedOperation> skipped, List<String> warnings, List<ImportWarning> report) {

    public ImportResult {
        tools = List.copyOf(tools);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
        report = List.copyOf(report);
    }

    /** The tool of that name, if any. */
    public java.util.Optional<ToolDefinition> tool(String name) {
        return tools.stream().filter(t -> t.tool().name().equals(name)).findFirst();
    }
}
