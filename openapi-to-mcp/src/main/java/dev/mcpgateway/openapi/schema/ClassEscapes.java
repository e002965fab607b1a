package dev.mcpgateway.openapi.schema;

/**
 * One backslash escape that stands for a character or a set of characters, read the Java way and written the
 * ECMA-262 unicode-mode way, both outside a class and inside one. Needless escapes of punctuation ({@code \-},
 * {@code \_}, {@code \:}, {@code \"}) lose their backslash, which the unicode flag rejects.
 */
final class ClassEscapes {

    private static final String HORIZONTAL_SPACE = " \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000";

    private ClassEscapes() {
    }

    /**
     * @param end     index after the escape
     * @param literal the character it stands for, or -1 for a set
     * @param outside its ECMA-262 form outside a class
     * @param inside  its ECMA-262 form inside a class
     */
    record Escape(int end, int literal, String outside, String inside) {
        static Escape set(int end, String outside, String inside) {
            return new Escape(end, -1, outside, inside);
        }

        static Escape character(int end, int cp, String text) {
            return new Escape(end, cp, text, text);
        }
    }

    /** Reads the escape at {@code pos} (a backslash). */
    static Escape read(String src, int pos, boolean inClass, boolean caseInsensitive) {
        char c = src.charAt(pos + 1);
        int next = pos + 2;
        switch (c) {
            case 'd', 'D', 'w', 'W', 's', 'S' -> {
                return Escape.set(next, "\\" + c, "\\" + c);
            }
            case 'h' -> {
                return Escape.set(next, "[" + HORIZONTAL_SPACE + "]", HORIZONTAL_SPACE);
            }
            case 'H', 'V' -> {
                if (inClass) {
                    throw new EcmaRegex.Untranslatable("\\" + c + " inside a class");
                }
                return Escape.set(next, "[^" + (c == 'H' ? HORIZONTAL_SPACE : EcmaRegex.VERTICAL_SPACE) + "]", null);
            }
            case 't' -> {
                return Escape.character(next, '\t', "\\t");
            }
            case 'n' -> {
                return Escape.character(next, '\n', "\\n");
            }
            case 'r' -> {
                return Escape.character(next, '\r', "\\r");
            }
            case 'f' -> {
                return Escape.character(next, '\f', "\\f");
            }
            case 'v' -> {
                // valid ECMA-262 already (vertical tab): JSON Schema's meaning wins over Java's \v (any vertical space)
                return Escape.character(next, 0x0B, "\\v");
            }
            case 'e' -> {
                return Escape.character(next, 0x1B, "\\x1B");
            }
            case 'a' -> {
                return Escape.character(next, 0x07, "\\x07");
            }
            case '0' -> {
                return octal(src, pos);
            }
            case 'c' -> {
                if (next < src.length() && CaseFolding.isAsciiLetter(src.charAt(next))) {
                    return Escape.character(next + 1, src.charAt(next) % 32, src.substring(pos, next + 1));
                }
                throw new EcmaRegex.Untranslatable("a control escape ECMA-262 does not accept");
            }
            case 'x' -> {
                return hex(src, pos);
            }
            case 'u' -> {
                if (next + 4 <= src.length() && src.substring(next, next + 4).matches("[0-9a-fA-F]{4}")) {
                    return Escape.character(next + 4, Integer.parseInt(src.substring(next, next + 4), 16),
                            src.substring(pos, next + 4));
                }
                throw new EcmaRegex.Untranslatable("a malformed \\u escape");
            }
            case 'p', 'P' -> {
                return property(src, pos, inClass, caseInsensitive);
            }
            default -> {
                if (c < 128 && Character.isLetterOrDigit(c)) {
                    throw new EcmaRegex.Untranslatable("the escape \\" + c);
                }
                int cp = src.codePointAt(pos + 1);
                String text = new String(Character.toChars(cp));
                boolean keep = EcmaRegex.SYNTAX.indexOf(cp) >= 0;
                return new Escape(pos + 1 + Character.charCount(cp), cp, keep ? "\\" + text : text,
                        keep || cp == '-' ? "\\" + text : text);
            }
        }
    }

    /** Java's {@code \0n}, {@code \0nn}, {@code \0mnn} (up to 0377). */
    private static Escape octal(String src, int pos) {
        int i = pos + 2;
        int value = 0;
        int digits = 0;
        while (i < src.length() && digits < 3 && src.charAt(i) >= '0' && src.charAt(i) <= '7'
                && value * 8 + (src.charAt(i) - '0') <= 0377) {
            value = value * 8 + (src.charAt(i) - '0');
            i++;
            digits++;
        }
        if (digits == 0) {
            throw new EcmaRegex.Untranslatable("an octal escape without digits");
        }
        return Escape.character(i, value, String.format("\\x%02X", value));
    }

    /** {@code \xHH} as is, Java's {@code \x{H...}} as the ECMA-262 code point escape (backslash, u, braces). */
    private static Escape hex(String src, int pos) {
        int next = pos + 2;
        if (next + 2 <= src.length() && src.substring(next, next + 2).matches("[0-9a-fA-F]{2}")) {
            return Escape.character(next + 2, Integer.parseInt(src.substring(next, next + 2), 16),
                    src.substring(pos, next + 2));
        }
        int close = src.indexOf('}', next);
        if (src.startsWith("{", next) && close > next + 1 && src.substring(next + 1, close).matches("[0-9a-fA-F]{1,6}")) {
            int cp = Integer.parseInt(src.substring(next + 1, close), 16);
            if (cp <= Character.MAX_CODE_POINT) {
                return Escape.character(close + 1, cp, "\\u{" + src.substring(next + 1, close) + "}");
            }
        }
        throw new EcmaRegex.Untranslatable("a malformed \\x escape");
    }

    /** {@code \p{Name}}, {@code \pL}, and their negations. */
    private static Escape property(String src, int pos, boolean inClass, boolean caseInsensitive) {
        boolean negated = src.charAt(pos + 1) == 'P';
        int next = pos + 2;
        String name;
        int end;
        if (src.startsWith("{", next)) {
            int close = src.indexOf('}', next);
            if (close < 0) {
                throw new EcmaRegex.Untranslatable("an unclosed \\p{");
            }
            name = src.substring(next + 1, close);
            end = close + 1;
        } else if (next < src.length() && Character.isLetter(src.charAt(next))) {
            name = src.substring(next, next + 1);
            end = next + 1;
        } else {
            throw new EcmaRegex.Untranslatable("a malformed \\p escape");
        }
        if (name.startsWith("^")) {
            negated = !negated;
            name = name.substring(1);
        }
        PosixClasses.Property property = PosixClasses.property(name, caseInsensitive);
        if (property.posix() == null) {
            String text = (negated ? "\\P{" : "\\p{") + property.ecmaName() + "}";
            return Escape.set(end, text, text);
        }
        if (negated && inClass) {
            throw new EcmaRegex.Untranslatable("a negated POSIX class inside a class");
        }
        return Escape.set(end, (negated ? "[^" : "[") + property.posix() + "]", property.posix());
    }
}
