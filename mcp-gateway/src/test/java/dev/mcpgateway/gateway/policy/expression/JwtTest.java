package dev.mcpgateway.gateway.policy.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class JwtTest {

    @Test
    void decodesWithoutVerifyingAsApimDoes() {
        Jwt jwt = Jwt.parse(ExpressionFormsTest.token("{\"sub\":\"alice\",\"aud\":[\"a\",\"b\"],\"x\":{\"y\":1}}"));
        assertEquals("alice", jwt.subject());
        assertEquals("a,b", jwt.claim("aud"));
        assertEquals("{\"y\":1}", jwt.claim("x"));
    }

    @Test
    void anythingButAThreePartTokenWithJsonObjectsIsNoToken() {
        for (String value : new String[] {"", "Bearer", "a.b", "a.b.c.d.e", "!!.!!.x", "e30.W10.x", "abc"}) {
            assertNull(Jwt.parse(value), value);
        }
        assertNull(Jwt.parse(null));
    }

    @Test
    void aTokenRenderedAsTextShowsNoClaims() throws Exception {
        String token = ExpressionFormsTest.token("{\"sub\":\"alice\",\"email\":\"a@example.com\"}");
        assertEquals("Jwt", Jwt.parse(token).toString());
        assertEquals("Jwt", Expressions.compile("@(false ? context.Variables[\"x\"] : \"" + token + "\".AsJwt())")
                .evaluateText(new MapContext()));
    }
}
