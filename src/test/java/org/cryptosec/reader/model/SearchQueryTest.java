package org.cryptosec.reader.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchQueryTest {

    @ParameterizedTest(name = "words \"{0}\", filter \"{1}\" -> empty {2}")
    @CsvSource(delimiter = '|', value = {
        "''          | ''          | true",
        "'   \t '    | ''          | true",
        "hack        | ''          | false",
        "''          | lang=nl     | false",
        "'  '        | year=2022   | false",
        "lazarus     | source=abc  | false"})
    void isEmptyOnlyWithoutWordsAndWithoutFilters(String words, String filter, boolean empty) {
        List<FacetFilter> filters = filter.isEmpty() ? List.of() : List.of(FacetFilter.parse(filter));
        assertEquals(empty, new SearchQuery(words, 20, SearchSort.RELEVANCE, filters, false).isEmpty());
    }

    @Test
    void nullWordsWithoutFiltersAreEmpty() {
        assertTrue(new SearchQuery(null, 20).isEmpty());
    }
}
