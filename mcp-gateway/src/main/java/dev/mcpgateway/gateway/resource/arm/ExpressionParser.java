package dev.mcpgateway.gateway.resource.arm;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the ARM expression language: function calls, {@code 'string'} literals with {@code ''} for a quote,
 * integers, {@code .property} and {@code [index]} access.
 */
final class ExpressionParser {

    private final String source;
    private final String text;
    private int position;

    private ExpressionParser(String source) {
        this.source = source;
        this.text = source.substring(1, source.length() - 1);
    }

    /** @param source the whole JSON string, brackets included: {@code "[parameters('x')]"} */
    static Expression parse(String source) throws UnresolvableException {
        ExpressionParser parser = new ExpressionParser(source);
        Expression expression = parser.expression();
        parser.skipSpaces();
        if (parser.position < parser.text.length()) {
            throw parser.unreadable("unexpected '" + parser.text.charAt(parser.position) + "'");
        }
        return expression;
    }

    private Expression expression() throws UnresolvableException {
        Expression result = primary();
        while (true) {
            skipSpaces();
            if (accept('.')) {
                skipSpaces();
                result = new Expression.Property(result, identifier());
            } else if (accept('[')) {
                Expression index = expression();
                expect(']');
                result = new Expression.Index(result, index);
            } else {
                return result;
            }
        }
    }

    private Expression primary() throws UnresolvableException {
        skipSpaces();
        if (position >= text.length()) {
            throw unreadable("it ends too early");
        }
        char c = text.charAt(position);
        if (c == '\'') {
            return new Expression.Literal(TextNode.valueOf(stringLiteral()));
        }
        if (c == '-' || Character.isDigit(c)) {
            return new Expression.Literal(IntNode.valueOf(integer()));
        }
        if (Character.isLetter(c) || c == '_') {
            return call();
        }
        throw unreadable("unexpected '" + c + "'");
    }

    private Expression call() throws UnresolvableException {
        StringBuilder name = new StringBuilder(identifier());
        while (accept('.')) {
            name.append('.').append(identifier());
        }
        skipSpaces();
        expect('(');
        List<Expression> arguments = new ArrayList<>();
        skipSpaces();
        if (!accept(')')) {
            do {
                arguments.add(expression());
                skipSpaces();
            } while (accept(','));
            expect(')');
        }
        return new Expression.Call(name.toString(), List.copyOf(arguments));
    }

    private String stringLiteral() throws UnresolvableException {
        StringBuilder value = new StringBuilder();
        position++;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c != '\'') {
                value.append(c);
            } else if (position < text.length() && text.charAt(position) == '\'') {
                value.append('\'');
                position++;
            } else {
                return value.toString();
            }
        }
        throw unreadable("a string is not closed with '");
    }

    private int integer() throws UnresolvableException {
        int start = position;
        if (text.charAt(position) == '-') {
            position++;
        }
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
            position++;
        }
        try {
            return Integer.parseInt(text.substring(start, position));
        } catch (NumberFormatException notAnInteger) {
            throw unreadable("'" + text.substring(start, position) + "' is not an integer");
        }
    }

    private String identifier() throws UnresolvableException {
        int start = position;
        while (position < text.length()
                && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
            position++;
        }
        if (start == position) {
            throw unreadable("a name is expected at character " + column(start));
        }
        return text.substring(start, position);
    }

    private boolean accept(char c) {
        if (position < text.length() && text.charAt(position) == c) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char c) throws UnresolvableException {
        skipSpaces();
        if (!accept(c)) {
            throw unreadable("'" + c + "' is expected at character " + column(position));
        }
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    /** Counted in the JSON string, whose opening bracket {@link #text} leaves out. */
    private static int column(int index) {
        return index + 2;
    }

    private UnresolvableException unreadable(String why) {
        return new UnresolvableException("the template expression " + source + " cannot be read: " + why);
    }
}
