package dev.mcpgateway.gateway.policy.expression;

import java.util.Map;
import java.util.Set;

/** Names for the C# constructs outside the subset, so that a refusal says what was written, not what was expected. */
final class Unsupported {

    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("=>", "a lambda (=>)"), Map.entry("=", "an assignment (=)"),
            Map.entry("+=", "an assignment (+=)"), Map.entry("-=", "an assignment (-=)"),
            Map.entry("*=", "an assignment (*=)"), Map.entry("/=", "an assignment (/=)"),
            Map.entry("++", "an increment (++)"), Map.entry("--", "a decrement (--)"),
            Map.entry(";", "a statement separator (;)"), Map.entry("{", "a block ({)"), Map.entry("}", "a block (})"),
            Map.entry("-", "subtraction (-)"), Map.entry("*", "multiplication (*)"), Map.entry("/", "division (/)"),
            Map.entry("%", "the remainder operator (%)"), Map.entry("&", "the bitwise operator &"),
            Map.entry("|", "the bitwise operator |"), Map.entry("^", "the bitwise operator ^"),
            Map.entry("~", "the bitwise operator ~"));

    private static final Set<String> KEYWORDS = Set.of("typeof", "default", "nameof", "sizeof", "checked",
            "unchecked", "this", "base", "await", "is", "as", "switch", "with", "var", "out", "ref", "in", "throw",
            "delegate", "stackalloc", "return", "if", "else", "for", "foreach", "while", "do", "from", "select",
            "where");

    private static final Set<String> LINQ = Set.of("Where", "Select", "SelectMany", "Any", "All", "First",
            "FirstOrDefault", "Last", "LastOrDefault", "Single", "SingleOrDefault", "Count", "Sum", "Min", "Max",
            "Average", "OrderBy", "OrderByDescending", "ThenBy", "GroupBy", "Distinct", "Skip", "Take", "ToList",
            "ToArray", "ToDictionary", "Aggregate", "Zip", "Join", "Cast", "OfType");

    private Unsupported() {
    }

    /** The construct a token starts, when it is one the subset refuses by name; null otherwise. */
    static String construct(Token token) {
        if (token.kind() == Token.Kind.SYMBOL) {
            return SYMBOLS.get(token.text());
        }
        if (token.is("new")) {
            return "object creation (new)";
        }
        return token.kind() == Token.Kind.IDENTIFIER && KEYWORDS.contains(token.text())
                ? "the keyword '" + token.text() + "'" : null;
    }

    /** How a refusal names a member that the subset does not have. */
    static String member(String name, String owner) {
        return LINQ.contains(name) ? "the LINQ method '" + name + "'" : "the member '" + name + "' of " + owner;
    }

    /** The refusal for a token where something else was expected. */
    static ExpressionException at(Token token, String expected) {
        String construct = construct(token);
        return construct != null ? new ExpressionException(construct, "is not supported", token.column())
                : new ExpressionException(token.shown(), "found where " + expected + " was expected", token.column());
    }
}
