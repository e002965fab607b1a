package dev.mcpgateway.gateway.policy.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.gateway.policy.expression.ContextValue;
import dev.mcpgateway.gateway.policy.expression.MapContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The properties' counter-key templates, evaluated by the engine's expressions they translate into. */
class CounterKeyTemplateTest {

    private static final String TOKEN = jwt("{\"sub\":\"alice\",\"oid\":\"user-1\"}");
    private static final MapContext REQUEST = new MapContext().with(ContextValue.SUBSCRIPTION_ID, "sub-42")
            .with(ContextValue.REQUEST_IP_ADDRESS, "192.0.2.7").header("X-Team", "search")
            .header("Authorization", "Bearer " + TOKEN);

    private static String jwt(String payload) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return url.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    private static String key(String template) {
        return CounterKeyTemplate.translate(template).evaluateText(REQUEST);
    }

    @Test
    void placeholdersCombineSubscriptionAddressHeadersAndTheTokensClaims() {
        assertEquals("sub-42", key("{subscription}"));
        assertEquals("192.0.2.7", key("@(context.Request.IpAddress)"));
        assertEquals("sub-42/search/user-1", key("{subscription}/{header:x-team}/{claim:oid}"));
        assertEquals("ip:192.0.2.7|", key("ip:{client-ip}|{header:absent}"), "a missing value reads as empty");
        assertEquals("at-sub-42", key("at-@(context.Subscription.Id)"));
    }

    @Test
    void plainTextIsOneCounterAndAnExpressionIsTakenAsItIs() {
        assertEquals("everyone", key("everyone"));
        assertEquals("SEARCH", key("@(context.Request.Headers.GetValueOrDefault(\"x-team\", \"\").ToUpper())"));
        assertEquals("", key("{header:absent}"));
        assertNull(CounterKeyTemplate.translate("{subscription}").evaluateText(new MapContext()),
                "an anonymous caller has none: the limit counts it under the empty key");
    }

    @Test
    void anUnknownPlaceholderOrABlankTemplateIsRefusedNamingIt() {
        assertTrue(message("{user}").contains("counter-key '{user}' has an unknown placeholder"), message("{user}"));
        assertTrue(message("{header-x-team}").contains("unknown placeholder"));
        assertTrue(message(" ").contains("must not be blank"));
    }

    private static String message(String template) {
        return assertThrows(IllegalArgumentException.class, () -> CounterKeyTemplate.translate(template))
                .getMessage();
    }
}
