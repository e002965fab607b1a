package dev.mcpgateway.gateway.catalog;

import dev.mcpgateway.auth.backend.BackendCredential;
import dev.mcpgateway.auth.backend.BackendCredentials;
import dev.mcpgateway.auth.backend.CredentialConfigException;
import dev.mcpgateway.auth.backend.NoCredential;
import dev.mcpgateway.auth.backend.NamedValueSource;
import dev.mcpgateway.auth.backend.SecretResolver;
import dev.mcpgateway.gateway.config.ApiDefinition;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.execution.ApiBackend;
import dev.mcpgateway.gateway.execution.OperationCodec;
import dev.mcpgateway.openapi.ImportOptions;
import dev.mcpgateway.openapi.ImportResult;
import dev.mcpgateway.openapi.ImportWarning;
import dev.mcpgateway.openapi.OpenApiImporter;
import dev.mcpgateway.openapi.SpecImportException;
import dev.mcpgateway.openapi.SpecSourceRefusedException;
import dev.mcpgateway.openapi.ToolDefinition;
import dev.mcpgateway.openapi.http.BackendTarget;
import dev.mcpgateway.openapi.http.HttpRequestPlan;
import dev.mcpgateway.openapi.http.HttpResponseData;
import dev.mcpgateway.openapi.http.InvalidArgumentsException;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compiles a declared API with openapi-to-mcp: the spec is read and every operation's binding built here, once;
 * credentials and the backend target are fixed here too. Nothing downstream reads the spec again.
 */
public final class OpenApiCompiler implements ApiCompiler {

    /** Report code of operations that need credentials the API definition does not provide. */
    public static final String MISSING_CREDENTIALS = "missing-credentials";

    private final OpenApiImporter importer;
    private final SpecSources sources;
    private final SecretResolver references;
    private final BackendCredentials credentials;

    /**
     * @param sources   where specs may come from (gateway.yml's or the admin API's rules)
     * @param variables values for {@code ${NAME}} in service URLs and credentials (the environment, plus the
     *                  gateway's own such as {@code SAMPLES_URL})
     */
    public OpenApiCompiler(SpecSources sources, Function<String, String> variables) {
        this(sources, variables, NamedValueSource.NONE);
    }

    /** @param namedValues where {@code {{name}}} references in service URLs, variables and credentials are read */
    public OpenApiCompiler(SpecSources sources, Function<String, String> variables, NamedValueSource namedValues) {
        this.importer = new OpenApiImporter(sources.files());
        this.sources = sources;
        this.references = new SecretResolver(variables, namedValues);
        this.credentials = new BackendCredentials(references);
    }

