package dev.mcpgateway.openapi.parse;

import dev.mcpgateway.openapi.SpecImportException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Fetches a spec the caller named by URL, with timeouts and a size cap. */
final class SpecFetcher {

    static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private SpecFetcher() {
    }

    static String fetch(URI url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/yaml, text/yaml, */*").GET().build();
        try {
            HttpResponse<InputStream> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw new SpecImportException("cannot fetch " + url,
                            List.of("GET " + url + " answered " + response.statusCode()));
                }
                byte[] bytes = body.readNBytes((int) MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new SpecImportException("spec too large", List.of(url + " is larger than " + MAX_BYTES + " bytes"));
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url, e);
        } catch (IOException e) {
            throw new SpecImportException("cannot fetch " + url, List.of("GET " + url + " failed: "
                    + e.getClass().getSimpleName()));
        }
    }
}
