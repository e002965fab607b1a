package dev.mcpgateway.openapi.schema;

/** Small look-aheads over a Java pattern's source, for {@link RegexTranslator}. */
final class RegexScan {

    private RegexScan() {
    }

    /**
     * Whether a pattern uses numbered or named back-references (a pre-scan: the emulation of atomic groups adds
     * capture groups, which would shift their numbers).
     */
    static boolean hasBackReferences(String src) {
        for (int i = 0; i < src.length() - 1; i++) {
            if (src.charAt(i) == '\\') {
                char next = src.charAt(i + 1);
                if (next >= '1' && next <= '9' || next == 'k') {
                    return true;
                }
                i++;
            } else if (src.startsWith("(?P=", i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Length of the brace quantifier at {@code pos} ({@code {n}}, {@code {n,}}, {@code {n,m}}: the only brace forms
     * ECMA-262 reads as quantifiers), or 0 when the brace there is a literal.
     */
    static int braceLength(String src, int pos) {
        int i = pos + 1;
        int digits = 0;
        while (i < src.length() && Character.isDigit(src.charAt(i))) {
            i++;
            digits++;
        }
        if (digits == 0) {
            return 0;
        }
        if (i < src.length() && src.charAt(i) == ',') {
            i++;
            while (i < src.length() && Character.isDigit(src.charAt(i))) {
                i++;
            }
        }
        return i < src.length() && src.charAt(i) == '}' ? i + 1 - pos : 0;
    }
}