    @Override
    public CompiledApi compile(ApiDefinition definition) throws InvalidDefinitionException {
        BackendCredential credential = credential(definition);
        Optional<URI> serviceUrl = serviceUrl(definition);
        ImportResult result;
        try {
            ImportOptions.Builder options = ImportOptions.builder();
            definition.maxResponseBytes().ifPresent(options::maxResponseBytes);
            definition.unionBodies().ifPresent(options::unionBodies);
            result = importer.importSpec(sources.open(definition.openapi()), options.build());
        } catch (SpecSourceRefusedException e) {
            throw new InvalidDefinitionException("openapi", "is refused: " + e.getMessage());
        } catch (SpecImportException e) {
            String detail = e.messages().isEmpty() ? e.getMessage()
                    : e.getMessage() + ": " + String.join("; ", e.messages().subList(0, Math.min(5, e.messages().size())));
            throw new InvalidDefinitionException("openapi", "the spec could not be imported (" + detail + ")");
        }
        if (result.tools().isEmpty() && result.skipped().isEmpty()) {
            // nothing to serve: almost always not an OpenAPI document at all, or the wrong URL
            throw new InvalidDefinitionException("openapi", "the document describes no operations"
                    + (result.warnings().isEmpty() ? "" : " (" + result.warnings().getFirst() + ")"));
        }
        List<CompiledOperation> operations = new ArrayList<>();
        for (ToolDefinition tool : result.tools()) {
            operations.add(new CompiledOperation(tool.key(), tool.tool(), tool.method(), tool.pathTemplate(),
                    tool.tags(), new ToolDefinitionCodec(tool)));
        }
        List<ImportWarning> warnings = new ArrayList<>(result.report());
        if (serviceUrl.isEmpty()) {
            for (ToolDefinition tool : result.tools()) {
                if (!tool.binding().server().urlTemplate().matches("(?i)https?://.*")) {
                    throw new InvalidDefinitionException("serviceUrl", "the spec has no absolute server URL for "
                            + tool.key() + "; set serviceUrl to the API's base URL");
                }
            }
        }
        List<String> needingCredentials = result.tools().stream().filter(OpenApiCompiler::needsCredentials)
                .map(ToolDefinition::key).distinct().toList();
        if (credential instanceof NoCredential && !needingCredentials.isEmpty()) {
            warnings.add(new ImportWarning(MISSING_CREDENTIALS, "operations declare security requirements but the "
                    + "API has no credentials", needingCredentials, "configure credentials on the API"));
        }
        BackendTarget target = new BackendTarget(serviceUrl, serverVariables(definition));
        Duration timeout = definition.timeoutMillis().map(Duration::ofMillis).orElse(ApiBackend.DEFAULT_TIMEOUT);
        List<CompiledApi.Skipped> skipped = result.skipped().stream()
                .map(s -> new CompiledApi.Skipped(s.operation(), s.reason())).toList();
        return new CompiledApi(definition, result.apiTitle(), result.apiVersion(), operations, skipped, warnings,
                new ApiBackend(target, credential, timeout,
                        definition.maxResponseBytes().orElse(ApiBackend.DEFAULT_MAX_RESPONSE_BYTES)));
    }

    private static boolean needsCredentials(ToolDefinition tool) {
        var security = tool.binding().security();
        return !security.isEmpty() && security.stream().noneMatch(r -> r.anonymous());
    }

    private BackendCredential credential(ApiDefinition definition) throws InvalidDefinitionException {
        try {
            return credentials.compile(definition.credentials());
        } catch (CredentialConfigException e) {
            throw invalid(e);
        }
    }

    private Optional<URI> serviceUrl(ApiDefinition definition) throws InvalidDefinitionException {
        if (definition.serviceUrl().isEmpty()) {
            return Optional.empty();
        }
        String expanded = resolve("serviceUrl", definition.serviceUrl().get());
        try {
            URI uri = URI.create(expanded);
            BackendTarget.baseUrl(uri);
            return Optional.of(uri);
        } catch (IllegalArgumentException e) {
            throw new InvalidDefinitionException("serviceUrl", "must be an absolute http(s) URL");
        }
    }

    private Map<String, String> serverVariables(ApiDefinition definition) throws InvalidDefinitionException {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> entry : definition.serverVariables().entrySet()) {
            values.put(entry.getKey(), resolve("serverVariables." + entry.getKey(), entry.getValue()));
        }
        return values;
    }

    private String resolve(String field, String configured) throws InvalidDefinitionException {
        try {
            return references.resolveText(field, configured);
        } catch (CredentialConfigException e) {
            throw invalid(e);
        }
    }

    private static InvalidDefinitionException invalid(CredentialConfigException e) {
        return new InvalidDefinitionException(e.field(), e.reason());
    }

    /** The executor's view of a tool definition. */
    private record ToolDefinitionCodec(ToolDefinition tool) implements OperationCodec {
        @Override
        public HttpRequestPlan buildRequest(Map<String, Object> arguments, BackendTarget target)
                throws InvalidArgumentsException {
            return tool.buildRequest(arguments, target);
        }

        @Override
        public McpSchema.CallToolResult toResult(HttpResponseData response) {
            return tool.toResult(response);
        }
    }
}
