package dev.mcpgateway.llm.limit;

import java.time.Clock;
import java.util.Collections;
import java.util.List;

/** The limiter contract for one gateway instance holding its counters in memory. */
class InMemoryTokenLimiterTest extends TokenLimiterContract {

    @Override
    List<TokenLimiter> instances(Clock clock, int count) {
        return Collections.nCopies(count, new InMemoryTokenLimiter(clock));
    }
}
