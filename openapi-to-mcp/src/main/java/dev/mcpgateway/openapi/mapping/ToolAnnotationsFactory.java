package dev.mcpgateway.openapi.mapping;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.Locale;

/**
 * Annotations always spelled out: MCP's defaults (destructive, not read-only) would make every GET look dangerous.
 * HTTP semantics decide them; an API lies only at its own cost.
 */
public final class ToolAnnotationsFactory {

    private ToolAnnotationsFactory() {
    }

    public static McpSchema.ToolAnnotations forMethod(String method, String title) {
        String m = method.toUpperCase(Locale.ROOT);
        boolean safe = m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS");
        boolean idempotent = safe || m.equals("PUT") || m.equals("DELETE");
        boolean destructive = m.equals("DELETE");
        return new McpSchema.ToolAnnotations(title, safe, destructive, idempotent, true, null);
    }
}
