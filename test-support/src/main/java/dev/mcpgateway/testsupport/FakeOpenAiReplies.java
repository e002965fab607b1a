package dev.mcpgateway.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The answer bodies of {@link FakeOpenAiBackend}, shaped like OpenAI's. */
final class FakeOpenAiReplies {

    private static final ObjectMapper JSON = new ObjectMapper();


    private FakeOpenAiReplies() {
    }

    static ObjectNode usage(FakeOpenAiBackend.Behaviour.Ok ok) {
        ObjectNode usage = JSON.createObjectNode();
        usage.put("prompt_tokens", ok.promptTokens());
        usage.put("completion_tokens", ok.completionTokens());
        usage.put("total_tokens", ok.promptTokens() + ok.completionTokens());
        return usage;
    }

    static ObjectNode chat(String model, String backend, FakeOpenAiBackend.Behaviour.Ok ok) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-" + backend);
        root.put("object", "chat.completion");
        root.put("created", 1_700_000_000L);
        root.put("model", model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", ok.text());
        choice.put("finish_reason", "stop");
        root.set("usage", usage(ok));
        root.put("system_fingerprint", "fp_" + backend);
        return root;
    }

    static ObjectNode completion(String model, String backend, FakeOpenAiBackend.Behaviour.Ok ok) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "cmpl-" + backend);
        root.put("object", "text_completion");
        root.put("created", 1_700_000_000L);
        root.put("model", model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.put("text", ok.text());
        choice.put("finish_reason", "stop");
        root.set("usage", usage(ok));
        return root;
    }

    static ObjectNode embeddings(String model, FakeOpenAiBackend.Behaviour.Ok ok) {
        ObjectNode root = JSON.createObjectNode();
        root.put("object", "list");
        ObjectNode item = root.putArray("data").addObject();
        item.put("object", "embedding");
        item.put("index", 0);
        ArrayNode vector = item.putArray("embedding");
        for (int i = 0; i < 8; i++) {
            vector.add(0.125 * i);
        }
        root.put("model", model);
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", ok.promptTokens());
        usage.put("total_tokens", ok.promptTokens());
        return root;
    }

    static ObjectNode response(String model, String backend, FakeOpenAiBackend.Behaviour.Ok ok) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "resp_" + backend);
        root.put("object", "response");
        root.put("created_at", 1_700_000_000L);
        root.put("status", "completed");
        root.put("model", model);
        ObjectNode message = root.putArray("output").addObject();
        message.put("type", "message");
        message.put("id", "msg_" + backend);
        message.put("status", "completed");
        message.put("role", "assistant");
        ObjectNode content = message.putArray("content").addObject();
        content.put("type", "output_text");
        content.put("text", ok.text());
        content.putArray("annotations");
        ObjectNode usage = root.putObject("usage");
        usage.put("input_tokens", ok.promptTokens());
        usage.put("output_tokens", ok.completionTokens());
        usage.put("total_tokens", ok.promptTokens() + ok.completionTokens());
        usage.putObject("input_tokens_details").put("cached_tokens", 0);
        usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
        return root;
    }

    static List<String> chatStream(String model, String backend, FakeOpenAiBackend.Behaviour.Ok ok, boolean usage, boolean legacy) {
        List<String> events = new ArrayList<>();
        String text = ok.text();
        int pieces = Math.max(1, ok.chunks());
        int step = Math.max(1, (text.length() + pieces - 1) / pieces);
        try {
            for (int at = 0; at < text.length(); at += step) {
                String piece = text.substring(at, Math.min(text.length(), at + step));
                ObjectNode chunk = JSON.createObjectNode();
                chunk.put("id", (legacy ? "cmpl-" : "chatcmpl-") + backend);
                chunk.put("object", legacy ? "text_completion" : "chat.completion.chunk");
                chunk.put("created", 1_700_000_000L);
                chunk.put("model", model);
                ObjectNode choice = chunk.putArray("choices").addObject();
                choice.put("index", 0);
                if (legacy) {
                    choice.put("text", piece);
                } else {
                    choice.putObject("delta").put("content", piece);
                }
                choice.putNull("finish_reason");
                events.add(JSON.writeValueAsString(chunk));
            }
            ObjectNode last = JSON.createObjectNode();
            last.put("id", "chatcmpl-" + backend);
            last.put("object", "chat.completion.chunk");
            last.put("created", 1_700_000_000L);
            last.put("model", model);
            ObjectNode choice = last.putArray("choices").addObject();
            choice.put("index", 0);
            choice.putObject("delta");
            choice.put("finish_reason", "stop");
            events.add(JSON.writeValueAsString(last));
            if (usage) {
                ObjectNode u = JSON.createObjectNode();
                u.put("id", "chatcmpl-" + backend);
                u.put("object", "chat.completion.chunk");
                u.put("created", 1_700_000_000L);
                u.put("model", model);
                u.putArray("choices");
                u.set("usage", usage(ok));
                events.add(JSON.writeValueAsString(u));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return events;
    }

    /** Responses API stream events as {type, data}: created, text deltas, text done, completed with usage. */
    static List<String[]> responseStream(String model, String backend, FakeOpenAiBackend.Behaviour.Ok ok) {
        List<String[]> events = new ArrayList<>();
        try {
            ObjectNode created = JSON.createObjectNode();
            created.put("type", "response.created");
            created.put("sequence_number", 0);
            ObjectNode pending = response(model, backend, ok);
            pending.put("status", "in_progress");
            pending.putArray("output");
            pending.remove("usage");
            created.set("response", pending);
            events.add(new String[] {"response.created", JSON.writeValueAsString(created)});
            String text = ok.text();
            int step = Math.max(1, (text.length() + ok.chunks() - 1) / Math.max(1, ok.chunks()));
            int seq = 1;
            for (int at = 0; at < text.length(); at += step) {
                ObjectNode delta = JSON.createObjectNode();
                delta.put("type", "response.output_text.delta");
                delta.put("sequence_number", seq++);
                delta.put("item_id", "msg_" + backend);
                delta.put("output_index", 0);
                delta.put("content_index", 0);
                delta.put("delta", text.substring(at, Math.min(text.length(), at + step)));
                delta.putArray("logprobs");
                events.add(new String[] {"response.output_text.delta", JSON.writeValueAsString(delta)});
            }
            ObjectNode completed = JSON.createObjectNode();
            completed.put("type", "response.completed");
            completed.put("sequence_number", seq);
            completed.set("response", response(model, backend, ok));
            events.add(new String[] {"response.completed", JSON.writeValueAsString(completed)});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return events;
    }
}
