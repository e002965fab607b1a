package dev.mcpgateway.gateway.policy.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CompiledExpressionTest {

    /** Source text that counts how often it is read, to prove evaluation never goes back to it. */
    static final class CountingText implements CharSequence {

        private final String text;
        private int reads;

        CountingText(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            reads++;
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            reads++;
            return text;
        }
    }

    @Test
    void evaluationNeverReadsTheSourceAgain() throws Exception {
        CountingText source = new CountingText("@(context.Request.Headers.GetValueOrDefault(\"x-tenant\", \"none\")"
                + " + \"/\" + context.Mcp.ToolName)");
        Expression compiled = Expressions.compile(source);
        int readsToCompile = source.reads;
        assertTrue(readsToCompile > 0);
        for (int call = 0; call < 1000; call++) {
            MapContext context = new MapContext().header("x-tenant", "t" + call)
                    .with(ContextValue.MCP_TOOL_NAME, "tool");
            assertEquals("t" + call + "/tool", compiled.evaluate(context));
        }
        assertEquals(readsToCompile, source.reads);
    }

    @Test
    void plainTextIsAConstantTakenAsWritten() throws Exception {
        for (String text : new String[] {"10", "Bearer {{token}}", "user@example.com", " spaced ", "", "@", "{{x}}"}) {
            Expression constant = Expressions.compile(text);
            assertTrue(constant.isConstant(), text);
            assertEquals(ValueType.STRING, constant.type());
            assertEquals(text, constant.evaluate(new MapContext()));
        }
    }

    @Test
    void anExpressionOfContextIsNotConstantButALiteralOneIs() throws Exception {
        assertFalse(Expressions.compile("@(context.Api.Id)").isConstant());
        assertTrue(Expressions.compile(" @(true) ").isConstant());
        assertEquals(ValueType.BOOL, Expressions.compile(" @(true) ").type());
    }

    @Test
    void anExpressionIsTellableFromTextBeforeCompiling() {
        assertTrue(Expressions.isExpression(" @(5)"));
        assertTrue(Expressions.isExpression("@{ return 1; }"));
        assertFalse(Expressions.isExpression("5"));
        assertFalse(Expressions.isExpression("a@(b)"));
    }

    @Test
    void conditionsReadTrueAndTheTextTrue() throws Exception {
        MapContext context = new MapContext();
        assertTrue(Expressions.compile("true").evaluateCondition(context));
        assertTrue(Expressions.compile("True").evaluateCondition(context));
        assertTrue(Expressions.compile("@(1 < 2)").evaluateCondition(context));
        assertFalse(Expressions.compile("false").evaluateCondition(context));
        assertFalse(Expressions.compile("@(context.Api.Id == \"x\")").evaluateCondition(context));
    }

    @Test
    void textRendersValuesAsCSharpDoes() throws Exception {
        MapContext context = new MapContext();
        assertEquals("True", Expressions.compile("@(true)").evaluateText(context));
        assertEquals("42", Expressions.compile("@(40 + 2)").evaluateText(context));
        assertEquals(null, Expressions.compile("@(context.Api.Id)").evaluateText(context));
    }

    @Test
    void typesAreKnownAtCompileTime() throws Exception {
        assertEquals(ValueType.STRING, Expressions.compile("@(context.Api.Id + 1)").type());
        assertEquals(ValueType.INT, Expressions.compile("@(context.Api.Id.Length + 1)").type());
        assertEquals(ValueType.JWT, Expressions.compile("@(context.Api.Id.AsJwt())").type());
        assertEquals(ValueType.OBJECT, Expressions.compile("@(true ? context.Variables[\"a\"] : \"b\")").type());
        assertEquals(ValueType.STRING, Expressions.compile("@(context.Api.Id ?? null)").type());
    }
}
