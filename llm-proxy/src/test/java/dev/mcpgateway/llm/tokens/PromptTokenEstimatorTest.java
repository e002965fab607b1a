package dev.mcpgateway.llm.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.api.EncodingType;
import org.junit.jupiter.api.Test;

class PromptTokenEstimatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PromptTokenEstimator estimator = new PromptTokenEstimator();

    /**
     * The example conversation of OpenAI's cookbook "How to count tokens with tiktoken", for which the API
     * reports 129 prompt tokens on gpt-3.5-turbo-0613 / gpt-4-0613 and 124 on gpt-4o / gpt-4o-mini.
     */
    private static final String COOKBOOK_MESSAGES = """
            [
              {"role": "system", "content": "You are a helpful, pattern-following assistant that translates corporate jargon into plain English."},
              {"role": "system", "name": "example_user", "content": "New synergies will help drive top-line growth."},
              {"role": "system", "name": "example_assistant", "content": "Things working well together will increase revenue."},
              {"role": "system", "name": "example_user", "content": "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage."},
              {"role": "system", "name": "example_assistant", "content": "Let's talk later when we're less busy about how to do better."},
              {"role": "user", "content": "This late pivot means we don't have time to boil the ocean for the client deliverable."}
            ]""";

    @Test
    void countsTheCookbookConversationAsTheApiReportsForCl100kModels() throws Exception {
        assertEquals(129, estimator.estimate(chat("gpt-4-0613"), null));
        assertEquals(129, estimator.estimate(chat("gpt-35-turbo"), null));
    }

    @Test
    void countsTheCookbookConversationAsTheApiReportsForO200kModels() throws Exception {
        assertEquals(124, estimator.estimate(chat("gpt-4o"), null));
        assertEquals(124, estimator.estimate(chat("ignored"), "gpt-4o-mini"));
    }

    @Test
    void picksTheEncodingByModelFamily() {
        assertEquals(EncodingType.O200K_BASE, TokenEncodings.typeFor("gpt-4.1-mini"));
        assertEquals(EncodingType.O200K_BASE, TokenEncodings.typeFor("o3-mini"));
        assertEquals(EncodingType.O200K_BASE, TokenEncodings.typeFor("GPT-5"));
        assertEquals(EncodingType.CL100K_BASE, TokenEncodings.typeFor("gpt-4-turbo"));
        assertEquals(EncodingType.CL100K_BASE, TokenEncodings.typeFor("gpt-3.5-turbo-instruct"));
        assertEquals(EncodingType.CL100K_BASE, TokenEncodings.typeFor("text-embedding-3-small"));
        assertEquals(EncodingType.O200K_BASE, TokenEncodings.typeFor("my-azure-deployment"));
    }

    @Test
    void countsCompletionsPromptsAsStringsArraysAndTokenIds() throws Exception {
        // "hello world" is 2 tokens in cl100k_base: [15339, 1917]
        assertEquals(2, estimator.estimate(body("{\"model\":\"gpt-3.5-turbo-instruct\",\"prompt\":\"hello world\"}"), null));
        assertEquals(4, estimator.estimate(body("{\"prompt\":[\"hello world\",\"hello world\"]}"), "gpt-4"));
        assertEquals(3, estimator.estimate(body("{\"prompt\":[15339,1917,0]}"), "gpt-4"));
    }

    @Test
    void countsEmbeddingInputs() throws Exception {
        assertEquals(2, estimator.estimate(body("{\"model\":\"text-embedding-3-small\",\"input\":\"hello world\"}"), null));
        assertEquals(6, estimator.estimate(
                body("{\"input\":[\"hello world\",\"hello world\",[1,2]]}"), "text-embedding-ada-002"));
    }

    @Test
    void countsResponsesApiInputAndInstructions() throws Exception {
        // instructions "hello world" (2) + one message item: 3 + content "hello world" (2)
        assertEquals(7, estimator.estimate(body("""
                {"model":"gpt-4o","instructions":"hello world",
                 "input":[{"role":"user","content":[{"type":"input_text","text":"hello world"}]}]}"""), null));
    }

    @Test
    void specialTokenTextIsCountedAsOrdinaryTextNotRejected() throws Exception {
        long tokens = estimator.estimate(body("{\"model\":\"gpt-4o\",\"prompt\":\"<|endoftext|>\"}"), null);
        assertEquals(true, tokens > 1);
    }

    @Test
    void imagePartsAndToolsAddToTheEstimate() throws Exception {
        long text = estimator.estimate(body("""
                {"model":"gpt-4o","messages":[{"role":"user","content":[{"type":"text","text":"hello world"}]}]}"""), null);
        long withImage = estimator.estimate(body("""
                {"model":"gpt-4o","messages":[{"role":"user","content":[{"type":"text","text":"hello world"},
                 {"type":"image_url","image_url":{"url":"https://example.com/a.png"}}]}]}"""), null);
        long withTools = estimator.estimate(body("""
                {"model":"gpt-4o","messages":[{"role":"user","content":[{"type":"text","text":"hello world"}]}],
                 "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}]}"""),
                null);

        assertEquals(3 + 3 + 1 + 2, text); // priming + message + role "user" + content
        assertEquals(text + PromptTokenEstimator.IMAGE_PART, withImage);
        assertEquals(true, withTools > text + 5);
    }

    private static JsonNode chat(String model) throws Exception {
        return JSON.createObjectNode().put("model", model).set("messages", JSON.readTree(COOKBOOK_MESSAGES));
    }

    private static JsonNode body(String json) throws Exception {
        return JSON.readTree(json);
    }
}
