package dev.mcpgateway.llm.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcpgateway.llm.ProxyFixture;
import dev.mcpgateway.llm.ProxyHttp;
import dev.mcpgateway.llm.balance.Pool;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Session affinity keeps a conversation on one backend of a round-robin pool. */
class SessionAffinityTest {

    private ProxyFixture proxy;

    @AfterEach
    void stop() {
        proxy.close();
    }

    private void pool(String affinity) throws Exception {
        proxy = new ProxyFixture().backend("a", "azure-openai").backend("b", "azure-openai").backend("c", "azure-openai")
                .pool(new Pool("gpt", List.of(new Pool.Member("a", 1, 1), new Pool.Member("b", 1, 1),
                        new Pool.Member("c", 1, 1)), Pool.Affinity.parse(affinity), null))
                .route("gpt", "gpt-4o")
                .start();
    }

    private HttpResponse<String> call(String header, String value) throws Exception {
        var request = ProxyHttp.post(proxy.uri(), "/v1/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":[]}")
                .header("api-key", ProxyFixture.KEY);
        if (header != null) {
            request.header(header, value);
        }
        return ProxyHttp.send(request);
    }

    private static String backend(HttpResponse<String> r) {
        return r.headers().firstValue("x-fake-backend").orElseThrow();
    }

    @Test
    void theAffinityCookieIssuedOnTheFirstCallPinsTheFollowingCalls() throws Exception {
        pool("cookie");
        HttpResponse<String> first = call(null, null);
        String setCookie = first.headers().firstValue("set-cookie").orElseThrow();
        assertTrue(setCookie.startsWith("llm-affinity="), setCookie);
        String cookie = setCookie.split(";")[0];

        for (int i = 0; i < 6; i++) {
            assertEquals(backend(first), backend(call("Cookie", cookie)));
        }
    }

    @Test
    void theSameSessionHeaderAlwaysLandsOnTheSameBackendWhileOthersSpread() throws Exception {
        pool("header");
        String pinned = backend(call("x-session-id", "conversation-1"));
        for (int i = 0; i < 6; i++) {
            assertEquals(pinned, backend(call("x-session-id", "conversation-1")));
        }
        Set<String> spread = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            spread.add(backend(call(null, null)));
        }
        assertEquals(Set.of("a", "b", "c"), spread, "without a session the pool round-robins");
    }
}
