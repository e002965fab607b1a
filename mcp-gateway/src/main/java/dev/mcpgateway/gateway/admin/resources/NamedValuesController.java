package dev.mcpgateway.gateway.admin.resources;

import dev.mcpgateway.gateway.resource.ResourceKind;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code /admin/named-values}: APIM's NamedValue_* operations; secret values are read only through {@code listValue}. */
@Controller("/admin/named-values")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class NamedValuesController extends ResourceCollectionController {


    public NamedValuesController(AdminResources resources) {
        super(resources, ResourceKind.NAMED_VALUES);
    }

    /** APIM's NamedValue_ListValue: the value, secret or not. */
    @Post(uri = "/{id}/listValue", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> listValue(@PathVariable String id) throws Exception {
        return HttpResponse.ok(java.util.Map.of("value", endpoints.existing(id).text("value")));
    }
}
