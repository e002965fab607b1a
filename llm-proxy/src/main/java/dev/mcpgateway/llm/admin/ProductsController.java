package dev.mcpgateway.llm.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.llm.consumer.ConsumerDirectory;
import dev.mcpgateway.llm.consumer.Product;
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
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import java.util.Comparator;

/** {@code /admin/products}: what a subscription grants (which deployments; published or not). */
@Controller("/admin/products")
public class ProductsController {

    private final ConsumerDirectory directory;
    private final LlmAdminState state;

    public ProductsController(ConsumerDirectory directory, LlmAdminState state) {
        this.directory = directory;
        this.state = state;
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
            boolean created = directory.product(id).isEmpty();
            state.put(LlmKind.PRODUCTS, id, spec);
            Product product = directory.product(id).orElseThrow();
            MutableHttpResponse<?> ok = AdminSupport.json(write(product));
            return created ? ok.status(HttpStatus.CREATED) : ok;
        });
    }

    @Delete(uri = "/{id}")
    MutableHttpResponse<?> delete(@PathVariable String id) {
        return AdminSupport.guard(() -> {
            if (!state.remove(LlmKind.PRODUCTS, id)) {
                throw new Problem.Failure(Problem.notFound("product", id));
            }
            return HttpResponse.noContent();
        });
    }

    private static ObjectNode write(Product p) {
        return LlmDocuments.productJson(p);
    }
}
