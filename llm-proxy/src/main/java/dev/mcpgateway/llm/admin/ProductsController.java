package dev.mcpgateway.llm.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.llm.consumer.ConsumerDirectory;
import dev.mcpgateway.llm.consumer.Product;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code /admin/products}: what a subscription grants (which deployments; published or not). */
@Controller("/admin/products")
public class ProductsController {

    private final ConsumerDirectory directory;

    public ProductsController(ConsumerDirectory directory) {
        this.directory = directory;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> list() {
        ArrayNode all = AdminSupport.JSON.createArrayNode();
        directory.products().stream().sorted(Comparator.comparing(Product::id)).forEach(p -> all.add(write(p)));
        ObjectNode page = AdminSupport.JSON.createObjectNode();
        page.set("value", all);
        return AdminSupport.json(page);
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> get(@PathVariable String id) {
        return AdminSupport.guard(() -> AdminSupport.json(write(directory.product(id)
                .orElseThrow(() -> new Problem.Failure(Problem.notFound("product", id))))));
    }

    @Put(uri = "/{id}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> put(@PathVariable String id, @Nullable @Body byte[] body) {
        return AdminSupport.guard(() -> {
            ObjectNode spec = AdminSupport.body(body);
            List<String> deployments = new ArrayList<>();
            spec.path("deployments").forEach(d -> deployments.add(d.asText()));
            String state = AdminSupport.text(spec, "state");
            boolean created = directory.product(id).isEmpty();
            Product product = new Product(id, AdminSupport.text(spec, "displayName"),
                    spec.path("subscriptionRequired").asBoolean(true),
                    state == null || state.equalsIgnoreCase("published") ? Product.State.PUBLISHED : Product.State.NOT_PUBLISHED,
                    deployments);
            directory.putProduct(product);
            MutableHttpResponse<?> ok = AdminSupport.json(write(product));
            return created ? ok.status(HttpStatus.CREATED) : ok;
        });
    }

    @Delete(uri = "/{id}")
    MutableHttpResponse<?> delete(@PathVariable String id) {
        return AdminSupport.guard(() -> {
            if (!directory.removeProduct(id)) {
                throw new Problem.Failure(Problem.notFound("product", id));
            }
            return HttpResponse.noContent();
        });
    }

    private static ObjectNode write(Product p) {
        ObjectNode o = AdminSupport.JSON.createObjectNode();
        o.put("id", p.id());
        o.put("displayName", p.displayName());
        o.put("subscriptionRequired", p.subscriptionRequired());
        o.put("state", p.state() == Product.State.PUBLISHED ? "published" : "notPublished");
        ArrayNode deployments = o.putArray("deployments");
        p.deployments().forEach(deployments::add);
        return o;
    }
}
