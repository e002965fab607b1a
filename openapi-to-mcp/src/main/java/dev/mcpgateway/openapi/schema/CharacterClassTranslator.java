package dev.mcpgateway.openapi.schema;

import dev.mcpgateway.openapi.schema.EcmaRegex.Untranslatable;
import java.util.ArrayList;
import java.util.List;

/** A character class, Java style (nested unions, POSIX brackets, '-' next to a set), in ECMA-262 form. */
final class CharacterClassTranslator {
    private final RegexTranslator owner;
    private final String src;

    /** One member as Java reads it: a single character (cp, ECMA text), a set (text only) or a '-'. */
    private record Member(int cp, String text, boolean dash) {
        boolean single() {
            return cp >= 0;
        }
    }

    CharacterClassTranslator(RegexTranslator owner) {
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
                String nested = new CharacterClassTranslator(owner).translate();
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
