package dev.mcpgateway.gateway.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.auth.backend.SecretResolver;
import dev.mcpgateway.gateway.config.McpServerDefinition.ServerMode;
import dev.mcpgateway.gateway.config.McpServerDefinition.ToolOverride;
import dev.mcpgateway.openapi.UnionBodies;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one reader and writer of API and MCP server definitions, shared by the admin API (JSON bodies), gateway.yml
 * (YAML turned into the same tree) and the file store, so the three can never disagree on a field. Errors name the
 * field.
 */
public final class DefinitionCodec {

    private static final Set<String> API_FIELDS = Set.of("openapi", "serviceUrl", "credentials", "timeoutMillis",
            "serverVariables", "maxResponseBytes", "unionBodies");
    private static final Set<String> SERVER_FIELDS = Set.of("apiId", "operations", "tools", "mode", "auth");

    private final ObjectMapper json;

    public DefinitionCodec(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param baseDir where a relative spec path is resolved (gateway.yml's folder); null to leave paths as given
     */
    public ApiDefinition parseApi(String apiId, JsonNode body, Path baseDir) throws InvalidDefinitionException {
        Identifiers.check("apiId", apiId);
        requireObject(body, API_FIELDS);
        JsonNode openapi = body.get("openapi");
        String spec;
        if (openapi == null || openapi.isNull()) {
            throw new InvalidDefinitionException("openapi", "is required: a URL, a file path or the document itself");
        } else if (openapi.isObject()) {
            spec = write(openapi);
        } else if (openapi.isTextual() && !openapi.asText().isBlank()) {
            spec = resolveSpecLocation(openapi.asText().strip(), baseDir);
        } else {
            throw new InvalidDefinitionException("openapi", "must be a URL, a file path or an OpenAPI document");
        }
        Optional<String> serviceUrl = optionalText(body, "serviceUrl");
        if (serviceUrl.isPresent() && !serviceUrl.get().matches("(?i)https?://.+") && !SecretResolver.containsReference(serviceUrl.get())) {
            throw new InvalidDefinitionException("serviceUrl", "must be an absolute http(s) URL");
        }
        JsonNode credentials = body.get("credentials");
        Map<String, Object> credentialMap = Map.of();
        if (credentials != null && !credentials.isNull()) {
            if (!credentials.isObject()) {
                throw new InvalidDefinitionException("credentials", "must be an object");
            }
            credentialMap = json.convertValue(credentials, json.getTypeFactory()
                    .constructMapType(LinkedHashMap.class, String.class, Object.class));
        }
        Optional<Long> timeout = Optional.empty();
        JsonNode timeoutNode = body.get("timeoutMillis");
        if (timeoutNode != null && !timeoutNode.isNull()) {
            if (!timeoutNode.canConvertToLong() || timeoutNode.asLong() <= 0 || !timeoutNode.isIntegralNumber()) {
                throw new InvalidDefinitionException("timeoutMillis", "must be a positive whole number of milliseconds");
            }
            timeout = Optional.of(timeoutNode.asLong());
        }
        Map<String, String> variables = new LinkedHashMap<>();
        JsonNode variablesNode = body.get("serverVariables");
        if (variablesNode != null && !variablesNode.isNull()) {
            if (!variablesNode.isObject()) {
                throw new InvalidDefinitionException("serverVariables", "must be an object of name: value");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = variablesNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
                    throw new InvalidDefinitionException("serverVariables." + entry.getKey(), "must be a string");
                }
                variables.put(entry.getKey(), entry.getValue().asText());
            }
        }
        Optional<Integer> maxResponseBytes = Optional.empty();
        JsonNode capNode = body.get("maxResponseBytes");
        if (capNode != null && !capNode.isNull()) {
            if (!capNode.isIntegralNumber() || !capNode.canConvertToInt() || capNode.asInt() <= 0) {
                throw new InvalidDefinitionException("maxResponseBytes", "must be a positive whole number of bytes");
            }
            maxResponseBytes = Optional.of(capNode.asInt());
        }
        Optional<UnionBodies> unionBodies = Optional.empty();
        Optional<String> unionText = optionalText(body, "unionBodies");
        if (unionText.isPresent()) {
            unionBodies = Optional.of(switch (unionText.get().toLowerCase(Locale.ROOT)) {
                case "argument" -> UnionBodies.ARGUMENT;
                case "hoist" -> UnionBodies.HOIST;
                case "split" -> UnionBodies.SPLIT;
                default -> throw new InvalidDefinitionException("unionBodies",
                        "must be \"argument\", \"hoist\" or \"split\"");
            });
        }
        return new ApiDefinition(apiId, spec, serviceUrl, credentialMap, timeout, variables, maxResponseBytes,
                unionBodies);
    }

    public McpServerDefinition parseServer(String name, JsonNode body) throws InvalidDefinitionException {
        Identifiers.check("name", name);
        requireObject(body, SERVER_FIELDS);
        String apiId = optionalText(body, "apiId")
                .orElseThrow(() -> new InvalidDefinitionException("apiId", "is required"));
        Identifiers.check("apiId", apiId);
        Optional<List<String>> operations = Optional.empty();
        JsonNode ops = body.get("operations");
        if (ops != null && !ops.isNull()) {
            if (!ops.isArray()) {
                throw new InvalidDefinitionException("operations", "must be an array of operationIds");
            }
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < ops.size(); i++) {
                if (!ops.get(i).isTextual() || ops.get(i).asText().isBlank()) {
                    throw new InvalidDefinitionException("operations[" + i + "]", "must be an operationId");
                }
                if (ids.contains(ops.get(i).asText())) {
                    throw new InvalidDefinitionException("operations[" + i + "]", "is listed twice");
                }
                ids.add(ops.get(i).asText());
            }
            operations = Optional.of(ids);
        }
        Map<String, ToolOverride> tools = new LinkedHashMap<>();
        JsonNode toolsNode = body.get("tools");
        if (toolsNode != null && !toolsNode.isNull()) {
            if (!toolsNode.isObject()) {
                throw new InvalidDefinitionException("tools", "must be an object keyed by operationId");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = toolsNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String field = "tools." + entry.getKey();
                if (!entry.getValue().isObject()) {
                    throw new InvalidDefinitionException(field, "must be an object with name and/or description");
                }
                requireFields(entry.getValue(), Set.of("name", "description"), field + ".");
                tools.put(entry.getKey(), new ToolOverride(optionalText(entry.getValue(), "name", field + ".").orElse(null),
                        optionalText(entry.getValue(), "description", field + ".").orElse(null)));
            }
        }
        ServerMode mode = ServerMode.TOOLS;
        Optional<String> modeText = optionalText(body, "mode");
        if (modeText.isPresent()) {
            mode = switch (modeText.get().toLowerCase(Locale.ROOT)) {
                case "tools" -> ServerMode.TOOLS;
                case "compact" -> ServerMode.COMPACT;
                default -> throw new InvalidDefinitionException("mode", "must be \"tools\" or \"compact\"");
            };
        }
        return new McpServerDefinition(name, apiId, operations, tools, mode, parseAccess(body.get("auth")));
    }

