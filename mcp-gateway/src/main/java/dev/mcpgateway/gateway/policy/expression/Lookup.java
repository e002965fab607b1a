package dev.mcpgateway.gateway.policy.expression;

/** {@code context.Request.Headers.GetValueOrDefault(name, default)} and the same on {@code Url.Query}. */
record Lookup(Source source, Expression name, Expression fallback) implements Expression {

    enum Source { HEADER, QUERY }

    @Override
    public Object evaluate(PolicyContext context) {
        String key = name.evaluateText(context);
        String found = key == null ? null
                : source == Source.HEADER ? context.header(key) : context.queryParameter(key);
        return found != null ? found : fallback.evaluate(context);
    }

    @Override
    public ValueType type() {
        return ValueType.STRING;
    }
}
