package org.cryptosec.reader.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleIndexSearchTest {

    @TempDir
    static Path dir;

    private ArticleIndex index;

    @BeforeAll
    void indexCorpus() {
        index = ArticleIndex.open(dir.resolve("index").resolve("v" + ArticleIndex.VERSION));
        TestArticles.corpus().forEach(index::index);
        index.commit();
    }

    @AfterAll
    void closeIndex() {
        index.close();
    }

    private SearchResult search(String q) {
        return index.search(new SearchQuery(q, 20));
    }

    private Set<Long> ids(String q) {
        return search(q).hits().stream().map(SearchHit::articleId).collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "Dutch \"{0}\" finds the Noord-Korea article")
    @ValueSource(strings = {"hacken", "hackt", "gehackt", "hack", "exchange", "exchanges",
        "Noord-Korea", "noord korea", "kernwapens", "ontwikkeling", "HACKT", "rakettest"})
    void dutchStemmingFindsTheSeedArticle(String query) {
        SearchResult r = search(query);
        assertTrue(ids(query).contains(TestArticles.SEED), query + " → " + r);
        assertFalse(r.fellBackToPlainWords());
    }

    @ParameterizedTest(name = "English \"{0}\" finds the bridge article")
    @ValueSource(strings = {"hacked", "hack", "hacking", "hacks", "launder", "laundering",
        "attacker", "mixer", "wallet", "bridges", "trace", "stolen fund"})
    void englishStemmingFindsTheBridgeArticle(String query) {
        assertTrue(ids(query).contains(TestArticles.ENGLISH_BRIDGE), query + " → " + search(query));
    }

    @ParameterizedTest(name = "\"{0}\" finds exactly {1}")
    @CsvSource(delimiter = '|', value = {
        "kernwapens                     | 1",
        "author:\"Timo Bult\"           | 1",
        "author:bult                    | 1 3",
        "author:\"Ann Walker\"          | 2 5",
        "Author:walker AND author:smith | 5",
        "title:exchanges                | 1",
        "title:bitcoin                  | 4",
        "source:\"Crypto Insiders\"     | 1 3",
        "source:rekt                    | 2",
        "lang:nl                        | 1 3 4",
        "lang:EN                        | 2 5",
        "lang:nl-NL AND koers           | 4",
        "tag:defi                       | 2 5",
        "tag:exploits                   | 5",
        "tag:\"noord-korea\"            | 1",
        "\"hackt opnieuw\"              | 1",
        "\"opnieuw hackt\"              | ''",
        "\"flash loan\"                 | 5",
        "\"loan flash\"~2               | 5",
        "\"loan flash\"                 | ''",
        "hack -bitcoin                  | 1 2 5",
        "Noord-Korea - kernwapens       | 1",
        "hack - bitcoin                 | 4",
        "hack NOT bitcoin               | 1 2 5",
        "hack AND NOT koers             | 1 2 5",
        "-bitcoin                       | 1 2 3 5",
        "bitcoin OR bridge              | 2 4",
        "(bitcoin OR bridge) AND lang:en| 2",
        "kernwap*                       | 1",
        "launder*                       | 2",
        "title:bitv*                    | 3",
        "b?idge                         | 2",
        "kernwapnes~                    | 1",
        "oracel~1                       | 5",
        "exploited million              | 1 5",
        "\"hack\"                       | 1 2 4",
        "10:30                          | ''",
        "foo:bridge                     | ''",
        "walker                         | 2 5",
        "*:*                            | 1 2 3 4 5",
    })
    void queriesFindExactlyTheExpectedArticles(String query, String expected) {
        Set<Long> want = expected.isBlank() ? Set.of()
                : java.util.Arrays.stream(expected.trim().split(" ")).map(Long::parseLong).collect(Collectors.toSet());
        SearchResult r = search(query);
        assertEquals(want, ids(query), query + " → " + r);
        assertFalse(r.fellBackToPlainWords(), query + " should parse");
        assertEquals(want.size(), r.total());
    }

    @Test
    void wordsAreAndedSoEveryWordMustMatch() {
        assertEquals(Set.of(TestArticles.DUTCH_BITCOIN), ids("hack koers"));
    }

    @Test
    void whenAndFindsNothingTheWordsAreOredInstead() {
        SearchResult r = search("kernwapens flashloanzzz mixers");
        assertEquals(Set.of(TestArticles.SEED, TestArticles.ENGLISH_BRIDGE), ids("kernwapens flashloanzzz mixers"));
        assertFalse(r.fellBackToPlainWords());
    }

    @Test
    void explicitAndIsNotRelaxed() {
        assertEquals(Set.of(), ids("kernwapens AND mixers"));
    }

    @Test
    void titleMatchesRankAboveBodyMatches() {
        List<SearchHit> hits = search("hack").hits();
        assertEquals(4, hits.size()); // with the synonym exploit (article 5)
        assertEquals(TestArticles.SEED, hits.get(0).articleId(), hits.toString());
    }

    @Test
    void hitCarriesStoredMetadata() {
        SearchHit hit = search("kernwapens").hits().get(0);
        assertEquals(TestArticles.SEED, hit.articleId());
        assertEquals("Noord-Korea hackt opnieuw exchanges voor ontwikkeling kernwapens", hit.title());
        assertEquals("https://example.org/a/1", hit.url());
        assertEquals("Crypto Insiders", hit.source());
        assertEquals(List.of("Timo Bult"), hit.authors());
        assertEquals(TestArticles.seed().published(), hit.published());
        assertEquals("nl", hit.lang());
        assertTrue(hit.score() > 0);
        assertEquals(List.of("Ann Walker", "Joe Smith"), search("flash").hits().get(0).authors());
    }

    @Test
    void stemmedMatchIsHighlightedInTheTitleWhenTheTextHasNone() {
        String snippet = search("hacken exchange").hits().get(0).snippet();
        assertEquals("Noord-Korea <b>hackt</b> opnieuw <b>exchanges</b> voor ontwikkeling kernwapens", snippet);
    }

    @Test
    void snippetMarksMatchesInTheText() {
        String snippet = search("laundering").hits().get(0).snippet();
        assertTrue(snippet.contains("<b>laundered</b>"), snippet);
    }

    @Test
    void phraseIsHighlightedAsAPhrase() {
        String snippet = search("\"flash loan\"").hits().get(0).snippet();
        assertTrue(snippet.contains("<b>flash</b> <b>loan</b>") || snippet.contains("<b>flash loan</b>"), snippet);
    }

    @Test
    void queryWithoutTextTermsGetsTheStartOfTheText() {
        String snippet = search("lang:en AND source:rekt").hits().get(0).snippet();
        assertTrue(snippet.startsWith("The attackers hacked the bridge"), snippet);
        assertFalse(snippet.contains("<b>"), snippet);
    }

    @ParameterizedTest(name = "empty query \"{0}\" gives an empty result")
    @ValueSource(strings = {"", " ", "\t\n", "-", "+", "!", " - + "})
    void emptyQueryGivesEmptyResult(String q) {
        SearchResult r = search(q);
        assertEquals(0, r.total());
        assertTrue(r.hits().isEmpty());
        assertFalse(r.fellBackToPlainWords());
    }

    @Test
    void nullQueryTextIsEmpty() {
        assertEquals(0, index.search(new SearchQuery(null, 5)).total());
    }
}
