package dev.mcpgateway.gateway.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.gateway.config.ApiDefinition;
import dev.mcpgateway.gateway.config.DefinitionCodec;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.config.McpServerDefinition;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admin state in Redis, shared by every gateway instance: one hash for APIs and one for MCP servers (field = id,
 * value = the same JSON the file store writes), and a pub/sub channel on which each write is announced so the
 * other instances reload and tell their clients.
 */
public final class RedisConfigStore implements ConfigStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisConfigStore.class);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final DefinitionCodec codec;
    private final ObjectMapper json;
    private final String keyPrefix;
    private final String apisKey;
    private final String serversKey;
    private final String channel;
    // announcements carry the writer's id, so an instance does not reload for its own writes
    private final String instanceId = UUID.randomUUID().toString();

    public RedisConfigStore(String redisUri, String keyPrefix, DefinitionCodec codec, ObjectMapper json) {
        this.client = RedisClient.create(redisUri);
        this.connection = client.connect();
        this.codec = codec;
        this.json = json;
        this.keyPrefix = keyPrefix;
        this.apisKey = keyPrefix + "apis";
        this.serversKey = keyPrefix + "mcp-servers";
        this.channel = keyPrefix + "changed";
    }

    @Override
    public StoredState load() throws IOException {
        RedisCommands<String, String> redis = connection.sync();
        List<ApiDefinition> apis = new ArrayList<>();
        List<McpServerDefinition> servers = new ArrayList<>();
        try {
            for (Map.Entry<String, String> entry : new TreeMap<>(redis.hgetall(apisKey)).entrySet()) {
                try {
                    apis.add(codec.parseApi(entry.getKey(), json.readTree(entry.getValue()), null));
                } catch (InvalidDefinitionException | IOException e) {
                    LOG.error("ignoring stored API {}: {}", entry.getKey(), e.getMessage());
                }
            }
            for (Map.Entry<String, String> entry : new TreeMap<>(redis.hgetall(serversKey)).entrySet()) {
                try {
                    servers.add(codec.parseServer(entry.getKey(), json.readTree(entry.getValue())));
                } catch (InvalidDefinitionException | IOException e) {
                    LOG.error("ignoring stored MCP server {}: {}", entry.getKey(), e.getMessage());
                }
            }
        } catch (RedisException e) {
            throw new IOException("Redis is unavailable", e);
        }
        return new StoredState(apis, servers);
    }

    @Override
    public void saveApi(ApiDefinition api) throws IOException {
        write(() -> connection.sync().hset(apisKey, api.apiId(), json.writeValueAsString(codec.toJson(api))));
    }

    @Override
    public void deleteApi(String apiId) throws IOException {
        write(() -> connection.sync().hdel(apisKey, apiId));
    }

    @Override
    public void saveServer(McpServerDefinition server) throws IOException {
        write(() -> connection.sync().hset(serversKey, server.name(), json.writeValueAsString(codec.toJson(server))));
    }

    @Override
    public void deleteServer(String name) throws IOException {
        write(() -> connection.sync().hdel(serversKey, name));
    }

    @Override
    public Map<String, JsonNode> loadDocuments(String collection) throws IOException {
        Map<String, JsonNode> documents = new TreeMap<>();
        try {
            for (Map.Entry<String, String> entry : connection.sync().hgetall(keyPrefix + collection).entrySet()) {
                try {
                    documents.put(entry.getKey(), json.readTree(entry.getValue()));
                } catch (IOException e) {
                    LOG.error("ignoring stored {} {}: {}", collection, entry.getKey(), e.getMessage());
                }
            }
        } catch (RedisException e) {
            throw new IOException("Redis is unavailable", e);
        }
        return documents;
    }

    @Override
    public void saveDocument(String collection, String id, JsonNode document) throws IOException {
        write(() -> connection.sync().hset(keyPrefix + collection, id, json.writeValueAsString(document)));
    }

    @Override
    public void deleteDocument(String collection, String id) throws IOException {
        write(() -> connection.sync().hdel(keyPrefix + collection, id));
    }

    @Override
    public boolean reachable() {
        return RedisPing.answers(connection);
    }

    @Override
    public AutoCloseable watch(Runnable onExternalChange) {
        StatefulRedisPubSubConnection<String, String> pubsub = client.connectPubSub();
        pubsub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String writer) {
                if (channel.equals(from) && !instanceId.equals(writer)) {
                    // off Lettuce's event loop: a reload compiles specs and may block
                    Thread.ofVirtual().name("config-reload").start(onExternalChange);
                }
            }
        });
        pubsub.sync().subscribe(channel);
        return pubsub::close;
    }

    private interface RedisWrite {
        void run() throws IOException;
    }

    private void write(RedisWrite write) throws IOException {
        try {
            write.run();
            connection.sync().publish(channel, instanceId);
        } catch (RedisException e) {
            throw new IOException("Redis is unavailable", e);
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
