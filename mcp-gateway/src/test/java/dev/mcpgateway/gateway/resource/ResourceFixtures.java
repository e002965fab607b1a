package dev.mcpgateway.gateway.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.auth.store.seal.Sealer;
import dev.mcpgateway.gateway.resource.types.ResourceTypes;
import dev.mcpgateway.auth.store.seal.StoreSealing;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.resource.types.BackendResourceType;
import dev.mcpgateway.gateway.resource.types.LlmApiResourceType;
import dev.mcpgateway.gateway.resource.types.NamedValueResourceType;
import dev.mcpgateway.gateway.resource.types.ProductApiResourceType;
import dev.mcpgateway.gateway.resource.types.ProductResourceType;
import dev.mcpgateway.gateway.resource.types.SubscriptionResourceType;
import dev.mcpgateway.gateway.state.Source;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** Resources written tersely for the model's unit tests: JSON with single quotes and bare names. */
public final class ResourceFixtures {

    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES).build();

    /** A fixed test key: stores in tests seal and open their secrets the same way as the gateway does. */
    private static final Sealer SEALER = StoreSealing.sealer(
            java.util.Base64.getEncoder().encodeToString(new byte[32]), java.nio.file.Path.of("unused"));

    private ResourceFixtures() {
    }

    /** A resource store over {@code config} with every type's secrets sealed under the test key. */
    public static ResourceStore store(dev.mcpgateway.gateway.store.ConfigStore config) {
        return new ResourceStore(config, SEALER, allTypes());
    }

    /** An object from lenient JSON, e.g. {@code {url: 'https://b1.example'}}. */
    public static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A resource as /admin would hold it, taken as given (no type checks). */
    public static Resource admin(ResourceKind kind, String id, String properties) {
        return new Resource(kind, id, json(properties), Source.ADMIN);
    }

    public static ResourceSet setOf(Resource... resources) {
        ResourceSet set = ResourceSet.empty();
        for (Resource r : resources) {
            set = set.with(r);
        }
        return set;
    }

    /** Every resource type the model knows. */
    public static List<ResourceType> allTypes() {
        return ResourceTypes.all();
    }

    /** Asserts the call is refused naming {@code field}, and returns the refusal for further checks. */
    public static InvalidDefinitionException assertRefusedAt(String field, Executable call) {
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class, call);
        assertEquals(field, e.field(), e.getMessage());
        return e;
    }
}
