package dev.mcpgateway.gateway.mcp.session.redis;

import dev.mcpgateway.gateway.mcp.McpSettings;
import dev.mcpgateway.gateway.mcp.session.McpSession;
import dev.mcpgateway.gateway.mcp.session.NewSession;
import dev.mcpgateway.gateway.mcp.session.SessionIds;
import dev.mcpgateway.gateway.mcp.session.SessionLimitException;
import dev.mcpgateway.gateway.mcp.session.SessionStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.modelcontextprotocol.json.McpJsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions shared through Redis ({@code gateway.store.type: redis}), so any instance serves any session: the
 * session's data in a hash whose TTL is the idle timeout, its stream events in bounded lists, delivery to the
 * instance holding a connection through pub/sub. See docs/adr/0304-mcp-sessions-in-redis.md.
 */
@Singleton
@Requires(property = "gateway.store.type", value = "redis")
public class RedisSessionStore implements SessionStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisSessionStore.class);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final SessionCommands commands;
    private final StreamRelay relay;
    private final ClientCodec clients;
    private final ScheduledExecutorService renewer;

    public RedisSessionStore(McpSettings settings, McpJsonMapper mapper,
                             @Value("${gateway.store.redis-uri:}") String redisUri) {
        if (redisUri.isBlank()) {
            throw new IllegalStateException("invalid configuration: gateway.store.redis-uri is required "
                    + "when gateway.store.type is redis");
        }
        SessionLimits limits = SessionLimits.from(settings);
        this.client = RedisClient.create(redisUri);
        this.connection = client.connect();
        this.commands = new SessionCommands(connection, new SessionKeys(settings.getRedisKeyPrefix()), limits);
        this.relay = new StreamRelay(client, commands);
        this.clients = new ClientCodec(mapper);
        this.renewer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("mcp-session-holds").factory());
        long every = limits.renewEvery().toMillis();
        renewer.scheduleWithFixedDelay(this::renewHolds, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public McpSession create(NewSession start) {
        String id = SessionIds.next();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(RedisSession.SERVER, start.serverName());
        fields.put(RedisSession.TRANSPORT, start.transport().name());
        fields.put(RedisSession.VERSION, start.protocolVersion());
        fields.put(RedisSession.SEQUENCE, "0");
        start.ownerSubject().ifPresent(owner -> fields.put(RedisSession.OWNER, owner));
        start.client().ifPresent(c -> fields.put(RedisSession.CLIENT, clients.write(c)));
        if (!commands.create(id, start.serverName(), fields)) {
            throw new SessionLimitException();
        }
        return new RedisSession(id, fields, commands, relay, clients);
    }

    @Override
    public Optional<McpSession> find(String sessionId) {
        if (sessionId == null) {
            return Optional.empty();
        }
        Map<String, String> fields = commands.find(sessionId);
        return fields.isEmpty() ? Optional.empty()
                : Optional.of(new RedisSession(sessionId, fields, commands, relay, clients));
    }

    @Override
    public boolean remove(String sessionId) {
        return commands.remove(sessionId);
    }

    @Override
    public Collection<McpSession> sessionsOf(String serverName) {
        List<McpSession> live = new ArrayList<>();
        for (String id : commands.members(serverName)) {
            Map<String, String> fields = commands.peek(id);
            if (fields.isEmpty()) {
                commands.forget(serverName, id);  // expired: its key went, its index entry goes now
            } else {
                live.add(new RedisSession(id, fields, commands, relay, clients));
            }
        }
        return live;
    }

    @Override
    public boolean firstToAnnounce(String serverName, Supplier<String> toolsFingerprint) {
        return commands.announce(serverName, toolsFingerprint.get());
    }

    private void renewHolds() {
        try {
            relay.renewHolds();
        } catch (RuntimeException e) {
            LOG.warn("could not renew the holds on this instance's session streams", e);
        }
    }

    @PreDestroy
    void close() {
        renewer.shutdownNow();
        relay.close();
        connection.close();
        client.shutdown();
    }
}
