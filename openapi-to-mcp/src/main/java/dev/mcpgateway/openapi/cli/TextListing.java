package dev.mcpgateway.openapi.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mcpgateway.openapi.ImportResult;
import dev.mcpgateway.openapi.ToolDefinition;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * The human listing: one block per tool with its hints and schemas, then what was skipped and why, then the
 * grouped import report.
 */
final class TextListing {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TextListing() {
    }

    static String render(ImportResult result) {
        StringBuilder out = new StringBuilder();
        out.append(result.apiTitle()).append(' ').append(result.apiVersion()).append(": ")
                .append(result.tools().size()).append(" tools, ").append(result.skipped().size()).append(" skipped\n");
        for (ToolDefinition tool : result.tools()) {
            McpSchema.Tool t = tool.tool();
            out.append("\n").append(t.name()).append("  ").append(tool.method()).append(' ')
                    .append(tool.pathTemplate()).append("  [").append(hints(t.annotations())).append("]\n");
            if (t.title() != null) {
                out.append("  title: ").append(t.title()).append('\n');
            }
            out.append("  description: ").append(t.description().replace("\n", "\n    ")).append('\n');
            out.append("  accept: ").append(tool.binding().response().accept()).append('\n');
            out.append("  input: ").append(json(t.inputSchema())).append('\n');
            if (t.outputSchema() != null) {
                out.append("  output: ").append(json(t.outputSchema())).append('\n');
            }
        }
        if (!result.skipped().isEmpty()) {
            out.append("\nskipped:\n");
            result.skipped().forEach(s -> out.append("  ").append(s.operation()).append(": ").append(s.reason())
                    .append('\n'));
        }
        if (!result.report().isEmpty()) {
            out.append("\nwarnings:\n");
            result.report().forEach(w -> out.append("  [").append(w.code()).append("] ").append(w.render())
                    .append('\n'));
        }
        return out.toString();
    }

    private static String hints(McpSchema.ToolAnnotations a) {
        List<String> hints = new ArrayList<>();
        hints.add(Boolean.TRUE.equals(a.readOnlyHint()) ? "read-only" : "writes");
        if (Boolean.TRUE.equals(a.destructiveHint())) {
            hints.add("destructive");
        }
        if (Boolean.TRUE.equals(a.idempotentHint())) {
            hints.add("idempotent");
        }
        if (Boolean.TRUE.equals(a.openWorldHint())) {
            hints.add("open-world");
        }
        return String.join(", ", hints);
    }

    private static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value).replace("\n", "\n    ");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("schemas are plain maps", e);
        }
    }
}
