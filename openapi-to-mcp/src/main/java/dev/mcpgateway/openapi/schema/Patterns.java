package dev.mcpgateway.openapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Keeps a {@code pattern} only if a validator can compile it: a literal {@code {} that is not a quantifier (common
 * in specs written for lenient regex engines) is escaped; a pattern that still does not compile is dropped, with a
 * warning, rather than making the whole inputSchema unusable.
 */
final class Patterns {

    private static final Pattern LONE_BRACE = Pattern.compile("(?<!\\\\)\\{(?!\\d+(,\\d*)?})");

    private Patterns() {
    }

    static void keep(SchemaConverter converter, JsonNode pattern, ObjectNode out) {
        if (!pattern.isTextual()) {
            return;
        }
        String regex = pattern.asText();
        if (compiles(regex)) {
            out.put("pattern", regex);
            return;
        }
        String repaired = LONE_BRACE.matcher(regex).replaceAll("\\\\{");
        if (compiles(repaired)) {
            out.put("pattern", repaired);
            return;
        }
        converter.warn("pattern " + regex + " is not a valid regular expression; dropped");
    }

    private static boolean compiles(String regex) {
        try {
            Pattern.compile(regex);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
