package dev.mcpgateway.openapi.schema;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What becomes of one {@code pattern}: the form MCP clients are shown (ECMA-262, unicode mode; null when there is
 * no faithful one) and the form the gateway checks arguments with (java.util.regex; null when the JVM cannot
 * compile either form). The two differ only for patterns written in another dialect.
 */
record Patterns(String original, String emitted, String enforced, String reason) {

    static Patterns plan(String regex) {
        EcmaRegex.Result result = EcmaRegex.translate(regex);
        String emitted = result.regex();
        String enforced = emitted != null && javaCompiles(emitted) ? emitted : javaCompiles(regex) ? regex : null;
        return new Patterns(regex, emitted, enforced, result.reason());
    }

    boolean rewritten() {
        return emitted != null && !emitted.equals(original);
    }

    static boolean javaCompiles(String regex) {
        try {
            Pattern.compile(regex);
            return true;
        } catch (PatternSyntaxException | StackOverflowError e) {
            return false;
        }
    }
}
