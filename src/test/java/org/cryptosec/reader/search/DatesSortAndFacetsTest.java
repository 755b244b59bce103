package org.cryptosec.reader.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.Author;
import org.cryptosec.reader.model.Facet;
import org.cryptosec.reader.model.FacetDimension;
import org.cryptosec.reader.model.FacetFilter;
import org.cryptosec.reader.model.FacetValue;
import org.cryptosec.reader.model.SearchHit;
import org.cryptosec.reader.model.SearchQuery;
import org.cryptosec.reader.model.SearchResult;
import org.cryptosec.reader.model.SearchSort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Date ranges in the query, sort by date, facet counts and facet filters, related articles. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatesSortAndFacetsTest {

    @TempDir
    static Path dir;

    private ArticleIndex index;

    private static Article dated(long id, String date, String lang, String title, String text, String source,
            List<String> authors, List<String> tags) {
        return new Article(id, 1, "g" + id, "https://example.org/" + id, title, source,
                authors.stream().map(Author::named).toList(), date == null ? null : Instant.parse(date + "T12:00:00Z"),
                lang, 1, null, tags, "<p>" + text + "</p>", text, Instant.parse("2024-01-01T00:00:00Z"));
    }

    @BeforeAll
    void indexArticles() {
        index = ArticleIndex.open(dir);
        index.index(dated(1, "2021-06-15", "en", "Bridge hack drains millions", "The bridge lost funds to a hack.",
                "Rekt News", List.of("Ann Walker"), List.of("DeFi", "Bridges")));
        index.index(dated(2, "2022-01-01", "en", "Exchange hack in January", "The exchange was hacked on new year.",
                "The Block", List.of("Joe Smith"), List.of("CeFi")));
        index.index(dated(3, "2022-03-31", "nl", "Beurs gehackt in maart", "De beurs is gehackt.",
                "Crypto Insiders", List.of("Timo Bult"), List.of("CeFi")));
        index.index(dated(4, "2022-12-31", "en", "Year end hack", "A protocol hack at year end.",
                "Rekt News", List.of("Ann Walker", "Joe Smith"), List.of("DeFi")));
        index.index(dated(5, "2023-02-10", "en", "Hack recovered", "Funds from the hack came back.",
                "Rekt News", List.of("Ann Walker"), List.of("DeFi")));
        index.index(dated(6, null, "en", "Undated hack note", "A hack without date.",
                "Blog", List.of(), List.of()));
        index.index(dated(7, "2022-06-01", "en", "Gardening", "Tomatoes and sun.", "Garden", List.of("X"), List.of()));
        index.commit();
    }

    @AfterAll
    void close() {
        index.close();
    }

    private List<Long> ids(SearchQuery q) {
        return index.search(q).hits().stream().map(SearchHit::articleId).toList();
    }

    private Set<Long> idSet(String q) {
        SearchResult r = index.search(new SearchQuery(q, 50));
        assertFalse(r.fellBackToPlainWords(), q + " should parse");
        return r.hits().stream().map(SearchHit::articleId).collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource(delimiter = '|', value = {
        "hack published:[2022-01-01 TO 2022-12-31]   | 2 3 4",
        "hack published:[2022-01 TO 2022-03]         | 2 3",
        "hack published:{2022-01-01 TO 2022-12-31}   | 3",
        "hack published:[2022 TO *]                  | 2 3 4 5",
        "hack date:[* TO 2021]                       | 1",
        "hack after:2022-01                          | 2 3 4 5",
        "hack after:2022-04                          | 4 5",
        "hack before:2023                            | 1 2 3 4",
        "hack before:2022-01-01                      | 1",
        "hack year:2022                              | 2 3 4",
        "hack published:2022-03                      | 3",
        "hack month:2022-12                          | 4",
        "year:2022                                   | 2 3 4 7",
        "hack OR tomatoes year:2022                  | 2 3 4 7",
        "hack -year:2022                             | 1 5 6",
        "(hack year:2021) OR (tomatoes year:2022)    | 1 7",
        "after:2022-03 before:2022-07                | 3 7",
        "hack year:2020                              | ''",
    })
    void dateRangesRestrictTheHits(String query, String expected) {
        Set<Long> want = TestArticles.idSet(expected);
        assertEquals(want, idSet(query.strip()), query);
    }

    @ParameterizedTest(name = "\"{0}\" is searched as plain words")
    @CsvSource(delimiter = '|', value = {"hack year:20x2", "hack after:2022-13", "hack published:[2022 TO soon]",
        "hack year:1800", "hack after:2022*"})
    void badDatesFallBackToPlainWords(String query) {
        SearchResult r = index.search(new SearchQuery(query, 50));
        assertTrue(r.fellBackToPlainWords(), r.toString());
    }

    @Test
    void sortByDateIsNewestFirstWithUndatedLast() {
        List<Long> got = ids(new SearchQuery("hack", 20).withSort(SearchSort.DATE));
        assertEquals(List.of(5L, 4L, 3L, 2L, 1L, 6L), got);
    }

    @Test
    void relevanceBreaksTiesByRecencyButWordsComeFirst() {
        List<Long> got = ids(new SearchQuery("year:2022", 20));
        assertEquals(List.of(4L, 7L, 3L, 2L), got, "filter-only query: ties go newest first");
        // 2 (exchange) and 3 (beurs, its Dutch synonym) have both words in the title: they beat newer 4 and 5.
        assertEquals(Set.of(2L, 3L), Set.copyOf(ids(new SearchQuery("exchange hack", 20)).subList(0, 2)));
    }

    @Test
    void recencyFactorIsGentleAndDecays() {
        assertEquals(1 + RecencyBoost.WEIGHT, RecencyBoost.factor(0), 1e-9);
        assertEquals(1 + RecencyBoost.WEIGHT / 2, RecencyBoost.factor((long) RecencyBoost.HALF_LIFE_MILLIS), 1e-9);
        assertTrue(RecencyBoost.factor(10L * 365 * 24 * 3600 * 1000) < 1.001);
    }

    /** The counts of one facet of the result, in the order given. */
    static Map<String, Long> counts(SearchResult r, FacetDimension d) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Facet f : r.facets()) {
            if (f.dimension() == d) {
                for (FacetValue v : f.values()) {
                    m.put(v.value(), v.count());
                }
            }
        }
        return m;
    }

    @Test
    void facetsCountEveryHitNotOnlyTheFirstPage() {
        SearchResult r = index.search(new SearchQuery("hack", 2).withFacets(true));
        assertEquals(6, r.total());
        assertEquals(2, r.hits().size());
        assertEquals(FacetDimension.values().length, r.facets().size());
        assertEquals(Map.of("Rekt News", 3L, "The Block", 1L, "Crypto Insiders", 1L, "Blog", 1L),
                counts(r, FacetDimension.SOURCE));
        assertEquals("Rekt News", counts(r, FacetDimension.SOURCE).keySet().iterator().next(), "largest first");
        assertEquals(Map.of("Ann Walker", 3L, "Joe Smith", 2L, "Timo Bult", 1L), counts(r, FacetDimension.AUTHOR));
        assertEquals(Map.of("en", 5L, "nl", 1L), counts(r, FacetDimension.LANGUAGE));
        assertEquals(Map.of("DeFi", 3L, "CeFi", 2L, "Bridges", 1L), counts(r, FacetDimension.TAG));
        assertEquals(List.of("2023", "2022", "2021"), new ArrayList<>(counts(r, FacetDimension.YEAR).keySet()),
                "years newest first");
        assertEquals(Map.of("2023", 1L, "2022", 3L, "2021", 1L), counts(r, FacetDimension.YEAR));
        assertEquals(Map.of("2023-02", 1L, "2022-12", 1L, "2022-03", 1L, "2022-01", 1L, "2021-06", 1L),
                counts(r, FacetDimension.MONTH));
    }

    @Test
    void noFacetsUnlessAskedFor() {
        assertTrue(index.search(new SearchQuery("hack", 5)).facets().isEmpty());
    }

    @Test
    void facetsFollowTheDateFilter() {
        SearchResult r = index.search(new SearchQuery("hack year:2022", 20).withFacets(true));
        assertEquals(Map.of("2022", 3L), counts(r, FacetDimension.YEAR));
        assertEquals(Map.of("Rekt News", 1L, "The Block", 1L, "Crypto Insiders", 1L), counts(r, FacetDimension.SOURCE));
    }

    @ParameterizedTest(name = "filters {0} keep {1}")
    @CsvSource(delimiter = '|', value = {
        "source=Rekt News                       | 1 4 5",
        "source=Rekt News;source=The Block      | 1 2 4 5",
        "source=Rekt News;author=Joe Smith      | 4",
        "tag=DeFi;year=2022                     | 4",
        "lang=nl                                | 3",
        "year=2021;year=2023                    | 1 5",
        "month=2022-01                          | 2",
        "author=Nobody                          | ''",
        "year=soon                              | ''",
        "source=rekt news                       | 1 4 5",
        "source=  REKT   NEWS                   | 1 4 5",
        "tag=defi;author=ann WALKER             | 1 4 5",
    })
    void facetFiltersKeepOnlyMatchingHits(String filters, String expected) {
        List<FacetFilter> fs = java.util.Arrays.stream(filters.strip().split(";")).map(FacetFilter::parse).toList();
        Set<Long> want = TestArticles.idSet(expected);
        Set<Long> got = Set.copyOf(ids(new SearchQuery("hack", 50).withFilters(fs)));
        assertEquals(want, got, filters);
    }

    @Test
    void emptyTextWithFiltersBrowsesTheFilteredArticles() {
        SearchQuery q = new SearchQuery("", 50).withFilters(List.of(FacetFilter.parse("year=2022")))
                .withSort(SearchSort.DATE).withFacets(true);
        SearchResult r = index.search(q);
        assertEquals(List.of(4L, 7L, 3L, 2L), r.hits().stream().map(SearchHit::articleId).toList());
        assertEquals(Map.of("Rekt News", 1L, "The Block", 1L, "Crypto Insiders", 1L, "Garden", 1L),
                counts(r, FacetDimension.SOURCE));
        assertEquals(0, index.search(new SearchQuery("", 50)).total(), "no text and no filter: nothing");
    }

    @Test
    void matchingIdsListsEveryHitForJoins() {
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), java.util.Arrays.stream(index.matchingIds("hack")).boxed().toList());
        assertEquals(List.of(2L, 3L, 4L), java.util.Arrays.stream(index.matchingIds("hack year:2022")).boxed().toList());
        assertEquals(0, index.matchingIds("").length);
        assertEquals(0, index.matchingIds("zzzunknown").length);
    }
}
