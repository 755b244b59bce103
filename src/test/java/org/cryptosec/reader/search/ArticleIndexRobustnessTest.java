package org.cryptosec.reader.search;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.cryptosec.reader.model.SearchHit;
import org.cryptosec.reader.model.SearchQuery;
import org.cryptosec.reader.model.SearchResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed and hostile queries over a few thousand generated articles. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleIndexRobustnessTest {

    private static final int GENERATED = 3_000;
    private static final String[] VOCABULARY = {
        "hack", "exchange", "wallet", "bridge", "exploit", "bitcoin", "ether", "scam", "phishing",
        "sanctions", "mixer", "lazarus", "defi", "oracle", "flash", "loan", "rug", "pull", "token",
        "aanval", "beurs", "gestolen", "hackers", "koers", "stijgt", "daalt", "miljoen", "dollar",
        "abc", "aab", "aaa", "ab", "a", "b", "c", "ba", "baa", "cab"};

    @TempDir
    static Path dir;

    private ArticleIndex index;

    @BeforeAll
    void indexManyArticles() {
        index = ArticleIndex.open(dir);
        TestArticles.corpus().forEach(index::index);
        Random random = new Random(42);
        for (int i = 0; i < GENERATED; i++) {
            long id = 1_000 + i;
            String title = randomWords(random, 6) + " " + i;
            String text = randomWords(random, 80) + " w" + i + "x";
            index.index(TestArticles.article(id, i % 2 == 0 ? "nl" : "en", title, text, "Source " + (i % 7),
                    List.of("Author " + (i % 50)), List.of("tag" + (i % 10))));
        }
        index.commit();
    }

    @AfterAll
    void closeIndex() {
        index.close();
    }

    private static String randomWords(Random random, int n) {
        return IntStream.range(0, n).mapToObj(i -> VOCABULARY[random.nextInt(VOCABULARY.length)])
                .collect(Collectors.joining(" "));
    }

    private SearchResult search(String q) {
        return assertDoesNotThrow(() -> index.search(new SearchQuery(q, 10)), () -> "query: " + abbreviate(q));
    }

    private static String abbreviate(String q) {
        return q.length() > 60 ? q.substring(0, 60) + "…" : q;
    }

    @ParameterizedTest(name = "malformed \"{0}\" is searched as plain words")
    @ValueSource(strings = {"\"kernwapens", "(kernwapens", "kernwapens)", "kernwapens AND", "AND",
        "OR OR", "NOT", "title:", "title:(", "*", "?", "*a*", "?ack", "kernwapens [a TO", "kernwapens /regex",
        "/kernw.*/", "kernwapens^", "^3", "kernwapens~2.5", "kernwapens \\", "{a TO b}", "kernwapens:",
        "a AND (b OR", "\"\"\"", ":", "&&", "||", "kernwapens [2020 TO 2022]"})
    void malformedQueryFallsBackToPlainWords(String q) {
        SearchResult r = search(q);
        assertTrue(r.fellBackToPlainWords(), q + " → " + r);
        assertEquals(q, r.query());
        assertTrue(r.total() >= 0);
        if (q.contains("kernwapens")) {
            assertTrue(r.hits().stream().anyMatch(h -> h.articleId() == TestArticles.SEED), q + " → " + r);
        }
    }

    static Stream<Arguments> pathologicalQueries() {
        Random random = new Random(7);
        String tenKb = Stream.generate(() -> VOCABULARY[random.nextInt(VOCABULARY.length)])
                .limit(3_000).collect(Collectors.joining(" ")).substring(0, 10_240);
        String fiveThousandTerms = IntStream.range(0, 5_000).mapToObj(i -> "t" + i).collect(Collectors.joining(" "));
        String fiveThousandOrs = IntStream.range(0, 5_000).mapToObj(i -> VOCABULARY[i % VOCABULARY.length])
                .collect(Collectors.joining(" OR "));
        String deepParens = "(".repeat(500) + "hack" + ")".repeat(500);
        String deepButShort = "(".repeat(450) + "hack" + ")".repeat(450);
        String unbalancedDeep = "(".repeat(900) + "hack";
        String manyWildcards = IntStream.range(0, 20).mapToObj(i -> "a" + (char) ('a' + i) + "*")
                .collect(Collectors.joining(" OR "));
        String manyFuzzy = IntStream.range(0, 8).mapToObj(i -> VOCABULARY[i] + "~2")
                .collect(Collectors.joining(" OR "));
        String hugeToken = "x".repeat(5_000);
        String manyPhrases = IntStream.range(0, 100).mapToObj(i -> "\"hack exchange wallet\"")
                .collect(Collectors.joining(" OR "));
        return Stream.of(
                Arguments.of("10 KB of words", tenKb),
                Arguments.of("5,000 terms", fiveThousandTerms),
                Arguments.of("5,000 ORed terms", fiveThousandOrs),
                Arguments.of("500 nested parens", deepParens),
                Arguments.of("450 nested parens (under the length cap)", deepButShort),
                Arguments.of("900 unclosed parens", unbalancedDeep),
                Arguments.of("*", "*"),
                Arguments.of("*a*", "*a*"),
                Arguments.of("a~2", "a~2"),
                Arguments.of("a*", "a*"),
                Arguments.of("a*b*a*b*a*b*a*b*", "a*b*a*b*a*b*a*b*"),
                Arguments.of("a?????????????????", "a?????????????????"),
                Arguments.of("20 wildcards", manyWildcards),
                Arguments.of("8 fuzzy terms at distance 2", manyFuzzy),
                Arguments.of("one 5,000-char token", hugeToken),
                Arguments.of("100 phrases", manyPhrases),
                Arguments.of("control characters", "hack\u0000\u0001\u001b[31m exchange"),
                Arguments.of("lone surrogates", "hack \uD800 \uDFFF exchange"),
                Arguments.of("emoji and RTL", "🚀 hack \u202Eexchange"));
    }

    @ParameterizedTest(name = "pathological: {0}")
    @MethodSource("pathologicalQueries")
    void pathologicalQueryReturnsASaneResult(String name, String q) {
        SearchResult r = search(q);
        assertNotNull(r.hits());
        assertTrue(r.total() >= r.hits().size(), name + " → total " + r.total());
        assertTrue(r.hits().size() <= 10, name);
        for (SearchHit h : r.hits()) {
            assertNotNull(h.snippet());
            assertFalse(h.snippet().contains("<script"), h.snippet());
        }
    }

    @Test
    void queryOverTheLengthCapIsPlainWordsAndStillFindsTheFirstWords() {
        String q = "kernwapens " + "zzzunknown ".repeat(200);
        SearchResult r = search(q);
        assertTrue(r.fellBackToPlainWords());
        // the AND of the first words matches nothing, so the words are ORed: the seed is found
        assertTrue(r.hits().stream().anyMatch(h -> h.articleId() == TestArticles.SEED), r.toString());
    }

    @Test
    void nestedParensUnderTheCapStillParse() {
        SearchResult r = search("(".repeat(450) + "kernwapens" + ")".repeat(450));
        assertFalse(r.fellBackToPlainWords());
        assertEquals(1, r.total());
    }

    @Test
    void totalCountsAllMatchesNotJustTheReturnedHits() {
        SearchResult r = search("tag:tag3");
        assertEquals(GENERATED / 10, r.total());
        assertEquals(10, r.hits().size());
    }

    @Test
    void limitAboveTheMaximumIsCapped() {
        SearchResult r = index.search(new SearchQuery("*:*", 1_000_000));
        assertEquals(GENERATED + TestArticles.corpus().size(), r.total());
        assertEquals(ArticleIndex.MAX_LIMIT, r.hits().size());
    }

    @Test
    void uniqueGeneratedWordFindsItsArticle() {
        SearchResult r = search("w1234x");
        assertEquals(1, r.total());
        assertEquals(1_000 + 1234, r.hits().get(0).articleId());
    }
}
