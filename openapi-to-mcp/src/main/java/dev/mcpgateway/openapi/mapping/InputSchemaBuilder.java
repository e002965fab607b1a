package dev.mcpgateway.openapi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.openapi.http.BodyBinding;
import dev.mcpgateway.openapi.http.BodyProperty;
import dev.mcpgateway.openapi.http.ConstantParameter;
import dev.mcpgateway.openapi.http.FileArgument;
import dev.mcpgateway.openapi.http.ParameterBinding;
import dev.mcpgateway.openapi.schema.SchemaConverter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assembles a tool's inputSchema (a JSON Schema 2020-12 object) from the visible parameters and the request body,
 * and the matching bindings. Parameters come first in path, query, header, cookie order, then the body.
 */
final class InputSchemaBuilder {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SchemaConverter converter;
    private final boolean hoistUnions;
    private final List<String> warnings;
    private Map<String, String> fixed = Map.of();

    InputSchemaBuilder(SchemaConverter converter, boolean hoistUnions, List<String> warnings) {
        this.converter = converter;
        this.hoistUnions = hoistUnions;
        this.warnings = warnings;
    }

    /** One argument before naming: its schema, how it binds, and whether it is required. */
    private record Pending(ArgumentNamer.Candidate candidate, JsonNode schema, boolean required, SpecParameter parameter,
                           String bodyProperty, boolean file) {
    }

