package dev.mcpgateway.openapi.schema;

/**
 * Rewrites a regular expression written for Java / PCRE / .NET into the dialect JSON Schema defines for
 * {@code pattern}: ECMA-262, as MCP clients compile it (Ajv: {@code new RegExp(p, "u")}), where an escape that means
 * nothing ({@code \-}, {@code \_}, {@code \:}) or a {@code -} next to {@code \w} in a class is a syntax error.
 * Constructs that are already valid ECMA-262 keep their ECMA-262 meaning; the others are rewritten to what Java
 * means by them ({@code \A}, {@code \z}, {@code \Z}, POSIX and Java classes, possessive quantifiers, atomic groups,
 * {@code (?i)} on ASCII letters, quoting, octal escapes). What has no faithful equivalent (Unicode blocks,
 * intersections, {@code \G}, comments mode...) is reported with the reason instead of being approximated.
 */
final class EcmaRegex {

    /** The outcome: {@code regex} is set when translated, {@code reason} when there is no faithful equivalent. */
    record Result(String regex, String reason) {
    }

    /** Characters that keep their backslash outside a class under the unicode flag (SyntaxCharacter and '/'). */
    static final String SYNTAX = "^$\\.*+?()[]{}|/";
    /** Java's line terminators (no UNIX_LINES), for \Z and \R. */
    static final String JAVA_LINE_END = "(?=(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])?$)";
    static final String VERTICAL_SPACE = "\\n\\x0B\\f\\r\\x85\\u2028\\u2029";

    private EcmaRegex() {
    }

    static Result translate(String source) {
        try {
            return new Result(new RegexTranslator(source).translate(), null);
        } catch (Untranslatable e) {
            return new Result(null, e.getMessage());
        }
    }

    /** Why a pattern has no faithful ECMA-262 form; thrown to unwind the translator. */
    static final class Untranslatable extends RuntimeException {
        Untranslatable(String reason) {
            super(reason, null, false, false);
        }
    }
}
