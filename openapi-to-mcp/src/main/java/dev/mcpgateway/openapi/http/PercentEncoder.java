package dev.mcpgateway.openapi.http;

import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding of UTF-8 bytes with a per-context set of characters left as they are. Everything that
 * is not explicitly kept is encoded, so a value can never introduce a delimiter of the context it lands in.
 */
enum PercentEncoder {
    /** A path segment or query component: unreserved characters only. */
    STRICT("", false),
    /** Literal path text from the spec's template: every RFC 3986 pchar kept, including an existing escape. */
    PATH_LITERAL("!$&'()*+,;=:@%", false),
    /** Query values with {@code allowReserved}: RFC 3986 reserved characters kept, except '#' (it would end the URI). */
    QUERY_RESERVED(":/?[]@!$&'()*+,;=", false),
    /** application/x-www-form-urlencoded as browsers write it: space as '+', '*' kept. */
    FORM_BODY("*", true);

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private final boolean[] keep = new boolean[128];
    private final boolean spaceAsPlus;

    PercentEncoder(String extra, boolean spaceAsPlus) {
        for (char c = 'a'; c <= 'z'; c++) {
            keep[c] = true;
            keep[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            keep[c] = true;
        }
        for (char c : ("-._~" + extra).toCharArray()) {
            keep[c] = true;
        }
        this.spaceAsPlus = spaceAsPlus;
    }

    String encode(String value) {
        int i = 0;
        while (i < value.length() && value.charAt(i) < 128 && keep[value.charAt(i)]) {
            i++;
        }
        if (i == value.length()) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16).append(value, 0, i);
        for (byte b : value.substring(i).getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 128 && keep[c]) {
                out.append((char) c);
            } else if (c == ' ' && spaceAsPlus) {
                out.append('+');
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
