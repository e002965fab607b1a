package dev.mcpgateway.gateway.catalog;

import dev.mcpgateway.gateway.execution.OperationCodec;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Objects;

/**
 * One operation of an imported API, compiled once: its tool as the spec describes it and its precompiled codec.
 *
 * @param operationId how server definitions name the tool: the operationId ({@code METHOD /path} for operations
 *                    without one), {@code operationId#variant} for the tool of one request body variant
 * @param tool        the tool the importer made, before any per-server renaming
 * @param method      the HTTP method, for admin listings and compact search
 * @param path        the OpenAPI path template
 * @param tags        the operation's tags
 * @param codec       arguments to request, response to result
 */
public record CompiledOperation(String operationId, McpSchema.Tool tool, String method, String path,
                                List<String> tags, OperationCodec codec) {

    public CompiledOperation {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(tool, "tool");
        tags = List.copyOf(tags);
        Objects.requireNonNull(codec, "codec");
    }
}
