package dev.mcpgateway.gateway.resource.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mcpgateway.gateway.resource.arm.ImportOutcome.Outcome;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an Azure API Management configuration export into admin resources and a report. Accepts an ARM deployment
 * template, a Bicep-compiled ({@code languageVersion 2.0}) template, a list export (an array of resources, or
 * {@code {"value": [...]}}) and a single resource as {@code GET} returns it. A resource that cannot be imported is a
 * report line, never a failure of the whole document.
 */
public final class ArmImporter {


    private ArmImporter() {
    }

    public static ArmImport read(JsonNode document) throws ArmImportException {
        return read(document, Map.of());
    }

    /**
     * @param parameterValues template parameter values by name, as {@link ArmParameterValues#fromParametersFile}
     *                        reads them; ignored for list exports
     */
    public static ArmImport read(JsonNode document, Map<String, JsonNode> parameterValues) throws ArmImportException {
        List<Declaration> declarations = declarations(document, parameterValues);
        ResourceMapper mapper = new ResourceMapper(currentRevisions(declarations));
        ImportCollector collector = new ImportCollector();
        for (Declaration declaration : declarations) {
            switch (declaration) {
                case Declaration.Skipped skipped -> collector.leftOut(skipped.type(), skipped.name(), skipped.reason());
                case Declaration.Resource declared -> {
                    String name = ArmTypes.displayName(declared.type(), declared.names());
                    try {
                        ImportedResource resource = mapper.map(declared);
                        collector.take(resource, new ImportOutcome(Outcome.TAKEN, declared.type(), name, ""));
                    } catch (UnresolvableException e) {
                        collector.leftOut(declared.type(), name, e.reason());
                    }
                }
            }
        }
        return collector.result();
    }

    private static List<Declaration> declarations(JsonNode document, Map<String, JsonNode> parameterValues)
            throws ArmImportException {
        if (document == null || !(document.isObject() || document.isArray())) {
            throw new ArmImportException("an API Management export is a JSON object (a template, a list with "
                    + "\"value\", or one resource) or a JSON array of resources");
        }
        if (document.isArray()) {
            return ListExport.read(document);
        }
        if (document.has("resources")) {
            return TemplateWalker.walk(document, TemplateScope.of(document, parameterValues));
        }
        if (document.path("value").isArray()) {
            return ListExport.read(document.get("value"));
        }
        if (document.path("type").isTextual()) {
            return ListExport.read(JsonNodeFactory.instance.arrayNode().add(document));
        }
        throw new ArmImportException("the document is neither a template (it has no \"resources\"), a list export "
                + "(no \"value\" array) nor a single resource (no \"type\")");
    }

    /** An API revision marked current stands for the API; its operations, tools and policies come with it. */
    private static Set<String> currentRevisions(List<Declaration> declarations) {
        Set<String> current = new HashSet<>();
        for (Declaration declaration : declarations) {
            if (declaration instanceof Declaration.Resource declared
                    && ResourceKind.of(declared.type()).orElse(null) == ResourceKind.API
                    && isCurrent(declared)) {
                current.add(declared.names().get(declared.names().size() - 1));
            }
        }
        return current;
    }

    private static boolean isCurrent(Declaration.Resource api) {
        try {
            return api.values().resolve(api.properties().path("isCurrent"), "properties.isCurrent").asBoolean(false);
        } catch (UnresolvableException unknown) {
            return false;
        }
    }
}
