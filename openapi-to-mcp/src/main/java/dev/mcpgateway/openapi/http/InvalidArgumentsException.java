package dev.mcpgateway.openapi.http;

import java.util.List;

/**
 * Tool arguments that cannot be turned into a request. Each message names the argument it concerns
 * ({@code amount: must be >= 1}); the messages are safe to return to the model.
 */
public final class InvalidArgumentsException extends Exception {

    private final List<String> messages;

    public InvalidArgumentsException(List<String> messages) {
        super(String.join("; ", messages), null, false, false);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("at least one message");
        }
        this.messages = List.copyOf(messages);
    }

    public static InvalidArgumentsException of(String argument, String problem) {
        return new InvalidArgumentsException(List.of(argument + ": " + problem));
    }

    public List<String> messages() {
        return messages;
    }
}
