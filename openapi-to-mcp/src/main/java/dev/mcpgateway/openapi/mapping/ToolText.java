package dev.mcpgateway.openapi.mapping;

import java.util.List;
import java.util.Locale;

/**
 * Title and description a model reads to pick a tool: the summary as title; summary then description, blank-line
 * runs collapsed and cut at a word boundary so one verbose operation cannot flood the context; deprecated
 * operations say so first.
 */
public final class ToolText {

    static final int MAX_DESCRIPTION = 1_500;

    private ToolText() {
    }

    public static String title(OperationRef op) {
        String summary = clean(op.operation().path("summary").asText(""));
        return summary.isEmpty() ? null : firstLine(summary);
    }

    public static String description(OperationRef op, String override) {
        String text;
        if (override != null && !override.isBlank()) {
            text = clean(override);
        } else {
            String summary = clean(op.operation().path("summary").asText(""));
            String description = clean(op.operation().path("description").asText(""));
            if (summary.isEmpty() && description.isEmpty()) {
                text = op.method().toUpperCase(Locale.ROOT) + " " + op.path();
            } else if (summary.isEmpty() || description.startsWith(summary)) {
                text = description.isEmpty() ? summary : description;
            } else if (description.isEmpty()) {
                text = summary;
            } else {
                text = summary + "\n\n" + description;
            }
        }
        if (op.operation().path("deprecated").asBoolean(false)) {
            text = "DEPRECATED: " + text;
        }
        return cut(text, MAX_DESCRIPTION);
    }

    /**
     * The description of a tool made for one request body variant: which variant it sends, that the others have
     * tools of their own, and the discriminator value the gateway sets.
     */
    public static String forVariant(String description, String variant, List<String> all,
                                    String discriminator, String value) {
        String note = "Sends the " + variant + " variant of the request body (one of " + String.join(", ", all)
                + "; each has its own tool)." + (value == null ? "" : " The gateway sets " + discriminator + " to \""
                + value + "\".");
        return cut(note + "\n\n" + description, MAX_DESCRIPTION);
    }

    static String clean(String text) {
        return text.replace("\r\n", "\n").replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }

    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = text.lastIndexOf(' ', max - 1);
        if (end < max / 2) {
            end = max - 1;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }
}
