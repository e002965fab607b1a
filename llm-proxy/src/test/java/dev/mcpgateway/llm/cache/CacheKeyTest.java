package dev.mcpgateway.llm.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CacheKeyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY = """
            {"model":"gpt-4o","temperature":0,"messages":[{"role":"user","content":"enable 2FA"}]}""";

    @Test
    void keyOrderAndWhitespaceDoNotSplitTheCache() throws Exception {
        String reordered = """
                { "messages" : [ {"content":"enable 2FA","role":"user"} ], "temperature":0, "model":"gpt-4o" }""";

        assertEquals(key("t", "dep", BODY), key("t", "dep", reordered));
    }

    @Test
    void partitionDeploymentAndEveryGenerationParameterSeparateEntries() throws Exception {
        CacheKey base = key("t", "dep", BODY);

        assertNotEquals(base, key("other-tenant", "dep", BODY));
        assertNotEquals(base, key("t", "other-dep", BODY));
        assertNotEquals(base, key("t", "dep", BODY.replace("\"temperature\":0", "\"temperature\":0.7")));
        assertNotEquals(base, key("t", "dep", BODY.replace("}]}", "}],\"tools\":[]}")));
        assertNotEquals(base, key("t", "dep", BODY.replace("}]}", "}],\"response_format\":{\"type\":\"json_object\"}}")));
        assertNotEquals(base, key("t", "dep", BODY.replace("}]}", "}],\"stream\":true}")));
        assertNotEquals(base, key("t", "dep", BODY.replace("enable 2FA", "disable 2FA")));
    }

    @Test
    void aPartitionCannotBeCraftedToCollideWithAnother() throws Exception {
        assertNotEquals(key("a", "bc", BODY), key("ab", "c", BODY));
    }

    @Test
    void theKeyNamesTheDeploymentAndHidesTheContent() throws Exception {
        String value = key("t", "dep", BODY).value();

        assertTrue(value.matches("dep:[0-9a-f]{64}"), value);
    }

    private static CacheKey key(String partition, String deployment, String body) throws Exception {
        return CacheKey.of(partition, deployment, JSON.readTree(body));
    }
}
