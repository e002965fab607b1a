package dev.mcpgateway.gateway.config;

import java.util.regex.Pattern;

/** The shape of API ids and MCP server names: they appear in URLs, file names and logs, so they stay plain. */
public final class Identifiers {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,79}");

    private Identifiers() {
    }

    public static void check(String field, String value) throws InvalidDefinitionException {
        if (value == null || !IDENTIFIER.matcher(value).matches() || value.contains("..")) {
            throw new InvalidDefinitionException(field,
                    "must be 1-80 characters of letters, digits, '_', '-' or '.', starting with a letter or digit");
        }
    }
}