    /**
     * @param fixed body properties the gateway sets itself (a variant's discriminator): left out of the arguments
     */
    InputPlan build(List<SpecParameter> visible, List<ConstantParameter> constants, Optional<BodyPlan> body,
                    Map<String, String> fixed) {
        this.fixed = fixed;
        List<Pending> pending = new ArrayList<>();
        for (var origin : List.of(ArgumentNamer.Origin.PATH, ArgumentNamer.Origin.QUERY, ArgumentNamer.Origin.HEADER,
                ArgumentNamer.Origin.COOKIE)) {
            for (SpecParameter p : visible) {
                if (p.in().name().equals(origin.name())) {
                    pending.add(new Pending(new ArgumentNamer.Candidate(p.name(), origin), parameterSchema(p),
                            p.required(), p, null, false));
                }
            }
        }
        BodyShapeDecision decision = body.map(this::decideBody).orElse(null);
        if (decision != null) {
            pending.addAll(decision.arguments());
        }
        List<String> names = ArgumentNamer.name(pending.stream().map(Pending::candidate).toList());

        ObjectNode schema = JSON.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        List<ParameterBinding> parameters = new ArrayList<>();
        List<BodyProperty> bodyProperties = new ArrayList<>();
        String wholeArgument = null;
        for (int i = 0; i < pending.size(); i++) {
            Pending arg = pending.get(i);
            String name = names.get(i);
            properties.set(name, arg.schema());
            if (arg.required()) {
                required.add(name);
            }
            if (arg.parameter() != null) {
                parameters.add(ParameterBindings.bind(name, arg.parameter(), Shapes.of(arg.schema(), converter),
                        warnings));
            } else if (arg.bodyProperty() != null) {
                bodyProperties.add(new BodyProperty(name, arg.bodyProperty(),
                        arg.file() ? dev.mcpgateway.openapi.http.ValueShape.PRIMITIVE : Shapes.of(arg.schema(), converter),
                        arg.file(), ParameterBindings.encoding(decision.plan().encoding().path(arg.bodyProperty()),
                        warnings)));
            } else {
                wholeArgument = name;
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        ObjectNode defs = converter.defs();
        if (!defs.isEmpty()) {
            schema.set("$defs", defs);
        }
        Optional<BodyBinding> bodyBinding = Optional.empty();
        if (decision != null) {
            BodyPlan plan = decision.plan();
            bodyBinding = Optional.of((wholeArgument != null
                    ? BodyBinding.whole(plan.mediaType(), wholeArgument, plan.required())
                    : BodyBinding.properties(plan.mediaType(), bodyProperties, plan.required()))
                    .withFixedProperties(fixed));
        }
        return new InputPlan(schema, parameters, bodyBinding, constants);
    }

    private JsonNode parameterSchema(SpecParameter p) {
        ObjectNode schema = SchemaConverterSupport.object(converter.convert(p.schema(), 1));
        JsonNode node = p.node();
        String description = node.path("description").asText("");
        if (!description.isBlank()) {
            schema.put("description", ToolText.clean(description));
        }
        if (node.path("deprecated").asBoolean(false)) {
            schema.put("deprecated", true);
        }
        if (!schema.has("examples")) {
            ArrayNode examples = JSON.arrayNode();
            if (node.has("example")) {
                examples.add(node.get("example"));
            }
            node.path("examples").properties().forEach(e -> {
                if (e.getValue().has("value")) {
                    examples.add(e.getValue().get("value"));
                }
            });
            if (!examples.isEmpty()) {
                schema.set("examples", examples);
            }
        }
        return schema;
    }

    private record BodyShapeDecision(BodyPlan plan, List<Pending> arguments) {
    }

    private BodyShapeDecision decideBody(BodyPlan plan) {
        String essence = plan.essence();
        ObjectNode converted = plan.schema() == null ? null : converter.convertRoot(plan.schema());
        String description = plan.description();
        if (MediaTypes.isBinary(essence) || converted != null && Shapes.isBinary(converted)
                && !MediaTypes.isForm(essence)) {
            ObjectNode file = MAPPER.valueToTree(FileArgument.schema(description != null ? description
                    : "The request body (" + essence + "), base64 encoded."));
            return whole(plan, file);
        }
        if (converted == null) {
            ObjectNode text = JSON.objectNode().put("type", "string");
            if (description != null) {
                text.put("description", description);
            }
            return whole(plan, text);
        }
        if (hoistUnions && !MediaTypes.isText(essence)) {
            ObjectNode hoisted = UnionHoister.hoist(converted);
            if (hoisted != null) {
                converted = hoisted;
            }
        }
        withoutFixed(converted);
        if (!Shapes.hasProperties(converted) || MediaTypes.isText(essence)) {
            if (description != null && !converted.has("description")) {
                converted.put("description", description);
            }
            return whole(plan, converted);
        }
        if (converted.get("additionalProperties") != null && converted.get("additionalProperties").isObject()) {
            warnings.add("request body allows additional properties; only the named ones become arguments");
        }
        List<String> requiredProperties = new ArrayList<>();
        converted.path("required").forEach(r -> requiredProperties.add(r.asText()));
        List<Pending> arguments = new ArrayList<>();
        boolean multipart = essence.startsWith("multipart/");
        for (Map.Entry<String, JsonNode> property : converted.get("properties").properties()) {
            JsonNode schema = property.getValue();
            boolean file = multipart && Shapes.isBinary(schema);
            if (file) {
                schema = MAPPER.valueToTree(FileArgument.schema(schema.path("description").asText(null)));
            }
            arguments.add(new Pending(new ArgumentNamer.Candidate(property.getKey(), ArgumentNamer.Origin.BODY), schema,
                    plan.required() && requiredProperties.contains(property.getKey()), null, property.getKey(), file));
        }
        return new BodyShapeDecision(plan, arguments);
    }

    /** The properties the gateway sets are not the model's to fill. */
    private void withoutFixed(ObjectNode converted) {
        if (fixed.isEmpty()) {
            return;
        }
        if (converted.get("properties") instanceof ObjectNode properties) {
            fixed.keySet().forEach(properties::remove);
        }
        if (converted.get("required") instanceof ArrayNode required) {
            for (int i = required.size() - 1; i >= 0; i--) {
                if (fixed.containsKey(required.get(i).asText())) {
                    required.remove(i);
                }
            }
        }
    }

    private BodyShapeDecision whole(BodyPlan plan, ObjectNode schema) {
        String raw = plan.nameHint() != null ? plan.nameHint()
                : schema.path("title").isTextual() && schema.get("title").asText().matches("[A-Za-z][A-Za-z0-9_]{0,40}")
                ? schema.get("title").asText() : "body";
        return new BodyShapeDecision(plan, List.of(new Pending(new ArgumentNamer.Candidate(raw,
                ArgumentNamer.Origin.BODY), schema, plan.required(), null, null, false)));
    }
}
