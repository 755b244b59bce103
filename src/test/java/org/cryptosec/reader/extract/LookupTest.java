package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Lookup}'s sets and maps hold what {@code Set.of} and {@code Map.of} hold, and are as unmodifiable. */
class LookupTest {

    @Test
    void setHoldsExactlyTheNamesOfSetOf() {
        String[] names = {"p", "div", "h1", "figcaption", "a"};
        Set<String> set = Lookup.setOf(names);
        assertEquals(Set.of(names), set);
        for (String other : new String[] {"P", "span", "", "h2", "div "}) {
            assertEquals(Set.of(names).contains(other), set.contains(other), other);
        }
    }

    @Test
    void setRefusesDuplicatesAndChanges() {
        assertThrows(IllegalArgumentException.class, () -> Lookup.setOf("p", "div", "p"));
        Set<String> set = Lookup.setOf("p");
        assertThrows(UnsupportedOperationException.class, () -> set.add("div"));
        assertThrows(UnsupportedOperationException.class, () -> set.remove("p"));
    }

    @Test
    void mapHoldsTheEntriesAndRefusesChanges() {
        Map<String, Set<String>> map = Lookup.mapOf(Map.of("a", Set.of("href"), "img", Set.of("src", "alt")));
        assertEquals(Map.of("a", Set.of("href"), "img", Set.of("src", "alt")), map);
        assertThrows(UnsupportedOperationException.class, () -> map.put("td", Set.of()));
    }

    @Test
    void sanitizerAndJunkTablesAnswerForSampleNamesAndRefuseChanges() {
        assertEquals(true, HtmlSanitizer.ALLOWED_TAGS.contains("figcaption"));
        assertEquals(false, HtmlSanitizer.ALLOWED_TAGS.contains("script"));
        assertEquals(Set.of("href", "title", "rel"), HtmlSanitizer.ALLOWED_ATTRIBUTES.get("a"));
        assertEquals(true, ContentExtractor.REMOVE_ALWAYS.contains("noscript"));
        assertEquals(false, ContentExtractor.REMOVE_ALWAYS.contains("p"));
        assertThrows(UnsupportedOperationException.class, () -> HtmlSanitizer.ALLOWED_TAGS.add("script"));
    }
}
