package dev.mcpgateway.gateway.resource.arm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Finds the resources of a deployment template: the {@code resources} array of a classic template or the
 * symbolic-name object of a {@code languageVersion 2.0} one, and children nested in a parent's own
 * {@code resources} with types and names relative to it.
 */
final class TemplateWalker {

    private static final String EXISTING = "declared 'existing': it refers to a resource deployed elsewhere; "
            + "nothing to import";
    private static final String COPY_LOOP = "declared with a copy loop, which this import does not expand; "
            + "declare each resource on its own";

    private final TemplateScope scope;
    private final List<Declaration> declarations = new ArrayList<>();

    private TemplateWalker(TemplateScope scope) {
        this.scope = scope;
    }

    static List<Declaration> walk(JsonNode template, TemplateScope scope) throws ArmImportException {
        TemplateWalker walker = new TemplateWalker(scope);
        JsonNode resources = template.get("resources");
        if (resources.isArray()) {
            for (int i = 0; i < resources.size(); i++) {
                walker.visit(resources.get(i), "resources[" + i + "]", null);
            }
        } else if (resources.isObject()) {
            for (Map.Entry<String, JsonNode> entry : resources.properties()) {
                walker.visit(entry.getValue(), "resources." + entry.getKey(), null);
            }
        } else {
            throw new ArmImportException("the template's resources must be an array, "
                    + "or an object of symbolic names in languageVersion 2.0");
        }
        return walker.declarations;
    }

    /** A resource whose children are nested in it; {@code names} is null when its name could not be evaluated. */
    private record Parent(String type, List<String> names, String nameFailure) {
    }

    private void visit(JsonNode resource, String location, Parent parent) {
        if (!resource.isObject() || !resource.path("type").isTextual()) {
            declarations.add(new Declaration.Skipped("", location, "not a resource: it has no type"));
            return;
        }
        String type = fullType(resource.get("type").textValue(), parent);
        List<String> names;
        try {
            names = names(resource, type, parent);
        } catch (UnresolvableException e) {
            declarations.add(new Declaration.Skipped(type, resource.path("name").asText(location), e.reason()));
            visitChildren(resource, location, new Parent(type, null, e.reason()));
            return;
        }
        declarations.add(declaration(resource, type, names));
        visitChildren(resource, location, new Parent(type, names, null));
    }

    private void visitChildren(JsonNode resource, String location, Parent parent) {
        JsonNode children = resource.path("resources");
        for (int i = 0; i < children.size(); i++) {
            visit(children.get(i), location + ".resources[" + i + "]", parent);
        }
    }

    private Declaration declaration(JsonNode resource, String type, List<String> names) {
        String name = ArmTypes.displayName(type, names);
        if (resource.path("existing").asBoolean(false)) {
            return new Declaration.Skipped(type, name, EXISTING);
        }
        if (resource.has("copy")) {
            return new Declaration.Skipped(type, name, COPY_LOOP);
        }
        if (resource.has("condition")) {
            try {
                JsonNode condition = scope.resolve(resource.get("condition"), "condition");
                if (!condition.isBoolean()) {
                    return new Declaration.Skipped(type, name, "its condition is not true or false");
                }
                if (!condition.booleanValue()) {
                    return new Declaration.Skipped(type, name, "its condition is false, so the template does not "
                            + "deploy it");
                }
            } catch (UnresolvableException e) {
                return new Declaration.Skipped(type, name, e.reason());
            }
        }
        return new Declaration.Resource(type, names, resource.path("properties"), scope);
    }

    /** A nested child may give its type relative to the parent ({@code operations}) or in full. */
    private static String fullType(String declared, Parent parent) {
        boolean relative = parent != null && !declared.split("/")[0].contains(".");
        return relative ? parent.type() + "/" + declared : declared;
    }

    /** A nested child's name is relative to its parent unless it has as many segments as its type needs. */
    private List<String> names(JsonNode resource, String type, Parent parent) throws UnresolvableException {
        JsonNode name = scope.resolve(resource.path("name"), "name");
        if (!name.isTextual() || name.textValue().isBlank()) {
            throw new UnresolvableException("the resource has no name");
        }
        List<String> own = Arrays.asList(name.textValue().split("/", -1));
        if (own.stream().anyMatch(String::isBlank)) {
            throw new UnresolvableException("the name '" + name.textValue() + "' has an empty segment");
        }
        if (parent == null || own.size() == ArmTypes.nameCount(type)) {
            return own;
        }
        if (parent.names() == null) {
            throw new UnresolvableException("its parent's name cannot be worked out: " + parent.nameFailure());
        }
        List<String> full = new ArrayList<>(parent.names());
        full.addAll(own);
        return full;
    }
}
