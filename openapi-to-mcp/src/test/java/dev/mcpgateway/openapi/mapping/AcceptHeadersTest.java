package dev.mcpgateway.openapi.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Accept value for each shape of declared success media types. */
class AcceptHeadersTest {

    private static String accept(String... declared) {
        return AcceptHeaders.build(List.of(declared), new ArrayList<>());
    }

    @Test
    void listsJsonTypesFirstInDeclaredOrderThenTheOthersAtALowerQuality() {
        assertEquals("application/vnd.acme+json, application/json, application/xml;q=0.9, text/csv;q=0.9",
                accept("application/xml", "application/vnd.acme+json", "text/csv", "application/json"));
    }

    @Test
    void putsRangesLastAndLeadsWithJsonWhenAnyTypeIsDeclared() {
        assertEquals("application/json, text/*;q=0.8, */*;q=0.8", accept("*/*", "text/*"));
        assertEquals("image/png, image/*;q=0.8", accept("image/png", "image/*"));
    }

    @Test
    void givesTheFirstGroupPresentNoQuality() {
        assertEquals("application/xml, text/plain", accept("application/xml", "text/plain"));
        assertEquals("text/*", accept("text/*"));
    }

    @Test
    void dropsParametersAndDuplicatesAndReadsJsonWildcardsAsJson() {
        assertEquals("application/json", accept("application/json; charset=utf-8", "Application/JSON",
                "application/*+json"));
    }

    @Test
    void leavesOutWhatIsNotAMediaTypeWithAWarning() {
        List<String> warnings = new ArrayList<>();
        assertEquals("application/json", AcceptHeaders.build(List.of("application/json", "json", "text/pl ain"),
                warnings));
        assertEquals(List.of("response media type 'json' is not a valid media type; left out of Accept",
                "response media type 'text/pl ain' is not a valid media type; left out of Accept"), warnings);
    }

    @Test
    void prefersJsonAndTakesAnythingWhenNothingIsDeclared() {
        assertEquals("application/json, */*;q=0.8", accept());
        assertEquals("application/json, */*;q=0.8", AcceptHeaders.build(List.of("bogus"), new ArrayList<>()));
    }
}
