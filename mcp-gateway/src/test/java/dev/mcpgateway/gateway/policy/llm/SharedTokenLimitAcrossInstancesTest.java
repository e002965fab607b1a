package dev.mcpgateway.gateway.policy.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.gateway.fixtures.GatewayFixture;
import dev.mcpgateway.gateway.fixtures.LlmGatewayFixture;
import dev.mcpgateway.llm.limit.RedisTokenLimiter;
import dev.mcpgateway.llm.limit.TokenLimiter;
import dev.mcpgateway.llm.tokens.PromptTokenEstimator;
import dev.mcpgateway.testsupport.FakeOpenAiBackend;
import dev.mcpgateway.testsupport.ManualClock;
import dev.mcpgateway.testsupport.RedisServerFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway instances (two application contexts on their own ports, each with its own backend) sharing one real
 * redis-server, with token limits configured as {@code llm.token-limits.*}: a tokens-per-minute limit or a quota is
 * one limit for the pair, not one per instance. The instances share one hand-moved clock, as NTP-synchronised hosts
 * would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedTokenLimitAcrossInstancesTest {

    private static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}";
    /** What the fake backend reports for every call: 11 prompt + 7 completion tokens. */
    private static final int CONSUMED = FakeOpenAiBackend.ok().promptTokens() + FakeOpenAiBackend.ok().completionTokens();

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-10T10:00:05Z"));
    private RedisServerFixture redis;
    private LlmGatewayFixture first;
    private LlmGatewayFixture second;
    private long estimate;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        redis = RedisServerFixture.start();
        first = instance(360).start(Files.createDirectories(dir.resolve("first")));
        second = instance(360).start(Files.createDirectories(dir.resolve("second")));
        estimate = new PromptTokenEstimator().estimate(new ObjectMapper().readTree(CHAT), null);
    }

    /** Each test uses its own counter (x-user value); only the backends' request logs need clearing. */
    @BeforeEach
    void clearBackends() {
        first.fake().reset();
        second.fake().reset();
    }

    @AfterAll
    void stop() {
        first.close();
        second.close();
        redis.close();
    }

    @Test
    void bothInstancesUseRedisLimiters() {
        assertInstanceOf(RedisTokenLimiter.class, first.gateway().bean(TokenLimiter.class));
        assertInstanceOf(RedisTokenLimiter.class, second.gateway().bean(TokenLimiter.class));
    }

    @Test
    void callsAlternatingBetweenInstancesDrawOnOneSharedLimit() throws Exception {
        int admitted = 0;
        for (int i = 0; i < 60; i++) {
            if (call(i % 2 == 0 ? first : second, "alternating").status() == 200) {
                admitted++;
            }
        }

        // One instance alone would admit while 18k + estimate <= 360, i.e. 20 calls; two unshared, 40.
        long expected = (360 - estimate) / CONSUMED + 1;
        assertEquals(expected, admitted);
        GatewayFixture.Response refusedByFirst = call(first, "alternating");
        GatewayFixture.Response refusedBySecond = call(second, "alternating");
        assertEquals(429, refusedByFirst.status());
        assertEquals(429, refusedBySecond.status());
        assertEquals("55", refusedBySecond.header("retry-after"));
        assertEquals(expected, first.fake().requestCount() + second.fake().requestCount());
    }

    @Test
    void concurrentCallersOnBothInstancesStayWithinTheDocumentedBound() throws Exception {
        int callers = 8;
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger limited = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            for (int t = 0; t < callers; t++) {
                LlmGatewayFixture target = t % 2 == 0 ? first : second;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 8; i++) {
                        int status = call(target, "racing").status();
                        (status == 200 ? ok : status == 429 ? limited : other).incrementAndGet();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }

        long used = (long) ok.get() * CONSUMED;
        assertEquals(0, other.get());
        assertTrue(limited.get() > 0, "64 calls of 18 tokens must exceed 360");
        assertEquals(ok.get(), first.fake().requestCount() + second.fake().requestCount());
        // Each instance answered 32 of the calls (200 or 429) by construction; which one got the admitted ones is a
        // race, so the sharing itself is proven by the bound below (two unshared limits would admit up to 720).
        // Overshoot bound: only the unreserved part (consumed - estimate) of calls in flight can pass the limit.
        assertTrue(used <= 360 + callers * (CONSUMED - estimate), "used " + used);
        // No false 429: refusals start only once at least 90% of the limit is used.
        assertTrue(used >= 360 * 9 / 10, "used " + used);
    }

    @Test
    void aDailyQuotaIsSharedAndRollsAtUtcMidnightOnBothInstances() throws Exception {
        String mini = CHAT.replace("\"gpt-4o\"", "\"gpt-4o-mini\"");
        // 18 tokens per call against a quota of 40: two calls fit (the second reserves 18 + 9 <= 40), a third does not
        assertEquals(200, call(first, "quota-user", mini).status());
        assertEquals(200, call(second, "quota-user", mini).status());

        GatewayFixture.Response refusedByFirst = call(first, "quota-user", mini);
        GatewayFixture.Response refusedBySecond = call(second, "quota-user", mini);

        assertEquals(403, refusedByFirst.status());
        assertEquals(403, refusedBySecond.status());
        assertEquals(Long.toString(14 * 3600 - 5), refusedBySecond.header("retry-after"));
        // Moving the shared clock to the next UTC day (same second of the minute, so other tests are unaffected)
        clock.advance(java.time.Duration.ofHours(14));
        assertEquals(200, call(second, "quota-user", mini).status());
        assertEquals(200, call(first, "quota-user", mini).status());
    }

    private LlmGatewayFixture instance(int tokensPerMinute) {
        return new LlmGatewayFixture().clock(clock)
                .property("redis.uri", redis.uri())
                .property("llm.token-limits.mini-daily.counter-key", "{header:x-user}")
                .property("llm.token-limits.mini-daily.token-quota", 40)
                .property("llm.token-limits.mini-daily.token-quota-period", "Daily")
                .property("llm.token-limits.mini-daily.estimate-prompt-tokens", true)
                .property("llm.token-limits.mini-daily.deployments", "gpt-4o-mini")
                .property("llm.token-limits.per-user.counter-key", "{header:x-user}")
                .property("llm.token-limits.per-user.tokens-per-minute", tokensPerMinute)
                .property("llm.token-limits.per-user.estimate-prompt-tokens", true);
    }

    private static GatewayFixture.Response call(LlmGatewayFixture gateway, String user) throws Exception {
        return call(gateway, user, CHAT);
    }

    private static GatewayFixture.Response call(LlmGatewayFixture gateway, String user, String body)
            throws Exception {
        return gateway.chat(body, Map.of("x-user", user));
    }
}
