package dev.mcpgateway.gateway.resource.apim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.config.ApiDefinition;
import dev.mcpgateway.gateway.config.McpServerDefinition;
import dev.mcpgateway.gateway.config.McpServerDefinition.ServerMode;
import dev.mcpgateway.gateway.config.McpServerDefinition.ToolOverride;
import dev.mcpgateway.gateway.resource.Resource;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.arm.ArmImport;
import dev.mcpgateway.gateway.resource.arm.ImportOutcome;
import dev.mcpgateway.gateway.resource.arm.ImportOutcome.Outcome;
import dev.mcpgateway.gateway.resource.arm.ImportedResource;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.resource.types.LlmApiResourceType;
import dev.mcpgateway.gateway.resource.types.PolicyResourceType;
import dev.mcpgateway.gateway.state.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what the ARM reader found into an {@link ImportPlan}. APIM exports an Azure OpenAI API as an {@code http}
 * API with Azure OpenAI's inference description and a {@code set-backend-service} policy: such an API becomes an
 * {@code azure-openai} model API relaying to that backend. Other {@code http} APIs keep their OpenAPI description
 * (inline or a link) and become tools; an {@code mcp} API's tools become an MCP server on the API they name.
 */
public final class ImportPlanner {

    private static final Set<String> OPENAPI_FORMATS = Set.of("openapi", "openapi+json", "openapi-link",
            "openapi+json-link", "swagger-json", "swagger-link-json");
    private static final Set<String> MODEL_API_PROPERTIES = Set.of("displayName", "description", "path",
            "subscriptionRequired", "subscriptionKeyParameterNames");
    /** The backend an imported API's policy sends its calls to: the model API's own backend. */
    private static final Pattern BACKEND_ID = Pattern.compile("<set-backend-service[^>]*\\bbackend-id=\"([^\"]+)\"");
    private static final String AZURE_OPENAI_PATH = "/deployments/{deployment-id}/chat/completions";

    private ImportPlanner() {
    }

    public static ImportPlan plan(ArmImport parsed, Source source) {
        List<ImportOutcome> leftOut = new ArrayList<>(parsed.report().stream()
                .filter(o -> o.outcome() == Outcome.LEFT_OUT).toList());
        List<ImportPlan.Item<Resource>> resources = new ArrayList<>();
        List<ImportPlan.Item<ApiDefinition>> httpApis = new ArrayList<>();
        Map<String, List<ImportedResource>> toolsByApi = new LinkedHashMap<>();
        for (ImportedResource r : parsed.resources()) {
            switch (r.collection()) {
                case "named-values", "backends", "products", "subscriptions" -> resources.add(item(
                        new Resource(ResourceKind.ofCollection(r.collection()).orElseThrow(), r.id(), r.properties(),
                                source), Outcome.TAKEN, ""));
                case "product-apis" -> resources.add(item(new Resource(ResourceKind.PRODUCT_APIS,
                        r.parentId() + "/" + r.id(), r.properties().objectNode(), source), Outcome.TAKEN, ""));
                case "apis" -> api(r, parsed, source, resources, httpApis, leftOut);
                case "tools" -> toolsByApi.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(r);
                case "operations" -> leftOut.add(new ImportOutcome(Outcome.LEFT_OUT,
                        "Microsoft.ApiManagement/service/apis/operations", r.parentId() + "/" + r.id(),
                        "operations come from the API's OpenAPI description"));
                case "policies" -> policy(r, source, resources, leftOut);
                default -> leftOut.add(new ImportOutcome(Outcome.LEFT_OUT, r.collection(), r.id(),
                        "not a resource this gateway models"));
            }
        }
        List<ImportPlan.Item<McpServerDefinition>> servers = new ArrayList<>();
        toolsByApi.forEach((api, tools) -> mcpServer(api, tools).ifPresentOrElse(servers::add,
                () -> leftOut.add(new ImportOutcome(Outcome.LEFT_OUT, "Microsoft.ApiManagement/service/apis/tools",
                        api, "its tools name operations of more than one API, or none"))));
        Set<String> toolApis = new java.util.HashSet<>();
        httpApis.forEach(i -> toolApis.add(i.value().apiId()));
        servers.forEach(i -> toolApis.add(i.value().name()));
        List<ImportPlan.Item<Resource>> kept = new ArrayList<>();
        for (ImportPlan.Item<Resource> item : resources) {
            Resource r = item.value();
            if (r.kind() == ResourceKind.PRODUCT_APIS && toolApis.contains(r.id().substring(r.id().indexOf('/') + 1))) {
                leftOut.add(new ImportOutcome(Outcome.LEFT_OUT, r.kind().armType(), r.id(), "products grant model"
                        + " APIs here; an OpenAPI-described API is reached through its MCP server's access rules"));
            } else {
                kept.add(item);
            }
        }
        kept.sort(java.util.Comparator.comparing(i -> i.value().kind()));
        return new ImportPlan(kept, httpApis, servers, leftOut);
    }

