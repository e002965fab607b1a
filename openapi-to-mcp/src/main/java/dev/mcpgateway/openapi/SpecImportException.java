package dev.mcpgateway.openapi;

import java.util.List;

/**
 * The spec cannot be read at all (unreadable source, not OpenAPI, no paths object). Carries the parser's
 * messages so that a user can fix the document; an individual bad operation never raises this.
 */
public class SpecImportException extends RuntimeException {

    private final List<String> messages;

    public SpecImportException(String summary, List<String> messages) {
        super(summary);
        this.messages = List.copyOf(messages);
    }

    public List<String> messages() {
        return messages;
    }
}
