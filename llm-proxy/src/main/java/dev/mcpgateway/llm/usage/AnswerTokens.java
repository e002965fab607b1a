package dev.mcpgateway.llm.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.llm.tokens.PromptTokenEstimator;
import java.io.IOException;

/**
 * Counts what a whole (non-streamed) answer generated, for the backends that leave {@code usage} out (some
 * OpenAI-compatible servers do): charging such an answer 0 tokens would let a caller run past every limit. The text
 * the model produced is counted with the model's encoding, the same way {@link StreamUsageMeter} counts deltas:
 * <ul>
 *   <li>Chat: {@code choices[].message.content} (a string or text parts), {@code refusal},
 *       {@code reasoning_content}, and the name and arguments of {@code tool_calls} / {@code function_call}</li>
 *   <li>Completions: {@code choices[].text}</li>
 *   <li>Responses: the {@code text} of {@code output[].content[]} parts (and {@code refusal}), the name and
 *       arguments of function calls, reasoning summaries; {@code output_text} only when there is no
 *       {@code output}, since SDKs derive it from the same parts</li>
 *   <li>Embeddings: nothing (they generate no tokens)</li>
 * </ul>
 */
public final class AnswerTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerTokens() {
    }

    /** The estimate to charge: the prompt estimate plus the tokens of the generated text. */
    public static Usage estimate(PromptTokenEstimator tokens, String model, byte[] answer, long promptTokens) {
        return Usage.of(promptTokens, completion(tokens, model, answer));
    }

    /** The completion tokens of an answer body; 0 when it is not JSON or holds no generated text. */
    public static long completion(PromptTokenEstimator tokens, String model, byte[] answer) {
        JsonNode root;
        try {
            root = JSON.readTree(answer);
        } catch (IOException e) {
            return 0;
        }
        if (root == null || !root.isObject()) {
            return 0;
        }
        Counter counter = new Counter(tokens, model);
        for (JsonNode choice : root.path("choices")) {
            counter.text(choice.get("text"));
            JsonNode message = choice.path("message");
            counter.parts(message.get("content"));
            counter.text(message.get("refusal"));
            counter.text(message.get("reasoning_content"));
            for (JsonNode call : message.path("tool_calls")) {
                counter.call(call.path("function"));
            }
            counter.call(message.path("function_call"));
        }
        JsonNode output = root.get("output");
        if (output != null && output.isArray()) {
            for (JsonNode item : output) {
                counter.parts(item.get("content"));
                counter.parts(item.get("summary"));
                counter.call(item);
            }
        } else {
            counter.text(root.get("output_text"));
        }
        return counter.total;
    }

    private static final class Counter {
        private final PromptTokenEstimator tokens;
        private final String model;
        private long total;

        Counter(PromptTokenEstimator tokens, String model) {
            this.tokens = tokens;
            this.model = model;
        }

        void text(JsonNode node) {
            if (node != null && node.isTextual()) {
                total += tokens.countText(model, node.asText());
            }
        }

        /** A content that is a string or an array of typed parts carrying {@code text} or {@code refusal}. */
        void parts(JsonNode content) {
            if (content == null) {
                return;
            }
            if (content.isTextual()) {
                text(content);
                return;
            }
            for (JsonNode part : content) {
                text(part.get("text"));
                text(part.get("refusal"));
            }
        }

        /** A tool or function call: its name and its JSON arguments, as the model wrote them. */
        void call(JsonNode function) {
            if (function.has("arguments")) {
                text(function.get("name"));
                text(function.get("arguments"));
            }
        }
    }
}
