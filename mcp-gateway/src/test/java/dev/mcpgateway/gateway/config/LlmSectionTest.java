package dev.mcpgateway.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.auth.backend.Secret;
import dev.mcpgateway.auth.backend.SecretResolver;
import dev.mcpgateway.llm.state.LlmKind;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LlmSectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ENV = Map.of("EAST_KEY", "from-the-environment",
            "EAST_HOST", "east.example");
    private static final SecretResolver REFERENCES = new SecretResolver(ENV::get,
            name -> name.equals("east-key") ? Optional.of(Secret.of("from-a-named-value")) : Optional.empty());

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void environmentVariablesAreSubstitutedAndARouteMayBeJustItsTarget() throws Exception {
        var declared = LlmSection.read(json("""
                {"backends": {"east": {"url": "http://h", "credentials": {"type": "api-key", "key": "${EAST_KEY}"}}},
                 "routes": {"gpt-4o": "east"}}"""), "gateway.yml: llm", REFERENCES);
        assertEquals("from-the-environment",
                declared.get(LlmKind.BACKENDS).get("east").path("credentials").path("key").asText());
        assertEquals("east", declared.get(LlmKind.ROUTES).get("gpt-4o").path("target").asText());
    }

    @Test
    void namedValuesAndReferencesInsideTextAreResolvedToo() throws Exception {
        var declared = LlmSection.read(json("""
                {"backends": {"east": {"url": "https://${EAST_HOST}/openai",
                                       "credentials": {"type": "api-key", "key": "{{east-key}}"}}}}"""),
                "gateway.yml: llm", REFERENCES);
        assertEquals("https://east.example/openai", declared.get(LlmKind.BACKENDS).get("east").path("url").asText());
        assertEquals("from-a-named-value",
                declared.get(LlmKind.BACKENDS).get("east").path("credentials").path("key").asText());
    }

    @Test
    void anUnsetVariableIsRefusedNamingTheKey() throws Exception {
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class, () -> LlmSection.read(
                json("{\"subscriptions\": {\"a\": {\"primaryKey\": \"${NOT_SET}\"}}}"), "gateway.yml: llm",
                REFERENCES));
        assertEquals("gateway.yml: llm.subscriptions.a.primaryKey", e.field());
        assertEquals("environment variable NOT_SET is not set", e.getMessage());
    }

    @Test
    void anUnknownNamedValueIsRefusedNamingTheKeyAndTheName() throws Exception {
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class, () -> LlmSection.read(
                json("{\"backends\": {\"b\": {\"headers\": [\"Bearer {{nope}}\"]}}}"), "gateway.yml: llm",
                REFERENCES));
        assertEquals("gateway.yml: llm.backends.b.headers[0]", e.field());
        assertEquals("named value 'nope' does not exist", e.getMessage());
    }

    @Test
    void anUnknownKindIsRefusedNamingIt() throws Exception {
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class, () -> LlmSection.read(
                json("{\"backendPools\": {}}"), "gateway.yml: llm", REFERENCES));
        assertEquals("gateway.yml: llm.backendPools", e.field());
    }

    @Test
    void theProxyWideKeysAreLeftToLlmProxySettings() throws Exception {
        var declared = LlmSection.read(json("""
                {"token-limits": {"x": {"counter-key": "{subscription}", "tokens-per-minute": 5}},
                 "cache": {"enabled": true}, "routes": {"gpt-4o": "east"}}"""), "gateway.yml: llm", REFERENCES);
        assertEquals(1, declared.get(LlmKind.ROUTES).size());
        assertEquals(5, declared.size(), "only the five resource kinds");
    }
}
