package dev.mcpgateway.gateway.policy.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Operands: literals, {@code context} member chains, {@code string.IsNullOrEmpty}, parentheses, member calls. */
final class Postfix {

    /** Every method of the subset, so that a call of another one is refused before its arguments are read. */
    private static final Set<String> METHODS = Set.of("GetValueOrDefault", "ContainsKey", "ToString", "ToLower",
            "ToUpper", "Contains", "StartsWith", "EndsWith", "AsJwt");

    private final Tokens tokens;
    private final Parser parser;

    Postfix(Tokens tokens, Parser parser) {
        this.tokens = tokens;
        this.parser = parser;
    }

    Expression operand() throws ExpressionException {
        Token start = tokens.peek();
        Chain chain = primary();
        while (true) {
            Token next = tokens.peek();
            if (next.is(".") || next.is("?.")) {
                tokens.advance();
                chain = member(chain, tokens.expectIdentifier("a member name"));
            } else if (next.is("[")) {
                tokens.advance();
                Expression key = parser.expression();
                tokens.expect("]");
                chain = ContextMembers.index(chain, key, next.column());
            } else if (next.is("(")) {
                throw new ExpressionException("a call of " + (chain.isPath() ? chain.shown() : "a value"),
                        "is not supported", next.column());
            } else {
                return chain.isPath() ? ContextMembers.finish(chain, start.column()) : chain.value();
            }
        }
    }

    private Chain member(Chain chain, Token name) throws ExpressionException {
        ValueType typeArgument = typeArgument();
        boolean call = tokens.peek().is("(");
        if (call && !METHODS.contains(name.text())) {
            String owner = chain.isPath() ? chain.shown() : chain.value().type().csharpName();
            throw new ExpressionException(Unsupported.member(name.text(), owner), "is not supported", name.column());
        }
        if (!call) {
            return chain.isPath() ? ContextMembers.property(chain, name.text(), name.column())
                    : ValueMembers.property(chain.value(), name.text(), name.column());
        }
        List<Expression> arguments = arguments();
        if (chain.isPath()) {
            return ContextMembers.method(chain, name.text(), typeArgument, arguments, name.column());
        }
        if (typeArgument != null) {
            throw new ExpressionException("a type argument on " + name.text(), "is not supported", name.column());
        }
        return ValueMembers.method(chain.value(), name.text(), arguments, name.column());
    }

    /** {@code <string>} in {@code GetValueOrDefault<string>(...)}, or null when no type argument follows. */
    private ValueType typeArgument() throws ExpressionException {
        Token type = tokens.peek(1);
        if (!tokens.peek().is("<") || type.kind() != Token.Kind.IDENTIFIER || !tokens.peek(2).is(">")
                || !tokens.peek(3).is("(")) {
            return null;
        }
        tokens.advance();
        tokens.advance();
        tokens.advance();
        return switch (type.text()) {
            case "string" -> ValueType.STRING;
            case "int", "long" -> ValueType.INT;
            case "bool" -> ValueType.BOOL;
            default -> throw new ExpressionException("the type argument <" + type.text() + ">", "is not supported;"
                    + " only string, int and bool are", type.column());
        };
    }

    private List<Expression> arguments() throws ExpressionException {
        tokens.expect("(");
        List<Expression> arguments = new ArrayList<>();
        if (tokens.accept(")")) {
            return arguments;
        }
        do {
            arguments.add(parser.expression());
        } while (tokens.accept(","));
        tokens.expect(")");
        return arguments;
    }

    private Chain primary() throws ExpressionException {
        Token token = tokens.advance();
        switch (token.kind()) {
            case STRING:
                return Chain.of(new Constant(token.value(), ValueType.STRING));
            case NUMBER:
                return Chain.of(new Constant(token.value(), ValueType.INT));
            case IDENTIFIER:
                return word(token);
            default:
                if (token.is("(")) {
                    Expression inner = parser.expression();
                    tokens.expect(")");
                    return Chain.of(inner);
                }
                throw Unsupported.at(token, "a value");
        }
    }

    private Chain word(Token word) throws ExpressionException {
        switch (word.text()) {
            case "true", "false":
                return Chain.of(new Constant(Boolean.valueOf(word.text()), ValueType.BOOL));
            case "null":
                return Chain.of(Constant.NULL);
            case "context":
                return Chain.context();
            case "string", "String":
                return Chain.of(isNullOrEmpty(word));
            default:
                if (tokens.peek().is("=>")) {
                    throw new ExpressionException("a lambda (=>)", "is not supported", tokens.peek().column());
                }
                if (Unsupported.construct(word) != null) {
                    throw Unsupported.at(word, "a value");
                }
                throw new ExpressionException("the name '" + word.text() + "'", "is not available; an expression"
                        + " starts from context, string.IsNullOrEmpty or a literal", word.column());
        }
    }

    private Expression isNullOrEmpty(Token word) throws ExpressionException {
        tokens.expect(".");
        Token name = tokens.expectIdentifier("IsNullOrEmpty");
        if (!name.is("IsNullOrEmpty")) {
            throw new ExpressionException("'" + word.text() + "." + name.text() + "'", "is not supported; of string"
                    + " only string.IsNullOrEmpty is", name.column());
        }
        List<Expression> arguments = arguments();
        if (arguments.size() != 1) {
            throw new ExpressionException("IsNullOrEmpty with " + arguments.size() + " arguments", "is not"
                    + " supported; it takes 1", name.column());
        }
        Types.require(arguments.get(0), "the argument of IsNullOrEmpty", name.column(), ValueType.STRING,
                ValueType.NULL);
        return new StringCall(StringCall.Method.IS_NULL_OR_EMPTY, arguments.get(0), null);
    }
}
