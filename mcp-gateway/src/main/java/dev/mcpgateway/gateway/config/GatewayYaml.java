package dev.mcpgateway.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.resource.Resource;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.apim.ImportPlan;
import dev.mcpgateway.gateway.resource.apim.ImportPlanner;
import dev.mcpgateway.gateway.resource.arm.ArmImport;
import dev.mcpgateway.gateway.resource.arm.ArmImportException;
import dev.mcpgateway.gateway.resource.arm.ArmImporter;
import dev.mcpgateway.gateway.resource.arm.ArmParameterValues;
import dev.mcpgateway.gateway.resource.types.LlmApiResourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.mcpgateway.gateway.state.Source;
import dev.mcpgateway.gateway.store.StoredState;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a gateway.yml (GitOps): the same APIs and MCP servers as the admin API, under {@code apis} and
 * {@code mcpServers}, plus gateway-wide switches under {@code gateway}. Errors name the key.
 *
 * <pre>
 * gateway:
 *   samples: true            # start the in-process sample shop API; its URL is ${SAMPLES_URL}
 * apis:
 *   shop:
 *     openapi: classpath:specs/shop.yaml
 *     serviceUrl: ${SAMPLES_URL}
 * mcpServers:
 *   shop:
 *     apiId: shop
 * backends:                  # resources of the management model, keyed by id, with the properties /admin takes
 *   east: {url: https://east.openai.azure.com, aiProvider: azure-openai,
 *          credentials: {header: {api-key: ["${EAST_KEY}"]}}}
 *   gpt: {type: Pool, pool: {services: [{id: /backends/east}]}, models: [gpt-4o]}
 * llm:                       # the LLM proxy's proxy-wide settings as its llm.* properties
 *                            # (see {@link LlmProxySettings}); resources in the old shape here are still read
 *   token-limits:
 *     per-subscription: {counter-key: "{subscription}", tokens-per-minute: 20000}
 * </pre>
 */
public final class GatewayYaml {

    private static final Set<String> TOP_LEVEL = Set.of("gateway", "apis", "mcpServers", "llm", "named-values",
            "backends", "products", "subscriptions", "policies", "import");
    private static final Logger LOG = LoggerFactory.getLogger(GatewayYaml.class);
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final Set<String> GATEWAY_KEYS = Set.of("samples");

    /**
     * What the file declares.
     *
     * @param declared the APIs and MCP servers
     * @param samples  whether the file asks for the sample API
     * @param origin   the file, for error messages
     * @param resources the resources of the management model, in the shapes {@code /admin} takes (named values)
     */
    public record Loaded(StoredState declared, boolean samples, String origin,
                         List<Resource> resources) {

        public Loaded(StoredState declared, boolean samples, String origin) {
            this(declared, samples, origin, List.of());
        }

        public static Loaded none() {
            return new Loaded(StoredState.empty(), false, "gateway.yml");
        }
    }

    private final DefinitionCodec codec;
    private final ObjectMapper json;

    public GatewayYaml(DefinitionCodec codec, ObjectMapper json) {
        this.codec = codec;
        this.json = json;
    }

