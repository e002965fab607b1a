package dev.mcpgateway.openapi.schema;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Java's named classes in ECMA-262 terms: the POSIX ones ({@code \p{Alnum}}, ASCII-only in Java as in POSIX), the
 * POSIX bracket expressions of PCRE ({@code [:alpha:]}), and the Unicode properties both dialects know under
 * different names ({@code \p{IsLatin}} is {@code \p{sc=Latin}}, {@code \p{IsAlphabetic}} is {@code \p{Alphabetic}}).
 */
final class PosixClasses {

    /** Class contents (without brackets) of Java's POSIX classes. */
    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("Lower", "a-z"), Map.entry("Upper", "A-Z"), Map.entry("ASCII", "\\x00-\\x7F"),
            Map.entry("Alpha", "a-zA-Z"), Map.entry("Digit", "0-9"), Map.entry("Alnum", "a-zA-Z0-9"),
            Map.entry("Punct", "!-\\/:-@\\[-\\x60{-~"), Map.entry("Graph", "!-~"), Map.entry("Print", " -~"),
            Map.entry("Blank", " \\t"), Map.entry("Cntrl", "\\x00-\\x1F\\x7F"), Map.entry("XDigit", "0-9a-fA-F"),
            Map.entry("Space", " \\t\\n\\x0B\\f\\r"));
    private static final Map<String, String> BRACKETS = Map.ofEntries(
            Map.entry("lower", "a-z"), Map.entry("upper", "A-Z"), Map.entry("alpha", "a-zA-Z"),
            Map.entry("digit", "0-9"), Map.entry("alnum", "a-zA-Z0-9"), Map.entry("punct", POSIX.get("Punct")),
            Map.entry("graph", "!-~"), Map.entry("print", " -~"), Map.entry("blank", " \\t"),
            Map.entry("cntrl", "\\x00-\\x1F\\x7F"), Map.entry("xdigit", "0-9a-fA-F"),
            Map.entry("space", " \\t\\n\\x0B\\f\\r"), Map.entry("word", "\\w"), Map.entry("ascii", "\\x00-\\x7F"));
    private static final Set<String> CATEGORIES = Set.of("L", "Lu", "Ll", "Lt", "Lm", "Lo", "LC", "M", "Mn", "Mc",
            "Me", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So",
            "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Cs", "Co", "Cn");
    /** Java binary properties (key: lower case, no separators) and their ECMA-262 names. */
    private static final Map<String, String> BINARY = Map.ofEntries(
            Map.entry("alphabetic", "Alphabetic"), Map.entry("ideographic", "Ideographic"),
            Map.entry("letter", "L"), Map.entry("lowercase", "Lowercase"), Map.entry("uppercase", "Uppercase"),
            Map.entry("titlecase", "Lt"), Map.entry("punctuation", "P"), Map.entry("control", "Cc"),
            Map.entry("whitespace", "White_Space"), Map.entry("digit", "Nd"), Map.entry("hexdigit", "Hex_Digit"),
            Map.entry("joincontrol", "Join_Control"), Map.entry("noncharactercodepoint", "Noncharacter_Code_Point"),
            Map.entry("assigned", "Assigned"), Map.entry("emoji", "Emoji"),
            Map.entry("emojipresentation", "Emoji_Presentation"),
            Map.entry("extendedpictographic", "Extended_Pictographic"));
    private static final Map<String, String> SCRIPTS = Map.ofEntries(
            Map.entry("latin", "Latin"), Map.entry("greek", "Greek"), Map.entry("cyrillic", "Cyrillic"),
            Map.entry("han", "Han"), Map.entry("hiragana", "Hiragana"), Map.entry("katakana", "Katakana"),
            Map.entry("arabic", "Arabic"), Map.entry("hebrew", "Hebrew"), Map.entry("thai", "Thai"),
            Map.entry("hangul", "Hangul"), Map.entry("devanagari", "Devanagari"), Map.entry("armenian", "Armenian"),
            Map.entry("georgian", "Georgian"), Map.entry("common", "Common"), Map.entry("inherited", "Inherited"),
            Map.entry("ethiopic", "Ethiopic"), Map.entry("bengali", "Bengali"), Map.entry("tamil", "Tamil"));
    /** Properties whose meaning changes under Java's case-insensitive flag. */
    private static final Set<String> CASED = Set.of("Lower", "Upper", "Lu", "Ll", "Lt", "LC", "Lowercase",
            "Uppercase");

    private PosixClasses() {
    }

    /** A property escape's meaning: the contents of a class ({@code posix}) or an ECMA property name. */
    record Property(String posix, String ecmaName) {
    }

    /** The contents of {@code [:name:]}, or null for an unknown name. */
    static String bracket(String name) {
        return BRACKETS.get(name);
    }

    /**
     * What {@code \p{name}} means in ECMA-262 terms.
     *
     * @throws EcmaRegex.Untranslatable when ECMA-262 has no such class (Unicode blocks, java* methods...)
     */
    static Property property(String name, boolean caseInsensitive) {
        String posix = POSIX.get(name);
        String resolved = posix != null ? name : unicode(name);
        if (resolved == null) {
            throw new EcmaRegex.Untranslatable(name.startsWith("In") || name.matches("(?i)(blk|block)=.*")
                    ? "Unicode blocks (\\p{" + name + "})" : "the class \\p{" + name + "}");
        }
        if (caseInsensitive && CASED.contains(resolved)) {
            throw new EcmaRegex.Untranslatable("a cased class \\p{" + name + "} under (?i)");
        }
        return new Property(posix, posix != null ? null : resolved);
    }

    private static String unicode(String name) {
        if (CATEGORIES.contains(name)) {
            return name;
        }
        int equals = name.indexOf('=');
        if (equals > 0) {
            String key = normalize(name.substring(0, equals));
            String value = name.substring(equals + 1);
            if (key.equals("gc") || key.equals("generalcategory")) {
                return CATEGORIES.contains(value) ? "gc=" + value : null;
            }
            if (key.equals("sc") || key.equals("script")) {
                String script = SCRIPTS.get(normalize(value));
                return script == null ? null : "sc=" + script;
            }
            return null;
        }
        if (name.startsWith("Is")) {
            String rest = name.substring(2);
            if (CATEGORIES.contains(rest)) {
                return rest;
            }
            String binary = BINARY.get(normalize(rest));
            if (binary != null) {
                return binary;
            }
            String script = SCRIPTS.get(normalize(rest));
            return script == null ? null : "sc=" + script;
        }
        return null;
    }

    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "").replace("-", "");
    }
}
