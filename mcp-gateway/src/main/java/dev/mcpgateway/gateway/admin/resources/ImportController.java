package dev.mcpgateway.gateway.admin.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.admin.AdminRequests;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.resource.ManagementState;
import dev.mcpgateway.gateway.resource.apim.ImportApplier;
import dev.mcpgateway.gateway.resource.apim.ImportPlanner;
import dev.mcpgateway.gateway.resource.arm.ArmImport;
import dev.mcpgateway.gateway.resource.arm.ArmImportException;
import dev.mcpgateway.gateway.resource.arm.ArmImporter;
import dev.mcpgateway.gateway.resource.arm.ArmParameterValues;
import dev.mcpgateway.gateway.resource.arm.ImportOutcome;
import dev.mcpgateway.gateway.state.GatewayState;
import dev.mcpgateway.gateway.state.Source;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /admin/import}: brings an API Management configuration along. The body is an ARM template, a
 * Bicep-compiled template or a list export of {@code Microsoft.ApiManagement/service/*} resources, or
 * {@code {"template": ..., "parameters": ...}} to give a template its parameter values. The answer reports every
 * resource: taken, kept (policy documents, until the policy engine applies them) or left out, and why.
 */
@Controller("/admin/import")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class ImportController {

    private final ImportApplier applier;
    private final AdminRequests requests;
    private final ObjectMapper json;

    public ImportController(ManagementState state, GatewayState tools, ObjectMapper json) {
        this.applier = new ImportApplier(state, tools);
        this.requests = new AdminRequests(json);
        this.json = json;
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> importExport(@Body @Nullable String body) throws Exception {
        JsonNode document = requests.parse(body);
        ArmImport parsed;
        try {
            parsed = document.has("template") && !document.has("resources")
                    ? ArmImporter.read(document.get("template"), parameters(document.get("parameters")))
                    : ArmImporter.read(document);
        } catch (ArmImportException e) {
            throw new InvalidDefinitionException("body", e.getMessage());
        }
        List<ImportOutcome> report = applier.apply(ImportPlanner.plan(parsed, Source.ADMIN));
        ObjectNode answer = json.createObjectNode();
        for (ImportOutcome.Outcome outcome : ImportOutcome.Outcome.values()) {
            answer.put(outcome.wireName(), report.stream().filter(o -> o.outcome() == outcome).count());
        }
        answer.set("report", json.valueToTree(report));
        return HttpResponse.ok(answer);
    }

    /** A parameters file ({@code {"parameters": {"x": {"value": ..}}}}) or a plain map of values. */
    private static Map<String, JsonNode> parameters(JsonNode given) throws ArmImportException {
        if (given == null || given.isNull()) {
            return Map.of();
        }
        if (given.has("parameters")) {
            return ArmParameterValues.fromParametersFile(given);
        }
        Map<String, JsonNode> values = new java.util.LinkedHashMap<>();
        given.properties().forEach(e -> values.put(e.getKey(), e.getValue()));
        return values;
    }

    @Error(exception = Exception.class)
    public HttpResponse<?> failed(Exception failure) {
        return requests.problem(failure);
    }
}
