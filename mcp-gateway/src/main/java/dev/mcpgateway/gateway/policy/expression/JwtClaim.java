package dev.mcpgateway.gateway.policy.expression;

/** {@code jwt.Claims.GetValueOrDefault(name, default)} and {@code jwt.Subject}; a null token gives null, as {@code ?.}. */
record JwtClaim(Expression token, Expression name, Expression fallback) implements Expression {

    @Override
    public Object evaluate(PolicyContext context) {
        if (!(token.evaluate(context) instanceof Jwt jwt)) {
            return null;
        }
        String key = name.evaluateText(context);
        String claim = key == null ? null : jwt.claim(key);
        return claim != null ? claim : fallback.evaluate(context);
    }

    @Override
    public ValueType type() {
        return ValueType.STRING;
    }
}
