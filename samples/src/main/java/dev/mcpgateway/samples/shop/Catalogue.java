package dev.mcpgateway.samples.shop;

import java.util.List;
import java.util.Map;

/** The sample shop's fixed products: enough variety to search by tag and price. */
final class Catalogue {

    record Product(String id, String nameEn, String nameFr, int priceCents, List<String> tags) {
        Map<String, Object> toJson(String locale) {
            return Map.of("id", id, "name", "fr".equals(locale) ? nameFr : nameEn, "priceCents", priceCents,
                    "tags", tags);
        }
    }

    static final List<Product> PRODUCTS = List.of(
            new Product("p-100", "Espresso cup", "Tasse à expresso", 900, List.of("kitchen", "coffee")),
            new Product("p-101", "Coffee grinder", "Moulin à café", 4900, List.of("kitchen", "coffee", "electric")),
            new Product("p-102", "Tea pot", "Théière", 2500, List.of("kitchen", "tea")),
            new Product("p-103", "Desk lamp", "Lampe de bureau", 3500, List.of("office", "electric")),
            new Product("p-104", "Notebook", "Carnet", 600, List.of("office", "paper")),
            new Product("p-105", "Kettle", "Bouilloire", 3900, List.of("kitchen", "tea", "electric")));

    private Catalogue() {
    }

    static java.util.Optional<Product> find(String id) {
        return PRODUCTS.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
