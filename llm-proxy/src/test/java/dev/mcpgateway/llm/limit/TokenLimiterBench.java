package dev.mcpgateway.llm.limit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.llm.tokens.PromptTokenEstimator;
import dev.mcpgateway.testsupport.RedisServerFixture;
import io.lettuce.core.RedisClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the limiter and the estimator cost per call. Run on demand:
 * {@code ./mvnw -B -ntp -pl llm-proxy -am verify -Pbench -Dsurefire.failIfNoSpecifiedTests=false -Dtest=TokenLimiterBench}.
 * Prints figures; asserts nothing about time.
 */
@Tag("bench")
class TokenLimiterBench {

    private static final int WARMUP = 5_000;
    private static final int SAMPLES = 20_000;

    @Test
    void limiterAndEstimatorCostPerCall() throws Exception {
        TokenLimitPolicy policy = TokenLimitPolicy.fromAttributes(java.util.Map.of("tokens-per-minute", Long.toString(Long.MAX_VALUE / 4), "token-quota", Long.toString(Long.MAX_VALUE / 4),
                "token-quota-period", "Monthly"));
        report("in-memory admit+settle", new InMemoryTokenLimiter(Clock.systemUTC()), policy);
        try (RedisServerFixture redis = RedisServerFixture.start()) {
            RedisClient a = RedisClient.create(redis.uri());
            RedisClient b = RedisClient.create(redis.uri());
            try {
                TokenLimiter first = new RedisTokenLimiter(a.connect(), Clock.systemUTC(), "bench:");
                TokenLimiter second = new RedisTokenLimiter(b.connect(), Clock.systemUTC(), "bench:");
                report("redis admit+settle", first, policy);
                throughput("redis, 2 instances x 4 threads", List.of(first, second), policy);
            } finally {
                a.shutdown();
                b.shutdown();
            }
        }
        estimator();
    }

    private static void report(String name, TokenLimiter limiter, TokenLimitPolicy policy) {
        for (int i = 0; i < WARMUP; i++) {
            call(limiter, policy);
        }
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long t = System.nanoTime();
            call(limiter, policy);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("BENCH %-32s concurrency 1: p50 %.1f us, p99 %.1f us%n", name,
                nanos[SAMPLES / 2] / 1e3, nanos[SAMPLES * 99 / 100] / 1e3);
    }

    private static void throughput(String name, List<TokenLimiter> limiters, TokenLimitPolicy policy) throws Exception {
        int threads = 8;
        int perThread = 10_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                TokenLimiter limiter = limiters.get(t % limiters.size());
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        call(limiter, policy);
                    }
                    return null;
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("BENCH %-32s %,.0f admit+settle pairs/s%n", name, threads * perThread / seconds);
        }
    }

    private static void call(TokenLimiter limiter, TokenLimitPolicy policy) {
        if (limiter.admit("bench", policy, 100) instanceof Admission.Admitted a) {
            limiter.settle(a.reservation(), 120);
        }
    }

    private static void estimator() throws Exception {
        PromptTokenEstimator estimator = new PromptTokenEstimator();
        String text = "The quick brown fox jumps over the lazy dog. ".repeat(100);
        JsonNode body = new ObjectMapper().readTree("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"system\","
                + "\"content\":\"You are terse.\"},{\"role\":\"user\",\"content\":\"" + text + "\"}]}");
        long tokens = 0;
        for (int i = 0; i < 2_000; i++) {
            tokens = estimator.estimate(body, null);
        }
        long[] nanos = new long[5_000];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            estimator.estimate(body, null);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("BENCH %-32s %d-token prompt: p50 %.1f us, p99 %.1f us%n", "estimate (o200k)", tokens,
                nanos[nanos.length / 2] / 1e3, nanos[nanos.length * 99 / 100] / 1e3);
    }
}
