package dev.mcpgateway.openapi.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Refuses path values that would walk the URL tree once some hop decodes them ({@code ..}, {@code %2E%2E},
 * {@code ..%2F}, double encodings). The value is encoded anyway; this is defence in depth against backends and
 * proxies that decode {@code %2F} before routing.
 */
final class PathGuard {

    private static final int MAX_DECODE_ROUNDS = 4;

    private PathGuard() {
    }

    static void check(String argument, JsonNode value) throws InvalidArgumentsException {
        if (value.isContainerNode()) {
            for (JsonNode item : value) {
                check(argument, item);
            }
            return;
        }
        String text = JsonValues.text(value);
        if (text.isEmpty()) {
            throw InvalidArgumentsException.of(argument, "must not be empty (it is a path segment)");
        }
        String decoded = text;
        for (int round = 0; round < MAX_DECODE_ROUNDS; round++) {
            for (String piece : decoded.split("[/\\\\]", -1)) {
                if (piece.equals("..") || piece.equals(".")) {
                    throw InvalidArgumentsException.of(argument, "must not contain '.' or '..' path segments");
                }
            }
            String next = percentDecode(decoded);
            if (next.equals(decoded)) {
                return;
            }
            decoded = next;
        }
    }

    private static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
