package dev.mcpgateway.llm.route;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.mcpgateway.llm.error.OpenAiError;
import dev.mcpgateway.llm.error.OpenAiErrorException;
import java.io.IOException;

/**
 * What the proxy must know of a request body: {@code model} and {@code stream}. Read with the streaming parser in
 * one pass (which also proves the whole body is JSON); the bytes themselves are forwarded untouched.
 */
public record RequestBody(byte[] bytes, String model, boolean stream) {

    private static final JsonFactory FACTORY = new JsonFactory();

    public static RequestBody parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw invalid("The request body is empty; a JSON object is expected.");
        }
        String model = null;
        boolean stream = false;
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw invalid("The request body must be a JSON object.");
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("model".equals(name) && value == JsonToken.VALUE_STRING) {
                    model = parser.getText();
                } else if ("stream".equals(name)) {
                    stream = value == JsonToken.VALUE_TRUE;
                } else {
                    parser.skipChildren();
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw invalid("The request body is not valid JSON.");
            }
        } catch (IOException e) {
            throw invalid("The request body is not valid JSON.");
        }
        return new RequestBody(bytes, model, stream);
    }

    private static OpenAiErrorException invalid(String message) {
        return new OpenAiErrorException(OpenAiError.invalidRequest(message, null, "invalid_json"));
    }
}
