package dev.mcpgateway.llm.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bad llm.* setting stops the start-up with a message naming its key, instead of failing the first call. */
class ConfigurationErrorsTest {

    private static String failure(Map<String, Object> properties) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> ApplicationContext.run(properties).close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @Test
    void aTokenLimitThatNoPolicyEngineAppliesStopsAProxyStartedOnItsOwn() {
        String m = failure(Map.of("llm.token-limits.per-sub.counter-key", "{subscription}",
                "llm.token-limits.per-sub.tokens-per-minute", 40));
        assertTrue(m.contains("llm.token-limits is applied by the gateway's policy engine"), m);
    }

    @Test
    void soDoesAMetricDimension() {
        String m = failure(Map.of("llm.metrics.dimensions.team", "{header:x-team}"));
        assertTrue(m.contains("llm.metrics.dimensions is applied by the gateway's policy engine"), m);
    }
}