    /** {@code auth: {mode: oauth | subscription-key | none, keys: [...]}}; keys in clear are hashed here. */
    private static ServerAccess parseAccess(JsonNode auth) throws InvalidDefinitionException {
        if (auth == null || auth.isNull()) {
            return ServerAccess.DEFAULT;
        }
        if (!auth.isObject()) {
            throw new InvalidDefinitionException("auth", "must be an object with mode and, for subscription-key, keys");
        }
        requireFields(auth, Set.of("mode", "keys"), "auth.");
        Optional<ServerAccess.Mode> mode = Optional.empty();
        Optional<String> modeText = optionalText(auth, "mode", "auth.");
        if (modeText.isPresent()) {
            mode = Optional.of(ServerAccess.Mode.parse(modeText.get()).orElseThrow(() -> new InvalidDefinitionException(
                    "auth.mode", "must be \"oauth\", \"subscription-key\" or \"none\"")));
        }
        List<String> hashes = new ArrayList<>();
        JsonNode keys = auth.get("keys");
        if (keys != null && !keys.isNull()) {
            if (!keys.isArray()) {
                throw new InvalidDefinitionException("auth.keys", "must be an array of keys");
            }
            for (int i = 0; i < keys.size(); i++) {
                if (!keys.get(i).isTextual() || keys.get(i).asText().isBlank()) {
                    throw new InvalidDefinitionException("auth.keys[" + i + "]", "must be a non-empty string");
                }
                hashes.add(ServerAccess.storedForm(keys.get(i).asText().strip()));
            }
        }
        if (mode.equals(Optional.of(ServerAccess.Mode.SUBSCRIPTION_KEY)) && hashes.isEmpty()) {
            throw new InvalidDefinitionException("auth.keys", "needs at least one key in subscription-key mode");
        }
        return new ServerAccess(mode, hashes);
    }

