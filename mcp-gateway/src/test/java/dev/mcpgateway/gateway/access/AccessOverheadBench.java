package dev.mcpgateway.gateway.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What OAuth costs per MCP request: the same tools/list round trip on the same sample API, once on a server in mode
 * none and once on an OAuth server (token validated on every request: RS256 signature, claims, revocation lookup).
 * Sequential requests from one client, so the difference is the per-request cost, not contention.
 * Run: ./mvnw -B -ntp -Pbench -pl mcp-gateway -am verify -Dsurefire.failIfNoSpecifiedTests=false -Dtest=AccessOverheadBench
 */
@Tag("bench")
class AccessOverheadBench {

    private static final int WARM_UP = 500;
    private static final int MEASURED = 3000;

    @Test
    void perRequestCostOfTokenValidation() throws Exception {
        try (SecuredGateway gw = new SecuredGateway()) {
            String token = gw.token("bench", gw.url("shop"), List.of("mcp:shop"), List.of());
            String openSession = gw.session("open", null);
            String oauthSession = gw.session("shop", token);
            run(gw, "open", null, openSession, WARM_UP);
            run(gw, "shop", token, oauthSession, WARM_UP);
            double[] open = new double[3];
            double[] oauth = new double[3];
            for (int round = 0; round < 3; round++) {
                open[round] = run(gw, "open", null, openSession, MEASURED);
                oauth[round] = run(gw, "shop", token, oauthSession, MEASURED);
            }
            Arrays.sort(open);
            Arrays.sort(oauth);
            System.out.printf("BENCH tools/list sequential, median of 3 x %d: none %.1f us/request, oauth %.1f us/request,"
                    + " overhead %.1f us%n", MEASURED, open[1], oauth[1], oauth[1] - open[1]);
        }
    }

    /** Mean microseconds per request. */
    private static double run(SecuredGateway gw, String server, String token, String session, int count) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = gw.mcp(server, token, session, SecuredGateway.toolsList());
            assertEquals(200, response.statusCode());
        }
        return (System.nanoTime() - start) / 1000.0 / count;
    }
}
