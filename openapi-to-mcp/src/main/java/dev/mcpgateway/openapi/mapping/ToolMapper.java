package dev.mcpgateway.openapi.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.openapi.ImportOptions;
import dev.mcpgateway.openapi.ImportWarning;
import dev.mcpgateway.openapi.OperationOverride;
import dev.mcpgateway.openapi.PinnedParameter;
import dev.mcpgateway.openapi.ToolDefinition;
import dev.mcpgateway.openapi.UnionBodies;
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

    private static final String CAP_FIX = "nothing to do for calls (the API checks the part left unchecked); "
            + "raise maxSchemaDepth or maxSubschemas for a complete schema";

    private final SchemaDocument document;
    private final ImportOptions options;
    private final ServerResolver servers;
    private final SecurityResolver security;
    private final SchemaInterner interner = new SchemaInterner();
    private final AcceptHeaders accepts = new AcceptHeaders();
    private final String pinnedAccept;

    public ToolMapper(ParsedSpec spec, SchemaDocument document, ImportOptions options) {
        this.document = document;
        this.options = options;
        this.servers = new ServerResolver(spec.document(), spec.location(), options.serverUrl(),
                options.serverVariables());
        this.security = new SecurityResolver(spec.document());
        // Accept is never a tool argument (OpenAPI ignores an Accept parameter), so an operator's pin applies to
        // every operation rather than only to those declaring it
        this.pinnedAccept = options.pinnedParameters().stream().filter(p -> p.matches("header", "Accept"))
                .map(PinnedParameter::value).findFirst().orElse(null);
    }

    /**
     * @param name     the tool name already chosen
     * @param findings receives what the conversion could not keep exactly, in the order met (their
     *                 messages are also the tool's own warnings)
     * @throws BodyPlanner.Unmappable when the operation cannot be a tool (the message says why)
     */
    public ToolDefinition map(OperationRef op, String name, List<ImportWarning> findings) {
        return map(op, name, findings, null);
    }

    /**
     * The names of the variants of the operation's request body when it is a top-level union
     * ({@link UnionBodies#SPLIT}); empty when it is not one, or when the body cannot be a tool
     * at all ({@link #map} then says why).
     */
    public List<String> bodyVariantNames(OperationRef op) {
        return bodyVariants(op).stream().map(BodyVariants.Variant::name).toList();
    }

    private List<BodyVariants.Variant> bodyVariants(OperationRef op) {
        OperationOverride override = options.overrides().get(op.key());
        try {
            return BodyPlanner.plan(document, op, override == null ? null : override.mediaType(),
                            options.mediaTypePreference())
                    .filter(plan -> plan.schema() != null && !MediaTypes.isText(plan.essence())
                            && !MediaTypes.isBinary(plan.essence()))
                    .map(plan -> BodyVariants.of(document, plan.schema())).orElse(List.of());
        } catch (BodyPlanner.Unmappable e) {
            return List.of();
        }
    }

    /**
     * The tool for one variant of the operation's request body (a name from {@link #bodyVariantNames}): that
     * variant's arguments only, the discriminator set by the gateway; the same operation on the wire.
     */
    public ToolDefinition map(OperationRef op, String name, List<ImportWarning> findings, String variantName) {
        BodyVariants.Variant variant = variantName == null ? null : bodyVariants(op).stream()
                .filter(v -> v.name().equals(variantName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no request body variant " + variantName));
        List<String> warnings = new ArrayList<>();
        List<ImportWarning> found = new ArrayList<>();
        OperationOverride override = options.overrides().get(op.key());
        List<SecurityRequirement> requirements = security.resolve(op, warnings);
        ServerBinding server = servers.resolve(op, warnings);
        drain(warnings, found);
        var filtered = ParameterFilter.filter(op, ParameterCollector.collect(document, op, found),
                options.pinnedParameters(), requirements, found);
        var body = BodyPlanner.plan(document, op, override == null ? null : override.mediaType(),
                options.mediaTypePreference());
        Map<String, String> fixed = Map.of();
        if (variant != null) {
            body = body.map(b -> b.withSchema(variant.schema()));
            if (variant.discriminatorValue() != null) {
                fixed = Map.of(variant.discriminator(), variant.discriminatorValue());
            }
        }

        SchemaConverter input = converter(Direction.INPUT);
        InputPlan plan = new InputSchemaBuilder(input, options.unionBodies() == UnionBodies.HOIST, warnings)
                .build(filtered.visible(), filtered.constants(), body, fixed);
        SchemaConverter output = converter(Direction.OUTPUT);
        OutputSchemaBuilder.Output out = OutputSchemaBuilder.build(document, op, output);
        String accept = pinnedAccept != null ? pinnedAccept : accepts.forOperation(document, op, warnings);
        drain(warnings, found);
        for (SchemaConverter converter : List.of(input, output)) {
            converter.warnings().forEach(w -> found.add(ImportWarning.of(ImportWarning.SCHEMA, w, null)));
            converter.capWarnings().forEach(w -> found.add(ImportWarning.of(ImportWarning.SCHEMA_CAP, w, CAP_FIX)));
        }

        ResponseBinding response = new ResponseBinding(accept, out.schema() != null, out.wrapArray(),
                (int) Math.min(Integer.MAX_VALUE, options.maxResponseBytes()), ResponseBinding.DEFAULT_MAX_ERROR_EXCERPT);
        HttpBinding binding = new HttpBinding(op.method(), server, op.path(), plan.parameters(), plan.body(),
                plan.constants(), requirements, response);

        // what every MCP client can load; the gateway validates against the enforced form (see PortableSchema)
        PortableSchema.Result portableInput = PortableSchema.apply(plan.inputSchema(), "inputSchema");
        portableInput.warnings().forEach(w -> found.add(ImportWarning.of(ImportWarning.SCHEMA, w, null)));
        PortableSchema.Result portableOutput = out.schema() == null ? null
                : PortableSchema.apply(out.schema(), "outputSchema");
        if (portableOutput != null) {
            portableOutput.warnings().forEach(w -> found.add(ImportWarning.of(ImportWarning.SCHEMA, w, null)));
        }
        String title = ToolText.title(op);
        String description = ToolText.description(op, override == null ? null : override.description());
        if (variant != null) {
            title = title == null ? null : title + " (" + variant.name() + ")";
            description = ToolText.forVariant(description, variant.name(), variant.others(), variant.discriminator(),
                    variant.discriminatorValue());
        }
        Map<String, Object> inputSchema = toMap(portableInput.emitted());
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(name)
                .title(title)
                .description(description)
                .inputSchema(inputSchema)
                .outputSchema(portableOutput == null ? null : toMap(portableOutput.emitted()))
                .annotations(ToolAnnotationsFactory.forMethod(op.method(), title))
                .build();
        ToolCallCodec codec = ToolCallCodec.of(portableInput.enforced() == portableInput.emitted() ? inputSchema
                : toMap(portableInput.enforced()), binding);
        findings.addAll(found);
        return new ToolDefinition(tool, op.operationId(), op.method().toUpperCase(Locale.ROOT), op.path(), op.tags(),
                variantName, binding, found.stream().map(ImportWarning::message).toList(), codec);
    }

    /** Free-text warnings of the resolvers and builders, as findings in the order they were met. */
    private static void drain(List<String> warnings, List<ImportWarning> found) {
        warnings.forEach(w -> found.add(ImportWarning.of(ImportWarning.CONVERSION, w, null)));
        warnings.clear();
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
