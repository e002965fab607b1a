package dev.mcpgateway.llm.limit;

import dev.mcpgateway.redis.RedisScript;

/**
 * The Lua scripts behind {@link RedisTokenLimiter}. KEYS[1] is the minute counter, KEYS[2] the quota counter;
 * a limit of 0 means that counter is not used and its key is never touched.
 */
final class LimitScripts {

    private LimitScripts() {
    }

    /**
     * ARGV: estimate, rate limit, rate ttl ms, quota limit, quota ttl ms.
     * Returns {admitted 1 | rate-rejected 0 | quota-rejected 2, 0, rate used, quota used}.
     * The quota is checked first: when it is exhausted, waiting for the next minute would not help.
     */
    static final RedisScript ADMIT = new RedisScript("""
            local est = tonumber(ARGV[1])
            local rl = tonumber(ARGV[2])
            local ql = tonumber(ARGV[4])
            local ru = 0
            local qu = 0
            if rl > 0 then ru = tonumber(redis.call('GET', KEYS[1]) or '0') end
            if ql > 0 then qu = tonumber(redis.call('GET', KEYS[2]) or '0') end
            if ql > 0 and (qu >= ql or qu + est > ql) then return {2, 0, ru, qu} end
            if rl > 0 and (ru >= rl or ru + est > rl) then return {0, 0, ru, qu} end
            if rl > 0 then
              ru = redis.call('INCRBY', KEYS[1], est)
              redis.call('PEXPIRE', KEYS[1], ARGV[3])
            end
            if ql > 0 then
              qu = redis.call('INCRBY', KEYS[2], est)
              redis.call('PEXPIRE', KEYS[2], ARGV[5])
            end
            return {1, 0, ru, qu}
            """);

    /**
     * ARGV: delta (actual - reserved), rate limit, rate ttl ms, quota limit, quota ttl ms.
     * Returns {rate used, quota used}. A counter never goes below 0; a key that expired meanwhile is
     * recreated with a TTL so it cannot live forever.
     */
    static final RedisScript SETTLE = new RedisScript("""
            local delta = tonumber(ARGV[1])
            local out = {0, 0}
            local limits = {tonumber(ARGV[2]), tonumber(ARGV[4])}
            local ttls = {ARGV[3], ARGV[5]}
            for i = 1, 2 do
              if limits[i] > 0 then
                local v = redis.call('INCRBY', KEYS[i], delta)
                if v < 0 then
                  redis.call('SET', KEYS[i], 0, 'KEEPTTL')
                  v = 0
                end
                if redis.call('PTTL', KEYS[i]) < 0 then redis.call('PEXPIRE', KEYS[i], ttls[i]) end
                out[i] = v
              end
            end
            return out
            """);
}