    public Loaded load(Path file) throws InvalidDefinitionException, IOException {
        String origin = file.toString();
        JsonNode root = tree(file);
        if (root.isMissingNode()) {
            return new Loaded(StoredState.empty(), false, origin);
        }
        checkKeys(root, TOP_LEVEL, origin + ": ");
        Path baseDir = file.toAbsolutePath().getParent();
        boolean samples = false;
        JsonNode gateway = root.path("gateway");
        if (gateway.isObject()) {
            checkKeys(gateway, GATEWAY_KEYS, origin + ": gateway.");
            samples = gateway.path("samples").asBoolean(false);
        }
        List<ApiDefinition> apis = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : entries(root.path("apis"), origin + ": apis")) {
            if (isModelApi(entry.getValue())) {
                continue; // a resource of the management model, read with the others
            }
            try {
                apis.add(codec.parseApi(entry.getKey(), entry.getValue(), baseDir));
            } catch (InvalidDefinitionException e) {
                throw new InvalidDefinitionException(origin + ": apis." + entry.getKey() + "." + e.field(),
                        e.getMessage());
            }
        }
        List<McpServerDefinition> servers = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : entries(root.path("mcpServers"), origin + ": mcpServers")) {
            try {
                servers.add(codec.parseServer(entry.getKey(), entry.getValue()));
            } catch (InvalidDefinitionException e) {
                throw new InvalidDefinitionException(origin + ": mcpServers." + entry.getKey() + "." + e.field(),
                        e.getMessage());
            }
        }
        List<Resource> resources = new ArrayList<>(resources(root, origin));
        for (ImportPlan plan : imports(root.path("import"), baseDir, origin)) {
            plan.resources().forEach(item -> resources.add(item.value()));
            plan.httpApis().forEach(item -> apis.add(item.value()));
            plan.mcpServers().forEach(item -> servers.add(item.value()));
        }
        return new Loaded(new StoredState(apis, servers), samples, origin, resources);
    }

    /**
     * {@code import:} APIM exports declared with the file: {@code [export.json]} or
     * {@code [{file: template.json, parameters: template.parameters.json}]}, relative to gateway.yml. What each one
     * leaves out is logged; what it takes is declared like the file's own resources.
     */
    private List<ImportPlan> imports(JsonNode node, Path baseDir, String origin) throws InvalidDefinitionException,
            IOException {
        List<ImportPlan> plans = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return plans;
        }
        if (!node.isArray()) {
            throw new InvalidDefinitionException(origin + ": import", "must be a list of files");
        }
        for (int i = 0; i < node.size(); i++) {
            String field = origin + ": import[" + i + "]";
            JsonNode entry = node.get(i);
            String file = entry.isTextual() ? entry.asText() : entry.path("file").asText(null);
            if (file == null) {
                throw new InvalidDefinitionException(field, "must be a file name or {file, parameters}");
            }
            try {
                JsonNode parameters = entry.path("parameters");
                ArmImport parsed = ArmImporter.read(readJson(baseDir, file, field),
                        parameters.isTextual() ? ArmParameterValues.fromParametersFile(
                                readJson(baseDir, parameters.asText(), field + ".parameters")) : Map.of());
                ImportPlan plan = ImportPlanner.plan(parsed, Source.GATEWAY_YML);
                plan.leftOut().forEach(o -> LOG.warn("{}: {} '{}' is left out: {}", field, o.armType(), o.name(),
                        o.reason()));
                plans.add(plan);
            } catch (ArmImportException e) {
                throw new InvalidDefinitionException(field, e.getMessage());
            }
        }
        return plans;
    }

    private JsonNode readJson(Path baseDir, String file, String field) throws InvalidDefinitionException,
            IOException {
        Path path = baseDir.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new InvalidDefinitionException(field, "file " + path + " does not exist");
        }
        try {
            return json.readTree(path.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidDefinitionException(field, "file " + path + " is not JSON");
        }
    }

    /**
     * The resources of the management model, each collection keyed by id with the properties {@code /admin} takes: a
     * product may list its APIs ({@code apis: [id, ...]}), which become its product-API links.
     */
    private static List<Resource> resources(JsonNode root, String origin) throws InvalidDefinitionException {
        List<Resource> resources = new ArrayList<>();
        for (ResourceKind kind : List.of(ResourceKind.NAMED_VALUES, ResourceKind.BACKENDS, ResourceKind.APIS,
                ResourceKind.PRODUCTS, ResourceKind.SUBSCRIPTIONS)) {
            String field = origin + ": " + kind.collection();
            for (Map.Entry<String, JsonNode> entry : entries(root.path(kind.collection()), field)) {
                if (kind == ResourceKind.APIS && !isModelApi(entry.getValue())) {
                    continue;
                }
                if (!(entry.getValue() instanceof ObjectNode given)) {
                    throw new InvalidDefinitionException(field + "." + entry.getKey(), "must be a mapping of the "
                            + kind.noun() + "'s properties");
                }
                Identifiers.check(field + "." + entry.getKey(), entry.getKey());
                ObjectNode properties = given.deepCopy();
                if (kind == ResourceKind.PRODUCTS && properties.remove("apis") instanceof JsonNode apis) {
                    for (JsonNode api : apis) {
                        resources.add(new Resource(ResourceKind.PRODUCT_APIS, entry.getKey() + "/" + api.asText(),
                                properties.objectNode(), Source.GATEWAY_YML));
                    }
                }
                resources.add(new Resource(kind, entry.getKey(), properties, Source.GATEWAY_YML));
            }
        }
        resources.addAll(policies(root, origin));
        JsonNode llm = root.path("llm");
        if (!llm.isMissingNode() && !llm.isNull() && !llm.isObject()) {
            throw new InvalidDefinitionException(origin + ": llm", "must be a mapping");
        }
        if (llm.isObject()) {
            Set<String> known = new java.util.HashSet<>(LegacyLlmResources.KEYS);
            known.addAll(LlmProxySettings.KEYS);
            checkKeys(llm, known, origin + ": llm.");
        }
        if (llm.isObject() && LegacyLlmResources.KEYS.stream().anyMatch(llm::has)) {
            LOG.warn("{}: llm.backends/pools/routes/products/subscriptions are the old shape; declare them as"
                    + " top-level backends, products and subscriptions (see the README's configuration section)",
                    origin);
            resources.addAll(LegacyLlmResources.read(llm, origin + ": llm", Source.GATEWAY_YML));
        }
        return resources;
    }

    /**
     * Policy documents by scope ({@code global}, {@code products/x}, {@code apis/x}, {@code apis/x/operations/y}):
     * the document as text, written as in APIM's policy editor (format {@code rawxml}), or {@code {format, value}}.
     */
    private static List<Resource> policies(JsonNode root, String origin) throws InvalidDefinitionException {
        List<Resource> policies = new ArrayList<>();
        String field = origin + ": policies";
        for (Map.Entry<String, JsonNode> entry : entries(root.path("policies"), field)) {
            ObjectNode properties;
            if (entry.getValue().isTextual()) {
                properties = PLAIN.createObjectNode().put("format", "rawxml").put("value", entry.getValue().asText());
            } else if (entry.getValue() instanceof ObjectNode given) {
                properties = given.deepCopy();
            } else {
                throw new InvalidDefinitionException(field + "." + entry.getKey(), "must be the policy document, or"
                        + " a mapping with format and value");
            }
            policies.add(new Resource(ResourceKind.POLICIES, entry.getKey(), properties, Source.GATEWAY_YML));
        }
        return policies;
    }

    /** An API of a model type ({@code azure-openai}, {@code openai}): a resource of the management model. */
    private static boolean isModelApi(JsonNode api) {
        return LlmApiResourceType.TYPES.contains(api.path("type").asText());
    }

    /** The file as a JSON tree (missing when empty); not YAML or not a mapping is refused naming the file. */
    public static JsonNode tree(Path file) throws InvalidDefinitionException, IOException {
        String origin = file.toString();
        Object document;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (YAMLException e) {
            throw new InvalidDefinitionException(origin, "is not valid YAML");
        }
        if (document == null) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        if (!(document instanceof Map<?, ?>)) {
            throw new InvalidDefinitionException(origin, "must be a mapping with apis and mcpServers");
        }
        // a plain mapper: the application's one leaves out empty values, and path: "" is a value
        return PLAIN.valueToTree(document);
    }

    static List<Map.Entry<String, JsonNode>> entries(JsonNode node, String field)
            throws InvalidDefinitionException {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return entries;
        }
        if (!node.isObject()) {
            throw new InvalidDefinitionException(field, "must be a mapping keyed by name");
        }
        node.fields().forEachRemaining(entries::add);
        return entries;
    }

    static void checkKeys(JsonNode node, Set<String> allowed, String prefix)
            throws InvalidDefinitionException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidDefinitionException(prefix + name, "is not a known key (expected one of "
                        + allowed.stream().sorted().toList() + ")");
            }
        }
    }
}
