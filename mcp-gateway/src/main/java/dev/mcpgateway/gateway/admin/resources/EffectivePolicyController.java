package dev.mcpgateway.gateway.admin.resources;

import dev.mcpgateway.gateway.admin.AdminRequests;
import dev.mcpgateway.gateway.catalog.GatewayCatalog;
import dev.mcpgateway.gateway.catalog.ServedMcpServer;
import dev.mcpgateway.gateway.policy.engine.EffectivePolicy;
import dev.mcpgateway.gateway.policy.engine.PolicyEngine;
import dev.mcpgateway.gateway.policy.engine.PolicyScope;
import dev.mcpgateway.gateway.policy.engine.Step;
import dev.mcpgateway.gateway.policy.engine.Surface;
import dev.mcpgateway.gateway.policy.xml.Section;
import dev.mcpgateway.gateway.resource.ManagementState;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.state.ResourceNotFoundException;
import dev.mcpgateway.llm.api.Operation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The policy a call actually runs, composed from every scope with {@code <base />}: {@code GET
 * /admin/apis/{id}/policies/effective} for the API as a whole and {@code .../operations/{op}/policies/effective} for
 * one operation or tool, optionally as a product's subscriber ({@code ?product=}). Each step names the scope and
 * line it was written at. Model APIs are shown as the LLM routes run them, MCP servers as tool calls run them.
 */
@Controller("/admin/apis/{id}")
public final class EffectivePolicyController {

    private final PolicyEngine engine;
    private final ManagementState management;
    private final GatewayCatalog catalog;
    private final AdminRequests requests;

    public EffectivePolicyController(PolicyEngine engine, ManagementState management, GatewayCatalog catalog,
                                     AdminResources resources) {
        this.engine = engine;
        this.management = management;
        this.catalog = catalog;
        this.requests = resources.requests();
    }

    @Get(uri = "/policies/effective", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> api(@PathVariable String id, @QueryValue @Nullable String product)
            throws ResourceNotFoundException {
        return HttpResponse.ok(view(surface(id, null), new PolicyScope(product(product), id, null)));
    }

    @Get(uri = "/operations/{operation}/policies/effective", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> operation(@PathVariable String id, @PathVariable String operation,
                                     @QueryValue @Nullable String product) throws ResourceNotFoundException {
        return HttpResponse.ok(view(surface(id, operation), new PolicyScope(product(product), id, operation)));
    }

    /** The surface the API is served on; refuses an API or operation the gateway does not serve. */
    private Surface surface(String api, String operation) throws ResourceNotFoundException {
        if (management.get(ResourceKind.APIS, api).isPresent()) {
            if (operation != null && !Operation.ids().contains(operation)) {
                throw new ResourceNotFoundException("Operation of API '" + api + "' (one of "
                        + String.join(", ", Operation.ids()) + ")", operation);
            }
            return Surface.LLM;
        }
        Optional<ServedMcpServer> server = catalog.find(api);
        if (server.isEmpty()) {
            throw new ResourceNotFoundException("API or MCP server", api);
        }
        if (operation != null && !server.get().operations().contains(operation)) {
            throw new ResourceNotFoundException("Tool or operation of MCP server '" + api + "'", operation);
        }
        return Surface.MCP;
    }

    private String product(String product) throws ResourceNotFoundException {
        if (product != null && management.get(ResourceKind.PRODUCTS, product).isEmpty()) {
            throw new ResourceNotFoundException("Product", product);
        }
        return product;
    }

    private Map<String, Object> view(Surface surface, PolicyScope scope) {
        EffectivePolicy policy = engine.effective(surface, scope);
        Map<String, Object> sections = new LinkedHashMap<>();
        for (Section section : Section.values()) {
            List<Map<String, Object>> steps = new ArrayList<>();
            for (Step step : policy.sections().getOrDefault(section, List.of())) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("policy", step.element());
                entry.put("scope", step.scope());
                entry.put("line", step.line());
                steps.add(entry);
            }
            sections.put(section.xmlName(), steps);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("surface", surface.name().toLowerCase(Locale.ROOT));
        view.put("scopes", scope.documentIds());
        view.put("sections", sections);
        return view;
    }

    @Error(exception = Exception.class)
    public HttpResponse<?> failed(Exception failure) {
        return requests.problem(failure);
    }
}
