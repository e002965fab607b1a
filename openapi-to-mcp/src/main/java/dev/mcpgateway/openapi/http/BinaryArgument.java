package dev.mcpgateway.openapi.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;

/** A decoded file argument (see {@link FileArgument}): bytes, and the filename/content type the model gave. */
record BinaryArgument(byte[] bytes, String filename, String contentType) {

    static BinaryArgument decode(String argument, JsonNode value, long maxBytes) throws InvalidArgumentsException {
        String base64;
        String filename = null;
        String contentType = null;
        if (value.isTextual()) {
            base64 = value.textValue();
        } else if (value.isObject() && value.path(FileArgument.CONTENT).isTextual()) {
            base64 = value.get(FileArgument.CONTENT).textValue();
            filename = textOrNull(value.get(FileArgument.FILENAME));
            contentType = textOrNull(value.get(FileArgument.CONTENT_TYPE));
        } else {
            throw InvalidArgumentsException.of(argument,
                    "must be a base64 string or an object with a base64 'content'");
        }
        // 4 base64 characters carry 3 bytes: refuse before decoding a huge string into memory.
        if ((long) base64.length() / 4 * 3 > maxBytes + 3) {
            throw InvalidArgumentsException.of(argument, "file is larger than " + maxBytes + " bytes");
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(stripDataUrl(base64));
        } catch (IllegalArgumentException e) {
            throw InvalidArgumentsException.of(argument, "is not valid base64");
        }
        if (bytes.length > maxBytes) {
            throw InvalidArgumentsException.of(argument, "file is larger than " + maxBytes + " bytes");
        }
        if (contentType != null && (contentType.indexOf('\r') >= 0 || contentType.indexOf('\n') >= 0)) {
            throw InvalidArgumentsException.of(argument, "contentType must be a single line");
        }
        return new BinaryArgument(bytes, filename, contentType);
    }

    /** Models often send {@code data:image/png;base64,....}; the bytes are after the comma. */
    private static String stripDataUrl(String base64) {
        if (base64.startsWith("data:")) {
            int comma = base64.indexOf(',');
            return comma < 0 ? base64 : base64.substring(comma + 1);
        }
        return base64;
    }

    private static String textOrNull(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }
}
