package dev.mcpgateway.gateway.policy.limit;

import dev.mcpgateway.redis.RedisScript;

/** The Lua scripts behind {@link RedisCallCounters}; a TTL of 0 leaves a key without expiry (a window without end). */
final class CounterScripts {

    /**
     * KEYS: one counter per charge. ARGV: limit, amount, ttl ms for each charge in turn. Returns {1 admitted | 0,
     * used of each counter after the decision}. Nothing is added unless every charge fits.
     */
    static final RedisScript ADMIT = new RedisScript("""
            local out = {1}
            for i = 1, #KEYS do
              local used = tonumber(redis.call('GET', KEYS[i]) or '0')
              if used + math.max(tonumber(ARGV[3 * i - 1]), 1) > tonumber(ARGV[3 * i - 2]) then out[1] = 0 end
              out[i + 1] = used
            end
            if out[1] == 1 then
              for i = 1, #KEYS do
                local amount = tonumber(ARGV[3 * i - 1])
                if amount > 0 then
                  out[i + 1] = redis.call('INCRBY', KEYS[i], amount)
                  if tonumber(ARGV[3 * i]) > 0 then redis.call('PEXPIRE', KEYS[i], ARGV[3 * i]) end
                end
              end
            end
            return out""");

    /** KEYS: the counter. ARGV: amount, ttl ms. Returns the counter after the addition. */
    static final RedisScript ADD = new RedisScript("""
            local used = redis.call('INCRBY', KEYS[1], ARGV[1])
            if tonumber(ARGV[2]) > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
            return used""");

    private CounterScripts() {
    }
}
