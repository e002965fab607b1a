package dev.mcpgateway.gateway.admin.resources;

import dev.mcpgateway.gateway.resource.ManagementState;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.state.ResourceNotFoundException;
import dev.mcpgateway.llm.consumer.ConsumerDirectory;
import dev.mcpgateway.llm.consumer.Keys;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code /admin/subscriptions}: APIM's Subscription_* operations; keys are read only through {@code listSecrets}. */
@Controller("/admin/subscriptions")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class SubscriptionsController extends ResourceCollectionController {

    private final ManagementState state;
    private final ConsumerDirectory consumers;

    public SubscriptionsController(AdminResources resources, ConsumerDirectory consumers) {
        super(resources, ResourceKind.SUBSCRIPTIONS);
        this.consumers = consumers;
        this.state = resources.state();
    }

    /** APIM's Subscription_ListSecrets: the keys as callers present them (references resolved). */
    @Post(uri = "/{id}/listSecrets", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> listSecrets(@PathVariable String id) throws Exception {
        endpoints.existing(id);
        var subscription = consumers.subscription(id).orElseThrow(() -> new ResourceNotFoundException(
                ResourceKind.SUBSCRIPTIONS.noun(), id));
        return HttpResponse.ok(java.util.Map.of("primaryKey", subscription.primaryKey().reveal(),
                "secondaryKey", subscription.secondaryKey().reveal()));
    }

    /** APIM's Subscription_RegeneratePrimaryKey: the old key stops working at once. */
    @Post(uri = "/{id}/regeneratePrimaryKey", consumes = MediaType.ALL)
    public HttpResponse<?> regeneratePrimaryKey(HttpRequest<?> request, @PathVariable String id) throws Exception {
        return regenerate(request, id, "primaryKey");
    }

    @Post(uri = "/{id}/regenerateSecondaryKey", consumes = MediaType.ALL)
    public HttpResponse<?> regenerateSecondaryKey(HttpRequest<?> request, @PathVariable String id)
            throws Exception {
        return regenerate(request, id, "secondaryKey");
    }

    private HttpResponse<?> regenerate(HttpRequest<?> request, String id, String field) throws Exception {
        endpoints.existing(id);
        state.update(ResourceKind.SUBSCRIPTIONS, id, ResourceEndpoints.ifMatch(request),
                properties -> properties.put(field, Keys.generate().reveal()));
        return HttpResponse.noContent();
    }
}
