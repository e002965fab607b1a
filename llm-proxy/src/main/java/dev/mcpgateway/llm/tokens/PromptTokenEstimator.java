package dev.mcpgateway.llm.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.knuddels.jtokkit.api.Encoding;

/**
 * Counts the prompt tokens of an OpenAI-shaped request body locally, before the call, so a token limit can
 * refuse a prompt that does not fit without reaching the backend. The request shape is read from the body:
 * {@code messages} (chat completions), {@code prompt} (completions), {@code input} and {@code instructions}
 * (embeddings and the Responses API).
 *
 * <p>Chat messages follow OpenAI's published accounting (3 tokens per message, 1 per {@code name}, 3 to
 * prime the reply), which matches the {@code usage.prompt_tokens} the API reports for plain text messages.
 * Parts we cannot tokenize exactly are approximated: an image part counts 85 tokens (a low-detail tile),
 * tool definitions and tool calls count the tokens of their JSON text. Special-token text such as
 * {@code <|endoftext|>} is counted as ordinary text, never rejected.
 */
public final class PromptTokenEstimator {

    static final int TOKENS_PER_MESSAGE = 3;
    static final int TOKENS_PER_NAME = 1;
    static final int REPLY_PRIMING = 3;
    static final int IMAGE_PART = 85;

    private final TokenEncodings encodings;

    public PromptTokenEstimator(TokenEncodings encodings) {
        this.encodings = encodings;
    }

    public PromptTokenEstimator() {
        this(new TokenEncodings());
    }

    /**
     * The estimated prompt tokens of a request.
     *
     * @param body  the parsed request body (not modified)
     * @param model the model or deployment name choosing the encoding; when null, the body's {@code model}
     */
    public long estimate(JsonNode body, String model) {
        String m = model != null ? model : body.path("model").asText("");
        Encoding enc = encodings.forModel(m);
        if (body.has("messages")) {
            return chat(enc, body);
        }
        long tokens = 0;
        if (body.has("prompt")) {
            tokens += inputs(enc, body.get("prompt"));
        }
        if (body.has("instructions")) {
            tokens += text(enc, body.get("instructions"));
        }
        if (body.has("input")) {
            tokens += inputs(enc, body.get("input"));
        }
        return tokens + json(enc, body.get("tools"));
    }

    /** Tokens of a piece of text under the model's encoding; used for streamed deltas. */
    public int countText(String model, String text) {
        return text == null || text.isEmpty() ? 0 : encodings.forModel(model).countTokensOrdinary(text);
    }

    private long chat(Encoding enc, JsonNode body) {
        long tokens = REPLY_PRIMING;
        for (JsonNode message : body.get("messages")) {
            tokens += TOKENS_PER_MESSAGE;
            var fields = message.properties();
            for (var field : fields) {
                tokens += switch (field.getKey()) {
                    case "content" -> content(enc, field.getValue());
                    case "name" -> TOKENS_PER_NAME + text(enc, field.getValue());
                    default -> field.getValue().isTextual() ? text(enc, field.getValue()) : json(enc, field.getValue());
                };
            }
        }
        return tokens + json(enc, body.get("tools")) + json(enc, body.get("functions"));
    }

    /** {@code prompt} / {@code input}: a string, an array of strings, token ids, or Responses items. */
    private long inputs(Encoding enc, JsonNode input) {
        if (input.isTextual()) {
            return text(enc, input);
        }
        if (!input.isArray()) {
            return 0;
        }
        long tokens = 0;
        for (JsonNode item : input) {
            if (item.isNumber()) {
                tokens++; // a pre-tokenized prompt: one id is one token
            } else if (item.isArray() || item.isTextual()) {
                tokens += inputs(enc, item);
            } else if (item.isObject()) {
                tokens += TOKENS_PER_MESSAGE + content(enc, item.path("content"));
            }
        }
        return tokens;
    }

    /** A message content: a string or an array of typed parts. */
    private long content(Encoding enc, JsonNode content) {
        if (content.isTextual()) {
            return text(enc, content);
        }
        long tokens = 0;
        if (content.isArray()) {
            for (JsonNode part : content) {
                String type = part.path("type").asText("");
                if (part.has("text")) {
                    tokens += text(enc, part.get("text"));
                } else if (type.contains("image")) {
                    tokens += IMAGE_PART;
                } else {
                    tokens += json(enc, part);
                }
            }
        }
        return tokens;
    }

    private static long text(Encoding enc, JsonNode node) {
        return node == null || node.isNull() ? 0 : enc.countTokensOrdinary(node.asText());
    }

    private static long json(Encoding enc, JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? 0 : enc.countTokensOrdinary(node.toString());
    }
}
