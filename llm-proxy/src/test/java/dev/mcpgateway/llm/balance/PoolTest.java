package dev.mcpgateway.llm.balance;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PoolTest {

    @Test
    void aPoolOfThirtyOneBackendsIsRefusedNamingThePool() {
        List<Pool.Member> members = IntStream.range(0, 31).mapToObj(i -> new Pool.Member("b" + i, 1, 1)).toList();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Pool("big", members, Pool.Affinity.NONE, null));

        assertTrue(e.getMessage().contains("'big'"), e.getMessage());
    }
}
