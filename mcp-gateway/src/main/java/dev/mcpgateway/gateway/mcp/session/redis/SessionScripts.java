package dev.mcpgateway.gateway.mcp.session.redis;

import dev.mcpgateway.redis.RedisScript;

/** The Lua scripts that keep a session's keys consistent: each is one atomic round trip. */
final class SessionScripts {

    /** KEYS index, session, server set; ARGV now, idle ms, max sessions, id, field/value pairs... → 1 or 0 (full). */
    static final RedisScript CREATE = new RedisScript("""
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
            if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
            redis.call('HSET', KEYS[2], unpack(ARGV, 5))
            redis.call('PEXPIRE', KEYS[2], ARGV[2])
            redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + tonumber(ARGV[2]), ARGV[4])
            redis.call('SADD', KEYS[3], ARGV[4])
            return 1""");

    /** KEYS session, index; ARGV now, idle ms, id → the session's fields, or empty when it is gone. */
    static final RedisScript FIND = new RedisScript("""
            if redis.call('PEXPIRE', KEYS[1], ARGV[2]) == 0 then return {} end
            redis.call('ZADD', KEYS[2], tonumber(ARGV[1]) + tonumber(ARGV[2]), ARGV[3])
            return redis.call('HGETALL', KEYS[1])""");

    /** KEYS session, index, stream states, stream order; ARGV id, events base, control channel, server base. */
    static final RedisScript REMOVE = new RedisScript("""
            local server = redis.call('HGET', KEYS[1], 'server')
            local existed = redis.call('DEL', KEYS[1])
            for _, s in ipairs(redis.call('HKEYS', KEYS[3])) do redis.call('DEL', ARGV[2] .. s) end
            redis.call('DEL', ARGV[2] .. '0', KEYS[3], KEYS[4])
            redis.call('ZREM', KEYS[2], ARGV[1])
            if server then redis.call('SREM', ARGV[4] .. server, ARGV[1]) end
            redis.call('PUBLISH', ARGV[3], 'end\\n' .. ARGV[1])
            return existed""");

    /** KEYS session, stream states, stream order; ARGV ttl ms, streams kept, events base → stream id or -1. */
    static final RedisScript OPEN_STREAM = new RedisScript("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
            local n = redis.call('HINCRBY', KEYS[1], 'streams', 1)
            redis.call('HSET', KEYS[2], n, 'o')
            redis.call('RPUSH', KEYS[3], n)
            local len = redis.call('LLEN', KEYS[3])
            local turns = len
            while len > tonumber(ARGV[2]) and turns > 0 do
              local old = redis.call('LPOP', KEYS[3])
              if redis.call('HGET', KEYS[2], old) == 'c' then
                redis.call('HDEL', KEYS[2], old)
                redis.call('DEL', ARGV[3] .. old)
                len = len - 1
              else
                redis.call('RPUSH', KEYS[3], old)
              end
              turns = turns - 1
            end
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            redis.call('PEXPIRE', KEYS[3], ARGV[1])
            return n""");

    /**
     * KEYS session, stream states, events; ARGV stream, event name, data, capacity, max age ms, now, channel →
     * the event's sequence, -1 when the session is gone, -2 when the stream is closed or forgotten.
     */
    static final RedisScript APPEND = new RedisScript("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
            if ARGV[1] ~= '0' and redis.call('HGET', KEYS[2], ARGV[1]) ~= 'o' then return -2 end
            local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
            local entry = seq .. '\\n' .. ARGV[6] .. '\\n' .. ARGV[2] .. '\\n' .. ARGV[3]
            redis.call('RPUSH', KEYS[3], entry)
            redis.call('LTRIM', KEYS[3], -tonumber(ARGV[4]), -1)
            local cutoff = tonumber(ARGV[6]) - tonumber(ARGV[5])
            while true do
              local head = redis.call('LINDEX', KEYS[3], 0)
              if not head then break end
              local ts = tonumber(string.match(head, '^%d+\\n(%d+)\\n'))
              if ts and ts < cutoff then redis.call('LPOP', KEYS[3]) else break end
            end
            redis.call('PEXPIRE', KEYS[3], ARGV[5])
            redis.call('PUBLISH', ARGV[7], 'e\\n' .. ARGV[1] .. '\\n' .. entry)
            return seq""");

    /** KEYS stream states; ARGV stream, channel, ttl ms → 1 when this call closed it. */
    static final RedisScript CLOSE_STREAM = new RedisScript("""
            if redis.call('HGET', KEYS[1], ARGV[1]) ~= 'o' then return 0 end
            redis.call('HSET', KEYS[1], ARGV[1], 'c')
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            redis.call('PUBLISH', ARGV[2], 'c\\n' .. ARGV[1])
            return 1""");

    /** KEYS session, stream states, events; ARGV stream → state ("o", "c" or "gone") then the stored events. */
    static final RedisScript READ_STREAM = new RedisScript("""
            local state
            if redis.call('EXISTS', KEYS[1]) == 0 then state = 'gone'
            elseif ARGV[1] == '0' then state = 'o'
            else state = redis.call('HGET', KEYS[2], ARGV[1]) or 'gone' end
            local out = redis.call('LRANGE', KEYS[3], 0, -1)
            table.insert(out, 1, state)
            return out""");

    /**
     * KEYS session, index; ARGV holder token, held until, idle ms, id, now, take ("1" takes the stream over, "0"
     * only renews a hold this token still has) → 1 when held.
     */
    static final RedisScript HOLD = new RedisScript("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            if ARGV[6] == '0' and redis.call('HGET', KEYS[1], 'holder') ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], 'holder', ARGV[1], 'holderUntil', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            redis.call('ZADD', KEYS[2], tonumber(ARGV[5]) + tonumber(ARGV[3]), ARGV[4])
            return 1""");

    /** KEYS session; ARGV holder token → 1 when the hold was this token's. */
    static final RedisScript RELEASE = new RedisScript("""
            if redis.call('HGET', KEYS[1], 'holder') ~= ARGV[1] then return 0 end
            redis.call('HDEL', KEYS[1], 'holder', 'holderUntil')
            return 1""");

    /** KEYS announced; ARGV fingerprint → 1 when this caller is the first to announce it. */
    static final RedisScript ANNOUNCE = new RedisScript("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[1])
            return 1""");

    private SessionScripts() {
    }
}
