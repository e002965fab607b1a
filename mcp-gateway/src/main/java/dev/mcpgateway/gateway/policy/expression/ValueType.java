package dev.mcpgateway.gateway.policy.expression;

/**
 * The static type of an expression, checked at compile time as C# would: an expression that would not compile in APIM
 * is refused at load instead of failing per request.
 */
public enum ValueType {
    STRING("string"),
    /** C#'s int and long, held as {@link Long}. */
    INT("int"),
    BOOL("bool"),
    /** The type of the {@code null} literal. */
    NULL("null"),
    /** A variable read without a cast ({@code context.Variables["x"]}): C#'s object. */
    OBJECT("object"),
    /** A decoded token ({@code "...".AsJwt()}). */
    JWT("Jwt"),
    /** A context entity compared with null ({@code context.Subscription != null}); its value is the entity's id. */
    ENTITY("context entity");

    private final String csharpName;

    ValueType(String csharpName) {
        this.csharpName = csharpName;
    }

    /** The name a policy author knows the type by. */
    public String csharpName() {
        return csharpName;
    }

    /** Whether C# lets the type hold null (string, object, Jwt and entities do). */
    boolean nullable() {
        return this == STRING || this == NULL || this == OBJECT || this == JWT || this == ENTITY;
    }
}
