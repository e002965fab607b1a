package dev.mcpgateway.openapi.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.openapi.ImportOptions;
import dev.mcpgateway.openapi.OperationOverride;
import dev.mcpgateway.openapi.ToolDefinition;
import dev.mcpgateway.openapi.http.HttpBinding;
import dev.mcpgateway.openapi.http.ResponseBinding;
import dev.mcpgateway.openapi.http.SecurityRequirement;
import dev.mcpgateway.openapi.http.ServerBinding;
import dev.mcpgateway.openapi.http.ToolCallCodec;
import dev.mcpgateway.openapi.parse.ParsedSpec;
import dev.mcpgateway.openapi.schema.Direction;
import dev.mcpgateway.openapi.schema.PortableSchema;
import dev.mcpgateway.openapi.schema.SchemaConverter;
import dev.mcpgateway.openapi.schema.SchemaDocument;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one operation into a {@link ToolDefinition}: schemas, binding, text and annotations. Holds the per-spec
 * pieces (document, server and security resolvers); one mapper per import, used from one thread.
 */
public final class ToolMapper {

    private final SchemaDocument document;
    private final ImportOptions options;
    private final ServerResolver servers;
    private final SecurityResolver security;
    private final SchemaInterner interner = new SchemaInterner();

    public ToolMapper(ParsedSpec spec, SchemaDocument document, ImportOptions options) {
        this.document = document;
        this.options = options;
        this.servers = new ServerResolver(spec.document(), spec.location(), options.serverUrl(),
                options.serverVariables());
        this.security = new SecurityResolver(spec.document());
    }

    /**
     * @param name the tool name already chosen
     * @throws BodyPlanner.Unmappable when the operation cannot be a tool (the message says why)
     */
    public ToolDefinition map(OperationRef op, String name) {
        List<String> warnings = new ArrayList<>();
        OperationOverride override = options.overrides().get(op.key());
        List<SecurityRequirement> requirements = security.resolve(op, warnings);
        ServerBinding server = servers.resolve(op, warnings);
        var filtered = ParameterFilter.filter(op, ParameterCollector.collect(document, op, warnings),
                options.pinnedParameters(), requirements, warnings);
        var body = BodyPlanner.plan(document, op, override == null ? null : override.mediaType(),
                options.mediaTypePreference());

        SchemaConverter input = converter(Direction.INPUT);
        InputPlan plan = new InputSchemaBuilder(input,
                options.unionBodies() == dev.mcpgateway.openapi.UnionBodies.HOIST, warnings).build(filtered.visible(), filtered.constants(), body);
        SchemaConverter output = converter(Direction.OUTPUT);
        OutputSchemaBuilder.Output out = OutputSchemaBuilder.build(document, op, output);
        warnings.addAll(input.warnings());
        warnings.addAll(output.warnings());

        ResponseBinding response = new ResponseBinding(out.wrapArray(),
                (int) Math.min(Integer.MAX_VALUE, options.maxResponseBytes()), ResponseBinding.DEFAULT_MAX_ERROR_EXCERPT);
        HttpBinding binding = new HttpBinding(op.method(), server, op.path(), plan.parameters(), plan.body(),
                plan.constants(), requirements, response);

        // what every MCP client can load; the gateway validates against the enforced form (see PortableSchema)
        PortableSchema.Result portableInput = PortableSchema.apply(plan.inputSchema(), "inputSchema");
        warnings.addAll(portableInput.warnings());
        PortableSchema.Result portableOutput = out.schema() == null ? null
                : PortableSchema.apply(out.schema(), "outputSchema");
        if (portableOutput != null) {
            warnings.addAll(portableOutput.warnings());
        }
        String title = ToolText.title(op);
        Map<String, Object> inputSchema = toMap(portableInput.emitted());
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(name)
                .title(title)
                .description(ToolText.description(op, override == null ? null : override.description()))
                .inputSchema(inputSchema)
                .outputSchema(portableOutput == null ? null : toMap(portableOutput.emitted()))
                .annotations(ToolAnnotationsFactory.forMethod(op.method(), title))
                .build();
        ToolCallCodec codec = ToolCallCodec.of(portableInput.enforced() == portableInput.emitted() ? inputSchema
                : toMap(portableInput.enforced()), binding);
        return new ToolDefinition(tool, op.operationId(), op.method().toUpperCase(Locale.ROOT), op.path(), op.tags(),
                binding, warnings, codec);
    }

    private SchemaConverter converter(Direction direction) {
        return new SchemaConverter(document, options.schemaMode(), direction, options.maxSchemaDepth(),
                options.maxSubschemas());
    }

    private Map<String, Object> toMap(ObjectNode node) {
        return interner.toMap(node);
    }

    /** The name the spec or the admin asks for: override, then {@code x-mcp-tool-name}, then operationId. */
    public String wantedName(OperationRef op) {
        OperationOverride override = options.overrides().get(op.key());
        if (override != null && override.name() != null && !override.name().isBlank()) {
            return override.name();
        }
        String extension = op.operation().path("x-mcp-tool-name").asText("");
        return extension.isBlank() ? op.operationId() : extension;
    }

    static Optional<String> unmappableReason(RuntimeException e) {
        return e instanceof BodyPlanner.Unmappable ? Optional.of(e.getMessage()) : Optional.empty();
    }
}
