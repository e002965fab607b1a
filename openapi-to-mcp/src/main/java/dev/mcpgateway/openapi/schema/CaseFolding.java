package dev.mcpgateway.openapi.schema;

/** ASCII case folding, as Java's CASE_INSENSITIVE does it without UNICODE_CASE: only a-z and A-Z pair up. */
final class CaseFolding {

    private CaseFolding() {
    }

    static boolean isAsciiLetter(int cp) {
        return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z';
    }

    static int other(int cp) {
        return cp >= 'a' && cp <= 'z' ? cp - 32 : cp + 32;
    }

    /** The other-case ranges to add to {@code low-high} so that it matches ignoring ASCII case. */
    static String foldedRanges(int low, int high) {
        StringBuilder out = new StringBuilder();
        append(out, Math.max(low, 'a'), Math.min(high, 'z'), -32);
        append(out, Math.max(low, 'A'), Math.min(high, 'Z'), 32);
        return out.toString();
    }

    private static void append(StringBuilder out, int from, int to, int shift) {
        if (from > to) {
            return;
        }
        out.appendCodePoint(from + shift);
        if (to > from) {
            out.append('-').appendCodePoint(to + shift);
        }
    }
}
