package dev.mcpgateway.llm.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.llm.consumer.ConsumerDirectory;
import dev.mcpgateway.llm.consumer.Keys;
import dev.mcpgateway.llm.consumer.Subscription;
import dev.mcpgateway.llm.state.LlmKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import java.util.Comparator;

/**
 * {@code /admin/subscriptions}: as in APIM, keys are never part of a subscription's representation; they are read
 * with {@code POST .../listSecrets} and rotated with {@code POST .../regeneratePrimaryKey} / {@code ...SecondaryKey}.
 */
@Controller("/admin/subscriptions")
public class SubscriptionsController {

    private final ConsumerDirectory directory;
    private final LlmDocuments documents;
    private final LlmAdminState state;

    public SubscriptionsController(ConsumerDirectory directory, LlmDocuments documents, LlmAdminState state) {
        this.directory = directory;
        this.documents = documents;
        this.state = state;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> list() {
        ArrayNode all = AdminSupport.JSON.createArrayNode();
        directory.subscriptions().stream().sorted(Comparator.comparing(Subscription::id)).forEach(s -> all.add(write(s)));
        ObjectNode page = AdminSupport.JSON.createObjectNode();
        page.set("value", all);
        return AdminSupport.json(page);
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> get(@PathVariable String id) {
        return AdminSupport.guard(() -> AdminSupport.json(write(find(id))));
    }

    /** Creates or replaces; keys given in the body are used, missing ones are generated (or kept on replace). */
    @Put(uri = "/{id}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> put(@PathVariable String id, @Nullable @Body byte[] body) {
        return AdminSupport.guard(() -> {
            boolean created = directory.subscription(id).isEmpty();
            state.put(LlmKind.SUBSCRIPTIONS, id, AdminSupport.body(body));
            Subscription s = find(id);
            MutableHttpResponse<?> ok = AdminSupport.json(write(s));
            return created ? ok.status(HttpStatus.CREATED) : ok;
        });
    }

    /** Changes state, display name, owner or product; keys are changed only by the regenerate actions. */
    @Patch(uri = "/{id}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> patch(@PathVariable String id, @Nullable @Body byte[] body) {
        return AdminSupport.guard(() -> {
            ObjectNode spec = AdminSupport.body(body);
            Subscription c = find(id);
            Subscription s = new Subscription(id,
                    spec.has("displayName") ? AdminSupport.text(spec, "displayName") : c.displayName(),
                    spec.has("scope") || spec.has("productId") ? documents.productOf(spec) : c.productId(),
                    spec.has("ownerId") ? AdminSupport.text(spec, "ownerId") : c.ownerId(),
                    spec.has("state") ? Subscription.State.parse(AdminSupport.text(spec, "state")) : c.state(),
                    c.primaryKey(), c.secondaryKey());
            state.change(LlmKind.SUBSCRIPTIONS, id, () -> directory.putSubscription(s));
            return AdminSupport.json(write(s));
        });
    }

    @Delete(uri = "/{id}")
    MutableHttpResponse<?> delete(@PathVariable String id) {
        return AdminSupport.guard(() -> {
            if (!state.remove(LlmKind.SUBSCRIPTIONS, id)) {
                throw new Problem.Failure(Problem.notFound("subscription", id));
            }
            return HttpResponse.noContent();
        });
    }

    @Post(uri = "/{id}/listSecrets", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> listSecrets(@PathVariable String id) {
        return AdminSupport.guard(() -> {
            Subscription s = find(id);
            return AdminSupport.json(AdminSupport.JSON.createObjectNode()
                    .put("primaryKey", s.primaryKey().reveal()).put("secondaryKey", s.secondaryKey().reveal()));
        });
    }

    @Post(uri = "/{id}/regeneratePrimaryKey", consumes = MediaType.ALL)
    MutableHttpResponse<?> regeneratePrimary(@PathVariable String id) {
        return AdminSupport.guard(() -> {
            Subscription s = find(id);
            state.change(LlmKind.SUBSCRIPTIONS, id,
                    () -> directory.putSubscription(s.withKeys(Keys.generate(), s.secondaryKey())));
            return HttpResponse.noContent();
        });
    }

    @Post(uri = "/{id}/regenerateSecondaryKey", consumes = MediaType.ALL)
    MutableHttpResponse<?> regenerateSecondary(@PathVariable String id) {
        return AdminSupport.guard(() -> {
            Subscription s = find(id);
            state.change(LlmKind.SUBSCRIPTIONS, id,
                    () -> directory.putSubscription(s.withKeys(s.primaryKey(), Keys.generate())));
            return HttpResponse.noContent();
        });
    }

    private Subscription find(String id) {
        return directory.subscription(id).orElseThrow(() -> new Problem.Failure(Problem.notFound("subscription", id)));
    }


    private static ObjectNode write(Subscription s) {
        return LlmDocuments.subscriptionJson(s);
    }
}
