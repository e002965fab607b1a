package dev.mcpgateway.gateway.policy.xml;

/**
 * APIM's {@code rawxml} format: expressions are written as C#, with {@code <}, {@code >}, {@code &} and quotes left
 * unescaped inside {@code @(...)} and {@code @{...}}. Before XML parsing, those characters inside an expression that
 * starts an attribute value or an element's text are swapped for private-use placeholders of the same length, so the
 * document parses and every line and column stays where the author wrote it; {@link #restore} swaps them back.
 */
final class RawXml {

    private static final String SPECIAL = "<>&\"'";
    private static final char FIRST_PLACEHOLDER = '\uE000';

    private final String source;
    private final StringBuilder out;
    private int at;

    private RawXml(String source) {
        this.source = source;
        this.out = new StringBuilder(source.length());
    }

    /** The document with expression characters swapped; refused when it already holds a placeholder. */
    static String protect(String source) throws PolicyDocumentException {
        for (int i = 0; i < source.length(); i++) {
            if (placeholder(source.charAt(i))) {
                throw new PolicyDocumentException(null, lineOf(source, i), "the character U+"
                        + Integer.toHexString(source.charAt(i)).toUpperCase() + " is not allowed in a rawxml document");
            }
        }
        return new RawXml(source).run();
    }

    static String restore(String value) {
        StringBuilder restored = null;
        for (int i = 0; i < value.length(); i++) {
            if (placeholder(value.charAt(i))) {
                restored = restored == null ? new StringBuilder(value) : restored;
                restored.setCharAt(i, SPECIAL.charAt(value.charAt(i) - FIRST_PLACEHOLDER));
            }
        }
        return restored == null ? value : restored.toString();
    }

    private String run() {
        boolean inTag = false;
        char quote = 0;
        boolean valueStart = false;
        while (at < source.length()) {
            char c = source.charAt(at);
            if (valueStart && (source.startsWith("@(", at) || source.startsWith("@{", at))) {
                expression();
                valueStart = false;
            } else if (!inTag && c == '<' && skipMarkup()) {
                valueStart = false;
            } else {
                out.append(c);
                at++;
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                    valueStart = valueStart && Character.isWhitespace(c);
                } else if (inTag) {
                    quote = c == '"' || c == '\'' ? c : 0;
                    inTag = c != '>';
                    valueStart = quote != 0 || c == '>';
                } else {
                    inTag = c == '<';
                    valueStart = valueStart && Character.isWhitespace(c);
                }
            }
        }
        return out.toString();
    }

    /** Copies comments, CDATA, processing instructions and declarations through unchanged. */
    private boolean skipMarkup() {
        String end = source.startsWith("<!--", at) ? "-->" : source.startsWith("<![CDATA[", at) ? "]]>"
                : source.startsWith("<?", at) ? "?>" : source.startsWith("<!", at) ? ">" : null;
        if (end == null) {
            return false;
        }
        int stop = source.indexOf(end, at);
        int until = stop < 0 ? source.length() : stop + end.length();
        out.append(source, at, until);
        at = until;
        return true;
    }

    /** Copies one balanced expression with its XML-special characters swapped; C# strings may hold any bracket. */
    private void expression() {
        append(source.charAt(at++));
        int depth = 0;
        while (at < source.length()) {
            char c = source.charAt(at);
            if (c == '"' || c == '\'') {
                literal(c, source.charAt(at - 1) == '@');
                continue;
            }
            append(c);
            at++;
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if ((c == ')' || c == '}' || c == ']') && --depth == 0) {
                return;
            }
        }
    }

    private void literal(char quote, boolean verbatim) {
        append(quote);
        at++;
        while (at < source.length()) {
            char c = source.charAt(at);
            append(c);
            at++;
            if (c == '\\' && !verbatim && at < source.length()) {
                append(source.charAt(at));
                at++;
            } else if (c == quote && !(verbatim && at < source.length() && source.charAt(at) == quote)) {
                return;
            } else if (c == quote) {
                append(source.charAt(at));
                at++;
            }
        }
    }

    private void append(char c) {
        int special = SPECIAL.indexOf(c);
        out.append(special < 0 ? c : (char) (FIRST_PLACEHOLDER + special));
    }

    private static boolean placeholder(char c) {
        return c >= FIRST_PLACEHOLDER && c < FIRST_PLACEHOLDER + SPECIAL.length();
    }

    private static int lineOf(String source, int offset) {
        return (int) source.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
