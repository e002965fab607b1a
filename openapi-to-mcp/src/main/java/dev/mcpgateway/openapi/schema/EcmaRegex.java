package dev.mcpgateway.openapi.schema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

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
        boolean translated() {
            return regex != null;
        }
    }

    /** Characters that keep their backslash outside a class under the unicode flag (SyntaxCharacter and '/'). */
    static final String SYNTAX = "^$\\.*+?()[]{}|/";
    /** Java's line terminators (no UNIX_LINES), for \Z and \R. */
    private static final String JAVA_LINE_END = "(?=(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])?$)";
    static final String VERTICAL_SPACE = "\\n\\x0B\\f\\r\\x85\\u2028\\u2029";

    private EcmaRegex() {
    }

    static Result translate(String source) {
        try {
            return new Result(new Translator(source).translate(), null);
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

    /** What the last emitted item was, for the quantifier that may follow. */
    private enum Item { NONE, ATOM, ASSERTION }

    /** Flags in force in one group. */
    private record Flags(boolean caseInsensitive, boolean dotAll) {
    }

    private static final class Translator {
        private final String src;
        private final StringBuilder out = new StringBuilder();
        private final Deque<Flags> flags = new ArrayDeque<>();
        private final boolean hasBackReferences;
        private final List<Integer> captureStarts = new ArrayList<>();
        private int pos;
        private int depth;
        private Item last = Item.NONE;
        private int atomStart;

        Translator(String src) {
            this.src = src;
            this.hasBackReferences = BackReferences.present(src);
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
            return c == '*' || c == '+' || c == '?' || c == '{' && Quantifiers.braceLength(src, pos) > 0;
        }

        private void quantifier() {
            int length = src.charAt(pos) == '{' ? Quantifiers.braceLength(src, pos) : 1;
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
            captureStarts.add(out.length() + 5);
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
                    out.append(new ClassTranslator(this).translate());
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
                    out.append(JAVA_LINE_END);
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
                    out.append("(?:\\r\\n|[").append(VERTICAL_SPACE).append("])");
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
                if (SYNTAX.indexOf(cp) >= 0) {
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
    }

    /** Whether a pattern uses numbered or named back-references (a pre-scan: the emulation of atomic groups adds
     *  capture groups, which would shift their numbers). */
    private static final class BackReferences {
        static boolean present(String src) {
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
    }

    /** {@code {n}}, {@code {n,}}, {@code {n,m}}: the only brace forms ECMA-262 reads as quantifiers. */
    static final class Quantifiers {
        private Quantifiers() {
        }

        /** Length of the brace quantifier at {@code pos}, or 0 when the brace there is a literal. */
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

    /** A character class, Java style (nested unions, POSIX brackets, '-' next to a set), in ECMA-262 form. */
    private static final class ClassTranslator {
        private final Translator owner;
        private final String src;

        /** One member as Java reads it: a single character (cp, ECMA text), a set (text only) or a '-'. */
        private record Member(int cp, String text, boolean dash) {
            boolean single() {
                return cp >= 0;
            }
        }

        ClassTranslator(Translator owner) {
            this.owner = owner;
            this.src = owner.source();
        }

        String translate() {
            int pos = owner.position() + 1;
            boolean negated = pos < src.length() && src.charAt(pos) == '^';
            owner.position(negated ? pos + 1 : pos);
            List<Member> members = members();
            if (members.isEmpty()) {
                throw new Untranslatable("an empty character class");
            }
            return (negated ? "[^" : "[") + emit(members) + "]";
        }

        private List<Member> members() {
            List<Member> members = new ArrayList<>();
            boolean first = true;
            while (true) {
                int pos = owner.position();
                if (pos >= src.length()) {
                    throw new Untranslatable("an unclosed character class");
                }
                char c = src.charAt(pos);
                if (c == ']' && !first) {
                    owner.position(pos + 1);
                    return members;
                }
                first = false;
                if (src.startsWith("&&", pos)) {
                    throw new Untranslatable("a class intersection (&&)");
                }
                if (src.startsWith("[:", pos)) {
                    int close = src.indexOf(":]", pos + 2);
                    String set = close < 0 ? null : PosixClasses.bracket(src.substring(pos + 2, close));
                    if (set == null) {
                        throw new Untranslatable("an unknown POSIX bracket expression");
                    }
                    members.add(new Member(-1, set, false));
                    owner.position(close + 2);
                } else if (c == '[') {
                    if (src.startsWith("[^", pos)) {
                        throw new Untranslatable("a negated class nested in a class");
                    }
                    String nested = new ClassTranslator(owner).translate();
                    members.add(new Member(-1, nested.substring(1, nested.length() - 1), false));
                } else if (c == '-') {
                    owner.position(pos + 1);
                    members.add(new Member(-1, "-", true));
                } else if (src.startsWith("\\Q", pos)) {
                    int end = src.indexOf("\\E", pos + 2);
                    String text = src.substring(pos + 2, end < 0 ? src.length() : end);
                    owner.position(end < 0 ? src.length() : end + 2);
                    text.codePoints().forEach(cp -> members.add(
                            new Member(cp, classLiteral(cp, members.isEmpty()), false)));
                } else if (c == '\\') {
                    if (pos + 1 < src.length() && src.charAt(pos + 1) >= '1' && src.charAt(pos + 1) <= '9') {
                        throw new Untranslatable("a back-reference inside a class");
                    }
                    ClassEscapes.Escape escape = ClassEscapes.read(src, pos, true, owner.caseInsensitive());
                    owner.position(escape.end());
                    members.add(new Member(escape.literal(), escape.inside(), false));
                } else {
                    int cp = src.codePointAt(pos);
                    owner.position(pos + Character.charCount(cp));
                    members.add(new Member(cp, classLiteral(cp, members.isEmpty()), false));
                }
            }
        }

        /** Java reads {@code a-b} as a range only between two single characters; any other '-' is literal. */
        private String emit(List<Member> members) {
            StringBuilder out = new StringBuilder();
            boolean caseInsensitive = owner.caseInsensitive();
            for (int i = 0; i < members.size(); i++) {
                Member member = members.get(i);
                boolean range = member.single() && i + 2 < members.size() && members.get(i + 1).dash()
                        && members.get(i + 2).single();
                if (range) {
                    Member high = members.get(i + 2);
                    if (high.cp() < member.cp()) {
                        throw new Untranslatable("a class range out of order");
                    }
                    out.append(member.text()).append('-').append(high.text());
                    if (caseInsensitive) {
                        out.append(CaseFolding.foldedRanges(member.cp(), high.cp()));
                    }
                    i += 2;
                } else if (member.dash()) {
                    // at either end a bare '-' is literal in both dialects; elsewhere the unicode flag wants it escaped
                    out.append(i == 0 || i == members.size() - 1 ? "-" : "\\-");
                } else {
                    out.append(member.text());
                    if (caseInsensitive && member.single() && CaseFolding.isAsciiLetter(member.cp())) {
                        out.appendCodePoint(CaseFolding.other(member.cp()));
                    }
                }
            }
            return out.toString();
        }

        /** A literal member; '^' needs its backslash only where it would negate the class. */
        private static String classLiteral(int cp, boolean first) {
            String text = new String(Character.toChars(cp));
            return cp == '\\' || cp == ']' || cp == '[' || cp == '-' || cp == '^' && first ? "\\" + text : text;
        }
    }
}