    private static void api(ImportedResource r, ArmImport parsed, Source source,
                            List<ImportPlan.Item<Resource>> resources, List<ImportPlan.Item<ApiDefinition>> httpApis,
                            List<ImportOutcome> leftOut) {
        ObjectNode p = r.properties();
        String type = p.path("type").asText(p.path("apiType").asText("http"));
        String format = p.path("format").asText("");
        String value = p.path("value").asText("");
        if (LlmApiResourceType.TYPES.contains(type) || isAzureOpenAi(format, value)) {
            ObjectNode model = p.objectNode().put("type", LlmApiResourceType.TYPES.contains(type) ? type
                    : "azure-openai");
            MODEL_API_PROPERTIES.forEach(field -> {
                if (p.has(field)) {
                    model.set(field, p.get(field).deepCopy());
                }
            });
            Optional.ofNullable(p.path("backendId").asText(null)).or(() -> backendOfPolicy(parsed, r.id()))
                    .ifPresent(b -> model.put("backendId", b.startsWith("/") ? b : "/backends/" + b));
            resources.add(item(new Resource(ResourceKind.APIS, r.id(), model, source), Outcome.TAKEN,
                    "an Azure OpenAI API: served as an azure-openai API at its path"));
        } else if (type.equals("mcp")) {
            return; // its tools make it, with the API they name
        } else if (!type.equals("http")) {
            leftOut.add(new ImportOutcome(Outcome.LEFT_OUT, ResourceKind.APIS.armType(), r.id(),
                    "APIs of type " + type + " are not served here"));
        } else if (!OPENAPI_FORMATS.contains(format) || value.isBlank()) {
            leftOut.add(new ImportOutcome(Outcome.LEFT_OUT, ResourceKind.APIS.armType(), r.id(),
                    "an http API needs its OpenAPI description (format openapi, openapi+json, swagger-json or a"
                            + " -link format, with value); export the API with its definition"));
        } else {
            httpApis.add(new ImportPlan.Item<>(new ApiDefinition(r.id(), value,
                    Optional.ofNullable(p.path("serviceUrl").asText(null)), Map.of(), Optional.empty()),
                    new ImportOutcome(Outcome.TAKEN, ResourceKind.APIS.armType(), r.id(),
                            "its operations become tools")));
        }
    }

    /** An MCP server of APIM's tools: one source API, its operations in order, names and descriptions as given. */
    private static Optional<ImportPlan.Item<McpServerDefinition>> mcpServer(String api, List<ImportedResource> tools) {
        Set<String> sources = new java.util.HashSet<>();
        List<String> operations = new ArrayList<>();
        Map<String, ToolOverride> overrides = new LinkedHashMap<>();
        for (ImportedResource tool : tools) {
            Matcher m = Pattern.compile("/apis/([^/]+)/operations/([^/]+)$")
                    .matcher(tool.properties().path("operationId").asText(""));
            if (!m.find()) {
                return Optional.empty();
            }
            sources.add(m.group(1));
            operations.add(m.group(2));
            overrides.put(m.group(2), new ToolOverride(tool.properties().path("displayName").asText(tool.id()),
                    tool.properties().path("description").asText(null)));
        }
        if (sources.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(new ImportPlan.Item<>(new McpServerDefinition(api, sources.iterator().next(),
                Optional.of(operations), overrides, ServerMode.TOOLS), new ImportOutcome(Outcome.TAKEN,
                ResourceKind.APIS.armType(), api, "an MCP server of " + operations.size() + " tools")));
    }

    private static boolean isAzureOpenAi(String format, String value) {
        return value.contains(AZURE_OPENAI_PATH)
                || format.endsWith("-link") && value.contains("azure-rest-api-specs")
                && value.toLowerCase(java.util.Locale.ROOT).contains("openai");
    }

    private static Optional<String> backendOfPolicy(ArmImport parsed, String apiId) {
        return parsed.resources().stream()
                .filter(r -> r.collection().equals("policies") && r.parentId().equals("/apis/" + apiId))
                .map(r -> BACKEND_ID.matcher(r.properties().path("value").asText()))
                .filter(Matcher::find).map(m -> m.group(1)).findFirst();
    }

    /**
     * A policy document the gateway can apply is taken; one with an element, attribute or expression it does not
     * support is left out naming it, so an import declared in gateway.yml still starts.
     */
    private static void policy(ImportedResource r, Source source, List<ImportPlan.Item<Resource>> resources,
                               List<ImportOutcome> leftOut) {
        String scope = policyScope(r);
        try {
            new PolicyResourceType().normalise(scope, r.properties().deepCopy(), null, null);
            resources.add(item(new Resource(ResourceKind.POLICIES, scope, r.properties(), source),
                    Outcome.TAKEN, ""));
        } catch (InvalidDefinitionException e) {
            leftOut.add(new ImportOutcome(Outcome.LEFT_OUT, ResourceKind.POLICIES.armType(), scope,
                    e.field() + ": " + e.getMessage()));
        }
    }

    private static String policyScope(ImportedResource r) {
        return r.parentId().isEmpty() ? "global" : r.parentId().substring(1);
    }

    private static ImportPlan.Item<Resource> item(Resource resource, Outcome outcome, String reason) {
        String name = resource.id();
        return new ImportPlan.Item<>(resource, new ImportOutcome(outcome, resource.kind().armType(), name, reason));
    }
}
