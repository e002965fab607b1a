package dev.mcpgateway.gateway.resource.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.gateway.resource.arm.ImportOutcome.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads the export fixtures under {@code arm/} and writes the report lines tests expect. */
final class ArmFixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SERVICE = "Microsoft.ApiManagement/service";

    private ArmFixtures() {
    }

    static JsonNode fixture(String name) {
        try (InputStream in = ArmFixtures.class.getResourceAsStream("/arm/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Resource by resource, so a failure names the one that differs rather than printing them all. */
    static void assertResources(JsonNode expected, List<ImportedResource> actual) {
        List<JsonNode> written = actual.stream().<JsonNode>map(JSON::valueToTree).toList();
        for (int i = 0; i < Math.min(expected.size(), written.size()); i++) {
            assertEquals(expected.get(i), written.get(i), "resource " + i);
        }
        assertEquals(expected.size(), written.size(), "how many resources");
    }

    /** @param type the type below the service, e.g. {@code backends}; empty for the service itself */
    static String apim(String type) {
        return type.isEmpty() ? SERVICE : SERVICE + "/" + type;
    }

    static ImportOutcome taken(String type, String name) {
        return new ImportOutcome(Outcome.TAKEN, apim(type), name, "");
    }

    static ImportOutcome leftOut(String type, String name, String reason) {
        return new ImportOutcome(Outcome.LEFT_OUT, apim(type), name, reason);
    }
}
