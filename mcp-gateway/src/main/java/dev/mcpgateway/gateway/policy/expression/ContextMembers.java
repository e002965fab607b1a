package dev.mcpgateway.gateway.policy.expression;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The members of {@code context} and of a token's {@code Claims}, resolved while parsing: a member chain becomes one
 * node that reads the value directly, so evaluation walks no paths and looks nothing up by name.
 */
final class ContextMembers {

    private static final Set<String> PATHS = Set.of("Subscription", "Product", "Api", "Operation", "User", "Request",
            "Request.Url", "Request.Headers", "Request.Url.Query", "Response", "Variables", "Deployment", "Mcp");

    private static final String STATUS_CODE = "Response.StatusCode";

    private static final Map<String, ContextValue> ENTITIES = Map.of("Subscription", ContextValue.SUBSCRIPTION_ID,
            "Product", ContextValue.PRODUCT_ID, "Api", ContextValue.API_ID, "Operation", ContextValue.OPERATION_ID,
            "User", ContextValue.USER_ID);

    private ContextMembers() {
    }

    static Chain property(Chain chain, String name, int column) throws ExpressionException {
        String path = chain.path().isEmpty() ? name : chain.path() + "." + name;
        ContextValue value = chain.value() == null ? ContextValue.byPath(path) : null;
        if (value != null) {
            return Chain.of(new ContextRead(value, ValueType.STRING));
        }
        if (chain.value() == null && path.equals(STATUS_CODE)) {
            return Chain.of(new ResponseStatus());
        }
        if (chain.value() == null && PATHS.contains(path)) {
            return new Chain(null, path);
        }
        throw new ExpressionException(chain.value() == null ? "'context." + path + "'"
                : Unsupported.member(name, chain.shown()), "is not supported", column);
    }

    static Chain method(Chain chain, String name, ValueType typeArgument, List<Expression> arguments, int column)
            throws ExpressionException {
        String method = chain.path() + "." + name;
        if (typeArgument != null && !method.equals("Variables.GetValueOrDefault")) {
            throw new ExpressionException("a type argument on " + name, "is not supported", column);
        }
        return switch (method) {
            case "Request.Headers.GetValueOrDefault" -> Chain.of(lookup(Lookup.Source.HEADER, arguments, column));
            case "Request.Url.Query.GetValueOrDefault" -> Chain.of(lookup(Lookup.Source.QUERY, arguments, column));
            case Chain.CLAIMS + ".GetValueOrDefault" -> Chain.of(new JwtClaim(chain.value(),
                    name(arguments, 1, 2, column), fallback(arguments, ValueType.STRING, column)));
            case "Variables.GetValueOrDefault" -> Chain.of(variable(typeArgument, arguments, column));
            case "Variables.ContainsKey" -> Chain.of(new VariableExists(name(arguments, 1, 1, column)));
            default -> throw new ExpressionException(Unsupported.member(name, chain.shown()), "is not supported",
                    column);
        };
    }

    static Chain index(Chain chain, Expression key, int column) throws ExpressionException {
        if (!chain.isPath() || !chain.path().equals("Variables")) {
            String owner = chain.isPath() ? chain.shown() : chain.value().type().csharpName();
            throw new ExpressionException("an indexer [] on " + owner, "is not supported"
                    + (chain.isPath() ? "; use GetValueOrDefault" : ""), column);
        }
        Types.require(key, "the variable name", column, ValueType.STRING);
        return Chain.of(new VariableRead(key, Constant.NULL, ValueType.OBJECT));
    }

    /** The chain as a value when it ends on a path: only the entities, for a null check, are values. */
    static Expression finish(Chain chain, int column) throws ExpressionException {
        ContextValue id = chain.value() == null ? ENTITIES.get(chain.path()) : null;
        if (id == null) {
            throw new ExpressionException("'" + chain.shown() + "'", "is not a value; use one of its members", column);
        }
        return new ContextRead(id, ValueType.ENTITY);
    }

    private static Lookup lookup(Lookup.Source source, List<Expression> arguments, int column)
            throws ExpressionException {
        return new Lookup(source, name(arguments, 1, 2, column), fallback(arguments, ValueType.STRING, column));
    }

    private static VariableRead variable(ValueType type, List<Expression> arguments, int column)
            throws ExpressionException {
        ValueType result = type == null ? ValueType.OBJECT : type;
        return new VariableRead(name(arguments, 1, 2, column), fallback(arguments, result, column), result);
    }

    private static Expression name(List<Expression> arguments, int min, int max, int column)
            throws ExpressionException {
        if (arguments.size() < min || arguments.size() > max) {
            throw new ExpressionException("GetValueOrDefault/ContainsKey with " + arguments.size() + " arguments",
                    "is not supported; give a name" + (max > 1 ? " and optionally a default" : ""), column);
        }
        Types.require(arguments.get(0), "the name argument", column, ValueType.STRING);
        return arguments.get(0);
    }

    /** The second argument, or C#'s default of the type: null, 0 or false. */
    private static Expression fallback(List<Expression> arguments, ValueType type, int column)
            throws ExpressionException {
        if (arguments.size() < 2) {
            return switch (type) {
                case INT -> new Constant(0L, ValueType.INT);
                case BOOL -> new Constant(false, ValueType.BOOL);
                default -> Constant.NULL;
            };
        }
        Expression fallback = arguments.get(1);
        ValueType given = fallback.type();
        boolean fits = given == type || given == ValueType.NULL && type.nullable()
                || type == ValueType.OBJECT && given != ValueType.ENTITY;
        if (!fits) {
            throw new ExpressionException("the default argument", "needs " + type.csharpName() + ", not "
                    + given.csharpName(), column);
        }
        return fallback;
    }
}