    /** The definition as stored: exactly what was declared, credentials included (references stay references). */
    public ObjectNode toJson(ApiDefinition api) {
        ObjectNode node = json.createObjectNode();
        node.put("openapi", api.openapi());
        api.serviceUrl().ifPresent(url -> node.put("serviceUrl", url));
        if (!api.credentials().isEmpty()) {
            node.set("credentials", json.valueToTree(api.credentials()));
        }
        api.timeoutMillis().ifPresent(t -> node.put("timeoutMillis", t));
        api.maxResponseBytes().ifPresent(cap -> node.put("maxResponseBytes", cap));
        api.unionBodies().ifPresent(mode -> node.put("unionBodies", mode.name().toLowerCase(Locale.ROOT)));
        if (!api.serverVariables().isEmpty()) {
            ObjectNode variables = node.putObject("serverVariables");
            api.serverVariables().forEach(variables::put);
        }
        return node;
    }

    public ObjectNode toJson(McpServerDefinition server) {
        ObjectNode node = json.createObjectNode();
        node.put("apiId", server.apiId());
        server.operations().ifPresent(ops -> ops.forEach(node.putArray("operations")::add));
        if (!server.tools().isEmpty()) {
            ObjectNode tools = node.putObject("tools");
            server.tools().forEach((operationId, override) -> {
                ObjectNode o = tools.putObject(operationId);
                if (override.name() != null) {
                    o.put("name", override.name());
                }
                if (override.description() != null) {
                    o.put("description", override.description());
                }
            });
        }
        node.put("mode", server.mode().configName());
        ServerAccess access = server.access();
        if (!access.equals(ServerAccess.DEFAULT)) {
            ObjectNode auth = node.putObject("auth");
            access.mode().ifPresent(m -> auth.put("mode", m.configName()));
            if (!access.keyHashes().isEmpty()) {
                access.keyHashes().forEach(auth.putArray("keys")::add);
            }
        }
        return node;
    }

    /** A spec given as a relative file path in gateway.yml is relative to that file, not the working directory. */
    private static String resolveSpecLocation(String text, Path baseDir) {
        boolean document = text.contains("\n") || text.startsWith("{");
        boolean url = text.matches("(?i)(https?|file|classpath):.*");
        if (document || url || baseDir == null) {
            return text;
        }
        Path path = Path.of(text);
        return path.isAbsolute() ? text : baseDir.resolve(path).normalize().toString();
    }

    private void requireObject(JsonNode body, Set<String> allowed) throws InvalidDefinitionException {
        if (body == null || !body.isObject()) {
            throw new InvalidDefinitionException("body", "must be a JSON object");
        }
        requireFields(body, allowed, "");
    }

    private static void requireFields(JsonNode node, Set<String> allowed, String prefix)
            throws InvalidDefinitionException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                // a typo such as "serviceURL" must not be silently ignored
                throw new InvalidDefinitionException(prefix + name, "is not a known field (expected one of "
                        + allowed.stream().sorted().toList() + ")");
            }
        }
    }

    private static Optional<String> optionalText(JsonNode body, String field) throws InvalidDefinitionException {
        return optionalText(body, field, "");
    }

    private static Optional<String> optionalText(JsonNode body, String field, String prefix)
            throws InvalidDefinitionException {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new InvalidDefinitionException(prefix + field, "must be a string");
        }
        return node.asText().isBlank() ? Optional.empty() : Optional.of(node.asText());
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
