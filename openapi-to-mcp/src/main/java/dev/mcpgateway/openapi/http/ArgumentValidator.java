package dev.mcpgateway.openapi.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates tool arguments against the tool's inputSchema (JSON Schema 2020-12), compiled once per tool and safe to
 * share between threads. Messages name the argument. Before validating, a JSON-encoded string given where the
 * schema wants an object or array is parsed: some models send objects that way.
 */
public final class ArgumentValidator {

    // Remote $refs are never fetched (the library only fetches when asked to); formats are asserted so the model
    // learns about a malformed date or email before the API rejects it with a vaguer message.
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true).build()));

    private final Schema schema;
    private final Set<String> containerArguments;

    private ArgumentValidator(Schema schema, Set<String> containerArguments) {
        this.schema = schema;
        this.containerArguments = containerArguments;
    }

    /** @throws IllegalArgumentException when the schema cannot be compiled */
    public static ArgumentValidator compile(Map<String, Object> inputSchema) {
        JsonNode node = JsonValues.MAPPER.valueToTree(inputSchema);
        Schema schema;
        try {
            schema = REGISTRY.getSchema(node);
            schema.initializeValidators();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("inputSchema does not compile as JSON Schema 2020-12", e);
        }
        return new ArgumentValidator(schema, ContainerArguments.of(node));
    }

    /** Returns the arguments normalised (JSON-encoded strings for object/array arguments parsed). */
    public Map<String, Object> validate(Map<String, Object> arguments) throws InvalidArgumentsException {
        return JsonValues.MAPPER.convertValue(validateTree(arguments), JsonValues.MAP_TYPE);
    }

    ObjectNode validateTree(Map<String, Object> arguments) throws InvalidArgumentsException {
        ObjectNode args = JsonValues.MAPPER.valueToTree(arguments == null ? Map.of() : arguments);
        for (String name : containerArguments) {
            JsonNode value = args.get(name);
            if (value != null && value.isTextual()) {
                JsonNode parsed = ResponseMapper.parse(value.textValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (parsed != null && parsed.isContainerNode()) {
                    args.set(name, parsed);
                }
            }
        }
        List<Error> errors = schema.validate(args);
        if (!errors.isEmpty()) {
            Set<String> messages = new LinkedHashSet<>();
            for (Error error : errors) {
                messages.add(ValidationMessages.describe(error));
            }
            throw new InvalidArgumentsException(new ArrayList<>(messages));
        }
        return args;
    }
}
