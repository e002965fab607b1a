package dev.mcpgateway.auth.client;

import java.util.Optional;

/** Finds a client by id: a registered one, or one described by its Client ID Metadata Document URL. */
public final class Clients {

    private final ClientRegistry registry;
    private final ClientMetadataDocuments documents;

    public Clients(ClientRegistry registry, ClientMetadataDocuments documents) {
        this.registry = registry;
        this.documents = documents;
    }

    public Optional<RegisteredClient> find(String clientId) {
        if (ClientMetadataDocuments.isDocumentUrl(clientId)) {
            return documents.resolve(clientId);
        }
        return registry.find(clientId);
    }

    public ClientRegistry registry() {
        return registry;
    }
}
