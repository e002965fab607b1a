package dev.mcpgateway.gateway.resource;

import static dev.mcpgateway.gateway.resource.ResourceFixtures.admin;
import static dev.mcpgateway.gateway.resource.ResourceFixtures.assertRefusedAt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ListQueryTest {

    private static final List<Resource> RESOURCES = List.of(
            admin(ResourceKind.NAMED_VALUES, "alpha", "{displayName: 'Research and Development'}"),
            admin(ResourceKind.NAMED_VALUES, "beta", "{displayName: 'Sales'}"),
            admin(ResourceKind.NAMED_VALUES, "gamma", "{}"),
            admin(ResourceKind.NAMED_VALUES, "o'brien", "{displayName: \"O'Brien\"}"),
            admin(ResourceKind.NAMED_VALUES, "omega", "{displayName: 'Alpha Team'}"));

    private static List<String> matching(String filter) throws Exception {
        return ListQuery.parse(null, null, filter).page(RESOURCES).items().stream().map(Resource::id).toList();
    }

    private static ListQuery.Page page(String top, String skip) throws Exception {
        return ListQuery.parse(top, skip, null).page(RESOURCES);
    }

    private static List<String> ids(ListQuery.Page page) {
        return page.items().stream().map(Resource::id).toList();
    }

    @Nested
    class Filtering {

        @Test
        void withoutAFilterListsEverything() throws Exception {
            assertEquals(5, matching(null).size());
            assertEquals(5, matching("  ").size());
        }

        @Test
        void eqAndNeCompareTheNameWithoutCase() throws Exception {
            assertEquals(List.of("beta"), matching("name eq 'BETA'"));
            assertEquals(List.of("alpha", "gamma", "o'brien", "omega"), matching("name ne 'beta'"));
        }

        @Test
        void startswithEndswithAndContainsIgnoreCase() throws Exception {
            assertEquals(List.of("o'brien", "omega"), matching("startswith(name,'O')"));
            assertEquals(List.of("alpha", "beta", "gamma", "omega"), matching("endswith(name, 'A')"));
            assertEquals(List.of("gamma", "omega"), matching("contains( name , 'm' )"));
        }

        @Test
        void aDoubledQuoteStandsForOne() throws Exception {
            assertEquals(List.of("o'brien"), matching("name eq 'o''brien'"));
            assertEquals(List.of("o'brien"), matching("contains(displayName,'''b')"));
        }

        @Test
        void andOrJoinClausesInAnyCase() throws Exception {
            assertEquals(List.of("omega"), matching("startswith(name,'o') and endswith(name,'a')"));
            assertEquals(List.of("beta", "gamma"), matching("name eq 'beta' OR name eq 'gamma'"));
            assertEquals(List.of("alpha", "beta"), matching("name eq 'alpha' or name eq 'beta' or name eq 'x'"));
        }

        @Test
        void andBindsTighterThanOr() throws Exception {
            assertEquals(List.of("gamma", "o'brien"),
                    matching("name eq 'gamma' or startswith(name,'o') and endswith(name,'n')"));
        }

        @Test
        void aQuotedValueMayHoldTheWordsAndOr() throws Exception {
            assertEquals(List.of("alpha"), matching("displayName eq 'Research and Development'"));
            assertEquals(List.of("alpha", "beta"), matching("contains(displayName,' AND ') or name eq 'beta'"));
            assertEquals(List.of(), matching("name eq 'alpha or beta'"));
        }

        @Test
        void displayNameIsMatchedAndFallsBackToTheNameWhereThereIsNone() throws Exception {
            assertEquals(List.of("omega"), matching("contains(displayName,'alpha')"));
            assertEquals(List.of("gamma"), matching("displayName eq 'gamma'"));
            assertEquals(List.of("beta"), matching("displayName eq 'sales'"));
        }

        @Test
        void anUnsupportedFilterIsRefusedNamingTheParameter() {
            for (String filter : List.of("title eq 'x'", "name gt 'x'", "name eq x", "substringof('x',name)",
                    "name eq 'x' and", "name eq 'x' and ",
                    "name eq 'x' xor name eq 'y'", "name eq 'x' order")) {
                assertRefusedAt("$filter", () -> ListQuery.parse(null, null, filter));
            }
        }
    }

    @Nested
    class Paging {

        @Test
        void defaultsToTheFirstHundred() throws Exception {
            ListQuery query = ListQuery.parse(null, " ", null);

            assertEquals(ListQuery.MAX_TOP, query.top());
            assertEquals(0, query.skip());
        }

        @Test
        void aPageWithMoreAfterItGivesTheNextSkip() throws Exception {
            ListQuery.Page page = page("2", "1");

            assertEquals(List.of("beta", "gamma"), ids(page));
            assertEquals(3, page.nextSkip());
        }

        @Test
        void theExactLastPageHasNoNextSkip() throws Exception {
            ListQuery.Page page = page("2", "3");

            assertEquals(List.of("o'brien", "omega"), ids(page));
            assertEquals(-1, page.nextSkip());
        }

        @Test
        void skippingPastTheEndGivesAnEmptyLastPage() throws Exception {
            ListQuery.Page page = page("2", "10");

            assertEquals(List.of(), ids(page));
            assertEquals(-1, page.nextSkip());
        }

        @Test
        void pagesTheFilteredResources() throws Exception {
            ListQuery.Page page = ListQuery.parse("1", "1", "startswith(name,'o')").page(RESOURCES);

            assertEquals(List.of("omega"), ids(page));
            assertEquals(-1, page.nextSkip());
        }

        @Test
        void badTopOrSkipIsRefusedNamingIt() {
            for (String top : List.of("0", "101", "ten", "1.5", "-1")) {
                assertRefusedAt("$top", () -> ListQuery.parse(top, null, null));
            }
            for (String skip : List.of("-1", "x", "99999999999")) {
                assertRefusedAt("$skip", () -> ListQuery.parse(null, skip, null));
            }
        }
    }
}
