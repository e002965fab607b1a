package dev.mcpgateway.openapi.schema;

import dev.mcpgateway.openapi.schema.EcmaRegex.Untranslatable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** One translation of {@link EcmaRegex}: reads the Java pattern left to right and writes its ECMA-262 form. */
final class RegexTranslator {

    private final String src;
    private final StringBuilder out = new StringBuilder();
    private final Deque<Flags> flags = new ArrayDeque<>();
    private final boolean hasBackReferences;
    private final List<Integer> captureStarts = new ArrayList<>();
    private int pos;
    private int depth;
    private Item last = Item.NONE;
    private int atomStart;

    RegexTranslator(String src) {
        this.src = src;
        this.hasBackReferences = RegexScan.hasBackReferences(src);
        flags.push(new Flags(false, false));
    }

    String translate() {
        sequence();
        if (pos < src.length()) {
            throw new Untranslatable("unbalanced parenthesis");
        }
        return out.toString();
    }

    /** Items until the end of the pattern or the ')' closing the current group. */
    private void sequence() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ')') {
                if (depth == 0) {
                    throw new Untranslatable("unbalanced parenthesis");
                }
                return;
            }
            if (c == '|') {
                pos++;
                out.append('|');
                last = Item.NONE;
            } else if (isQuantifierStart()) {
                quantifier();
            } else {
                int start = out.length();
                Item item = atom();
                if (item != null) {
                    atomStart = start;
                    last = item;
                }
            }
        }
    }

    private boolean isQuantifierStart() {
        char c = src.charAt(pos);
        return c == '*' || c == '+' || c == '?' || c == '{' && RegexScan.braceLength(src, pos) > 0;
    }

    private void quantifier() {
        int length = src.charAt(pos) == '{' ? RegexScan.braceLength(src, pos) : 1;
        String quantifier = src.substring(pos, pos + length);
        pos += length;
        if (last == Item.NONE) {
            throw new Untranslatable("a quantifier with nothing to repeat");
        }
        if (last == Item.ASSERTION) {
            throw new Untranslatable("a quantified assertion");
        }
        if (pos < src.length() && src.charAt(pos) == '?') {
            pos++;
            out.append(quantifier).append('?');
        } else if (pos < src.length() && src.charAt(pos) == '+') {
            pos++;
            out.append(quantifier);
            possessive();
        } else {
            out.append(quantifier);
        }
        last = Item.ATOM;
    }

    /**
     * A possessive quantifier never gives back what it took. Where nothing can follow that would need it back
     * (the end of a top-level alternative, or {@code $}), it matches the same strings as the greedy one;
     * elsewhere the atomic-group emulation {@code (?=(X))\N} keeps the exact meaning.
     */
    private void possessive() {
        boolean endFollows = depth == 0 && (pos >= src.length() || src.charAt(pos) == '|'
                || src.charAt(pos) == '$' || src.startsWith("\\z", pos));
        if (endFollows) {
            return;
        }
        String quantified = out.substring(atomStart);
        out.setLength(atomStart);
        atomic(quantified);
    }

    private void atomic(String body) {
        if (hasBackReferences || containsCapture(atomStart)) {
            throw new Untranslatable("an atomic group or possessive quantifier next to back-references");
        }
        int number = capturesBefore(out.length()) + 1;
        captureStarts.add(out.length() + "(?:(?=".length());
        out.append("(?:(?=(").append(body).append("))\\").append(number).append(')');
    }

    private boolean containsCapture(int from) {
        return captureStarts.stream().anyMatch(start -> start >= from);
    }

    private int capturesBefore(int index) {
        return (int) captureStarts.stream().filter(start -> start < index).count();
    }

    /** One atom or assertion; returns what it was, or null when it emitted nothing (a flags group). */
    private Item atom() {
        char c = src.charAt(pos);
        switch (c) {
            case '(' -> {
                return group();
            }
            case '[' -> {
                out.append(new CharacterClassTranslator(this).translate());
                return Item.ATOM;
            }
            case '\\' -> {
                return escape();
            }
            case '^', '$' -> {
                pos++;
                out.append(c);
                return Item.ASSERTION;
            }
            case '.' -> {
                pos++;
                out.append(flags.peek().dotAll() ? "[\\s\\S]" : ".");
                return Item.ATOM;
            }
            case '{', '}', ']' -> {
                pos++;
                out.append('\\').append(c);
                return Item.ATOM;
            }
            default -> {
                int cp = src.codePointAt(pos);
                pos += Character.charCount(cp);
                literal(cp);
                return Item.ATOM;
            }
        }
    }

    private void literal(int cp) {
        if (flags.peek().caseInsensitive() && CaseFolding.isAsciiLetter(cp)) {
            out.append('[').appendCodePoint(cp).appendCodePoint(CaseFolding.other(cp)).append(']');
        } else {
            out.appendCodePoint(cp);
        }
    }

    private Item group() {
        int open = out.length();
        String construct;
        boolean capture = false;
        boolean assertion = false;
        boolean atomicGroup = false;
        if (src.startsWith("(?:", pos) || src.startsWith("(?=", pos) || src.startsWith("(?!", pos)) {
            construct = src.substring(pos, pos + 3);
            assertion = construct.charAt(2) != ':';
            pos += 3;
        } else if (src.startsWith("(?<=", pos) || src.startsWith("(?<!", pos)) {
            construct = src.substring(pos, pos + 4);
            assertion = true;
            pos += 4;
        } else if (src.startsWith("(?<", pos) || src.startsWith("(?P<", pos)) {
            pos += src.charAt(pos + 2) == 'P' ? 4 : 3;
            int close = src.indexOf('>', pos);
            String name = close < 0 ? "" : src.substring(pos, close);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new Untranslatable("a group name ECMA-262 does not accept");
            }
            pos = close + 1;
            construct = "(?<" + name + ">";
            capture = true;
        } else if (src.startsWith("(?P=", pos)) {
            int close = src.indexOf(')', pos);
            if (close < 0) {
                throw new Untranslatable("unbalanced parenthesis");
            }
            out.append("\\k<").append(src, pos + 4, close).append('>');
            pos = close + 1;
            return Item.ATOM;
        } else if (src.startsWith("(?>", pos)) {
            pos += 3;
            construct = "";
            atomicGroup = true;
        } else if (src.startsWith("(?", pos)) {
            return flagGroup();
        } else {
            pos++;
            construct = "(";
            capture = true;
        }
        if (capture) {
            captureStarts.add(open);
        }
        out.append(construct);
        int bodyStart = out.length();
        body(flags.peek());
        if (atomicGroup) {
            String body = out.substring(bodyStart);
            out.setLength(open);
            atomStart = open;
            atomic(body);
        } else {
            out.append(')');
        }
        atomStart = open;
        return assertion ? Item.ASSERTION : Item.ATOM;
    }

    /** {@code (?i)}, {@code (?is-m)}, {@code (?i:...)}: flags for the rest of the group or the inner group. */
    private Item flagGroup() {
        int end = pos + 2;
        while (end < src.length() && src.charAt(end) != ')' && src.charAt(end) != ':') {
            end++;
        }
        if (end >= src.length()) {
            throw new Untranslatable("an unsupported group construct");
        }
        Flags updated = FlagSet.apply(flags.peek(), src.substring(pos + 2, end), src);
        if (src.charAt(end) == ')') {
            pos = end + 1;
            flags.pop();
            flags.push(updated);
            return null;
        }
        int open = out.length();
        pos = end + 1;
        out.append("(?:");
        body(updated);
        out.append(')');
        atomStart = open;
        return Item.ATOM;
    }

    /** A group's contents up to and including its ')', under the given flags. */
    private void body(Flags inner) {
        flags.push(inner);
        depth++;
        last = Item.NONE;
        sequence();
        if (pos >= src.length()) {
            throw new Untranslatable("unbalanced parenthesis");
        }
        pos++;
        depth--;
        flags.pop();
    }

    private Item escape() {
        if (pos + 1 >= src.length()) {
            throw new Untranslatable("a pattern ending in a lone backslash");
        }
        char c = src.charAt(pos + 1);
        switch (c) {
            case 'A' -> {
                pos += 2;
                out.append('^');
                return Item.ASSERTION;
            }
            case 'z' -> {
                pos += 2;
                out.append('$');
                return Item.ASSERTION;
            }
            case 'Z' -> {
                pos += 2;
                out.append(EcmaRegex.JAVA_LINE_END);
                return Item.ASSERTION;
            }
            case 'b', 'B' -> {
                if (src.startsWith("{", pos + 2)) {
                    throw new Untranslatable("a \\b{...} boundary");
                }
                pos += 2;
                out.append('\\').append(c);
                return Item.ASSERTION;
            }
            case 'R' -> {
                pos += 2;
                out.append("(?:\\r\\n|[").append(EcmaRegex.VERTICAL_SPACE).append("])");
                return Item.ATOM;
            }
            case 'Q' -> {
                quoted();
                return Item.ATOM;
            }
            case 'k' -> {
                int close = src.indexOf('>', pos);
                if (!src.startsWith("<", pos + 2) || close < 0 || flags.peek().caseInsensitive()) {
                    throw new Untranslatable("a back-reference ECMA-262 cannot express");
                }
                out.append(src, pos, close + 1);
                pos = close + 1;
                return Item.ATOM;
            }
            default -> {
                if (c >= '1' && c <= '9') {
                    return backReference();
                }
                ClassEscapes.Escape escape = ClassEscapes.read(src, pos, false, flags.peek().caseInsensitive());
                pos = escape.end();
                if (flags.peek().caseInsensitive() && CaseFolding.isAsciiLetter(escape.literal())) {
                    literal(escape.literal());
                } else {
                    out.append(escape.outside());
                }
                return Item.ATOM;
            }
        }
    }

    private Item backReference() {
        int end = pos + 1;
        while (end < src.length() && Character.isDigit(src.charAt(end))) {
            end++;
        }
        if (flags.peek().caseInsensitive()) {
            throw new Untranslatable("a case-insensitive back-reference");
        }
        out.append(src, pos, end);
        pos = end;
        return Item.ATOM;
    }

    /** {@code \Q...\E}: every character literal, escaped the ECMA-262 way where needed. */
    private void quoted() {
        int end = src.indexOf("\\E", pos + 2);
        String text = src.substring(pos + 2, end < 0 ? src.length() : end);
        pos = end < 0 ? src.length() : end + 2;
        text.codePoints().forEach(cp -> {
            if (EcmaRegex.SYNTAX.indexOf(cp) >= 0) {
                out.append('\\').appendCodePoint(cp);
            } else {
                literal(cp);
            }
        });
    }

    String source() {
        return src;
    }

    int position() {
        return pos;
    }

    void position(int position) {
        pos = position;
    }

    boolean caseInsensitive() {
        return flags.peek().caseInsensitive();
    }

    /** What the last emitted item was, for the quantifier that may follow. */
    private enum Item { NONE, ATOM, ASSERTION }

    /** Flags in force in one group. */
    private record Flags(boolean caseInsensitive, boolean dotAll) {
    }

    /** Inline flags: i (ASCII case folding, as Java's CASE_INSENSITIVE) and s; the others change too much. */
    private static final class FlagSet {
        static Flags apply(Flags current, String spec, String src) {
            boolean on = true;
            boolean caseInsensitive = current.caseInsensitive();
            boolean dotAll = current.dotAll();
            for (char f : spec.toCharArray()) {
                switch (f) {
                    case '-' -> on = false;
                    case 'i' -> caseInsensitive = on;
                    case 's' -> dotAll = on;
                    case 'm' -> {
                        if (src.indexOf('^') >= 0 || src.indexOf('$') >= 0) {
                            throw new Untranslatable("the multiline flag (?m) with ^ or $");
                        }
                    }
                    case 'u' -> {
                        if (on && caseInsensitive) {
                            throw new Untranslatable("Unicode case folding (?iu)");
                        }
                    }
                    default -> throw new Untranslatable("the inline flag (?" + f + ")");
                }
            }
            return new Flags(caseInsensitive, dotAll);
        }
    }
}
