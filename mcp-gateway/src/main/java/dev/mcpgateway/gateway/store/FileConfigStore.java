package dev.mcpgateway.gateway.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.gateway.config.ApiDefinition;
import dev.mcpgateway.gateway.config.DefinitionCodec;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.config.McpServerDefinition;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON file per API ({@code apis/<apiId>.json}) and per MCP server ({@code mcp-servers/<name>.json}) under the
 * data directory. Writes go to a temporary file that is then renamed over the old one, so a crash leaves either the
 * old or the new definition, never half of one. Files are owner-only: they may hold literal credentials.
 */
public final class FileConfigStore implements ConfigStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileConfigStore.class);

    private final Path dataDir;
    private final Path apis;
    private final Path servers;
    private final DefinitionCodec codec;
    private final ObjectMapper json;

    public FileConfigStore(Path dataDir, DefinitionCodec codec, ObjectMapper json) {
        this.dataDir = dataDir;
        this.apis = dataDir.resolve("apis");
        this.servers = dataDir.resolve("mcp-servers");
        this.codec = codec;
        this.json = json;
    }

    @Override
    public StoredState load() throws IOException {
        List<ApiDefinition> apiList = new ArrayList<>();
        for (Path file : jsonFiles(apis)) {
            try {
                apiList.add(codec.parseApi(idOf(file), json.readTree(file.toFile()), null));
            } catch (InvalidDefinitionException | IOException e) {
                LOG.error("ignoring stored API {}: {}", file, e.getMessage());
            }
        }
        List<McpServerDefinition> serverList = new ArrayList<>();
        for (Path file : jsonFiles(servers)) {
            try {
                serverList.add(codec.parseServer(idOf(file), json.readTree(file.toFile())));
            } catch (InvalidDefinitionException | IOException e) {
                LOG.error("ignoring stored MCP server {}: {}", file, e.getMessage());
            }
        }
        return new StoredState(apiList, serverList);
    }

    @Override
    public void saveApi(ApiDefinition api) throws IOException {
        write(apis.resolve(api.apiId() + ".json"), codec.toJson(api));
    }

    @Override
    public void deleteApi(String apiId) throws IOException {
        Files.deleteIfExists(apis.resolve(apiId + ".json"));
    }

    @Override
    public void saveServer(McpServerDefinition server) throws IOException {
        write(servers.resolve(server.name() + ".json"), codec.toJson(server));
    }

    @Override
    public void deleteServer(String name) throws IOException {
        Files.deleteIfExists(servers.resolve(name + ".json"));
    }

    @Override
    public Map<String, JsonNode> loadDocuments(String collection) throws IOException {
        Map<String, JsonNode> documents = new TreeMap<>();
        for (Path file : jsonFiles(documentDir(collection))) {
            try {
                documents.put(URLDecoder.decode(idOf(file), StandardCharsets.UTF_8), json.readTree(file.toFile()));
            } catch (IOException e) {
                LOG.error("ignoring stored {} {}: {}", collection, file, e.getMessage());
            }
        }
        return documents;
    }

    @Override
    public void saveDocument(String collection, String id, JsonNode document) throws IOException {
        write(documentFile(collection, id), document);
    }

    @Override
    public void deleteDocument(String collection, String id) throws IOException {
        Files.deleteIfExists(documentFile(collection, id));
    }

    private Path documentDir(String collection) {
        return dataDir.resolve(collection);
    }

    // ids are model and deployment names: encoded so that '/', '.' or '..' can never leave the directory
    private Path documentFile(String collection, String id) {
        String name = URLEncoder.encode(id, StandardCharsets.UTF_8).replace(".", "%2E").replace("*", "%2A");
        return documentDir(collection).resolve(name + ".json");
    }

    private void write(Path target, JsonNode content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".tmp-", ".json");
        try {
            ownerOnly(temp);
            Files.write(temp, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(content));
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the directory's own permissions are all we have
        }
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "[!.]*.json")) {
            stream.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    private static String idOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".json".length());
    }
}
