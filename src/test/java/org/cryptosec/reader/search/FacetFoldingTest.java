package org.cryptosec.reader.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.Author;
import org.cryptosec.reader.model.FacetDimension;
import org.cryptosec.reader.model.FacetFilter;
import org.cryptosec.reader.model.SearchHit;
import org.cryptosec.reader.model.SearchQuery;
import org.cryptosec.reader.model.SearchResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Facet values that differ only in case or white space are one value: counted together, shown in
 * their most common spelling, and any spelling filters them all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacetFoldingTest {

    @TempDir
    static Path dir;

    private ArticleIndex index;

    private static Article article(long id, String source, List<String> authors, List<String> tags) {
        return new Article(id, 1, "g" + id, "https://example.org/" + id, "Bridge hack " + id, source,
                authors.stream().map(Author::named).toList(), Instant.parse("2022-03-0" + id + "T12:00:00Z"),
                "en", 1, null, tags, "<p>hack</p>", "The bridge hack number " + id + ".",
                Instant.parse("2024-01-01T00:00:00Z"));
    }

    @BeforeAll
    void indexArticles() {
        index = ArticleIndex.open(dir);
        index.index(article(1, "Rekt News", List.of("Ann Walker"), List.of("DeFi", "Bridges")));
        index.index(article(2, "rekt news", List.of("ann walker"), List.of("DeFi", "defi")));
        index.index(article(3, "  Rekt\tNews ", List.of("ANN WALKER"), List.of("DEFI ")));
        index.index(article(4, "The Block", List.of("Joe Smith"), List.of("bridges")));
        index.index(article(5, "the block", List.of("joe smith"), List.of("CeFi")));
        index.commit();
    }

    @AfterAll
    void close() {
        index.close();
    }

    private static Map<String, Long> counts(SearchResult r, FacetDimension d) {
        return DatesSortAndFacetsTest.counts(r, d);
    }

    private static int distinct(SearchResult r, FacetDimension d) {
        return r.facets().stream().filter(f -> f.dimension() == d).findFirst().orElseThrow().distinct();
    }

    @Test
    void spellingsOfOneValueAreCountedOnceInTheirMostCommonSpelling() {
        SearchResult r = index.search(new SearchQuery("hack", 20).withFacets(true));
        assertEquals(5, r.total());
        assertEquals(Map.of("Rekt News", 3L, "The Block", 2L), counts(r, FacetDimension.SOURCE));
        assertEquals(2, distinct(r, FacetDimension.SOURCE));
        // Ann Walker/ann walker/ANN WALKER: one each, so the first in code point order is shown.
        assertEquals(Map.of("ANN WALKER", 3L, "Joe Smith", 2L), counts(r, FacetDimension.AUTHOR));
        // Article 2 has DeFi twice (two spellings): it counts once, as its first spelling; DeFi is the most common.
        assertEquals(Map.of("DeFi", 3L, "Bridges", 2L, "CeFi", 1L), counts(r, FacetDimension.TAG));
        assertEquals(3, distinct(r, FacetDimension.TAG));
    }

    @Test
    void theSpellingShownIsTheMostCommonAmongTheHits() {
        SearchQuery q = new SearchQuery("hack", 20).withFacets(true)
                .withFilters(List.of(FacetFilter.parse("source=THE BLOCK")));
        SearchResult r = index.search(q);
        assertEquals(Set.of(4L, 5L), r.hits().stream().map(SearchHit::articleId).collect(Collectors.toSet()));
        assertEquals(Map.of("The Block", 2L), counts(r, FacetDimension.SOURCE));
        // Over all hits Bridges and bridges tie (Bridges shown); among these hits only "bridges" occurs.
        assertEquals(Map.of("bridges", 1L, "CeFi", 1L), counts(r, FacetDimension.TAG));
        assertEquals(Map.of("Bridges", 2L), Map.of("Bridges", counts(index.search(new SearchQuery("hack", 20)
                .withFacets(true)), FacetDimension.TAG).get("Bridges")));
    }

    @ParameterizedTest(name = "filter {0} keeps {1}")
    @CsvSource(delimiter = '|', value = {
        "source=rekt news          | 1 2 3",
        "source=REKT NEWS          | 1 2 3",
        "source=  Rekt    News     | 1 2 3",
        "author=Ann walker         | 1 2 3",
        "tag=defi                  | 1 2 3",
        "tag=BRIDGES               | 1 4",
        "tag=Bridges;tag=cefi      | 1 4 5",
        "source=the block;tag=CEFI | 5",
        "source=Rekt               | ''",
    })
    void anySpellingFiltersEverySpelling(String filters, String expected) {
        List<FacetFilter> fs = java.util.Arrays.stream(filters.split(";")).map(FacetFilter::parse).toList();
        SearchResult r = index.search(new SearchQuery("hack", 20).withFilters(fs));
        assertEquals(TestArticles.idSet(expected),
                r.hits().stream().map(SearchHit::articleId).collect(Collectors.toSet()), filters);
    }

    @Test
    void keysFoldCaseAndWhiteSpaceAndDropControlCharacters() {
        assertEquals("rekt news", ArticleDocuments.facetKey("  Rekt \t\n NEWS "));
        assertEquals("Rekt News", ArticleDocuments.facetValue("Rekt\u0000 News\u0007"));
        assertEquals(ArticleDocuments.facetKey("DeFi"), ArticleDocuments.facetKey("DEFI"));
        assertEquals("", ArticleDocuments.facetKey(null));
    }

    @Test
    void equalCountsShowTheFirstSpellingInCodePointOrder() {
        assertEquals("DeFi", FacetCounts.mostCommon(Map.of("defi", 1L, "DeFi", 1L)));
        assertEquals("defi", FacetCounts.mostCommon(Map.of("defi", 2L, "DeFi", 1L)));
    }
}
