package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain scans of the title and date stages give what the regex calls they replaced gave. */
class MetadataShortCutsTest {

    /** Up to {@code most} pieces drawn at random, joined. */
    private static String randomText(Random rnd, String[] pieces, int most) {
        return IntStream.range(0, rnd.nextInt(most + 1)).mapToObj(k -> pieces[rnd.nextInt(pieces.length)])
                .collect(Collectors.joining());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/2019/10/22/story", "http://example.org", "https://example.org?x=1",
        "ftp://host/a/b", "HTTPS://Host.example/x", "://no-scheme/x", "1http://x/y", "http:/x/y", "https//x/y",
        "mailto:jane@example.org", "/2019/10/22/story", "https://", "a://", "a:///", "x-y://host/p", "é://host/p", ""})
    void theSchemeAndHostAreCutAsTheRegexCutThem(String url) {
        assertEquals(url.replaceFirst("^[a-zA-Z]+://[^/]*", ""), VisibleDates.withoutSchemeAndHost(url), url);
    }

    /** The short way gives what the long way gives on many random texts of the letters. */
    private static void sameOnRandomTexts(long seed, String letters, int most, Function<String, Object> longWay,
                                          Function<String, Object> shortWay) {
        Random rnd = new Random(seed);
        String[] pieces = letters.split("");
        for (int i = 0; i < 100_000; i++) {
            String s = randomText(rnd, pieces, most);
            assertEquals(longWay.apply(s), shortWay.apply(s), "[" + s + "]");
        }
    }

    @Test
    void randomUrlsLoseWhatTheRegexCut() {
        sameOnRandomTexts(5, "aZhtps:/?.-_1é ", 13, url -> url.replaceFirst("^[a-zA-Z]+://[^/]*", ""),
                VisibleDates::withoutSchemeAndHost);
        // single characters rarely make a scheme and "://": pieces of URLs make them often
        Random rnd = new Random(6);
        String[] pieces = {"http", "https", "x", "é", "1", "://", ":/", "/", "//", "host", ".", "?q", " ", "-"};
        for (int i = 0; i < 100_000; i++) {
            String url = randomText(rnd, pieces, 6);
            assertEquals(url.replaceFirst("^[a-zA-Z]+://[^/]*", ""), VisibleDates.withoutSchemeAndHost(url), "[" + url + "]");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "a", " a", "a ", "a b", "a  b", " a b ", "a b c", "a b c   ", "  a", "a\tb c"})
    void spacePartsCountsWhatSplitOnASpaceGives(String s) {
        assertEquals(s.split(" ").length, ArticleExtractor.spaceParts(s), "[" + s + "]");
    }

    @Test
    void randomTextsHaveAsManySpacePartsAsSplitGives() {
        sameOnRandomTexts(9, "ab \t", 11, s -> s.split(" ").length, ArticleExtractor::spaceParts);
    }

    @ParameterizedTest
    @ValueSource(strings = {"© 2021 Jane Doe", "(c) Jane", "(C) 2020", "Copyright Jane", "COPYRIGHT", "all copyrights",
        "xcopyright", "cOpYrIgHt 2019", "text (c)", "((c)", "(c(C)", "(c"})
    void everyCopyrightLineFoundByTheRegexPassesTheCheapTest(String s) {
        if (ArticleExtractor.COPYRIGHT_HINT.matcher(s).find()) {
            assertTrue(ArticleExtractor.mayHoldCopyright(s), s);
        }
    }

    @Test
    void randomTextsTheRegexTakesPassTheCheapTest() {
        Random rnd = new Random(13);
        String[] pieces = {"c", "C", "o", "O", "p", "P", "y", "Y", "r", "R", "i", "I", "ı", "İ", "g", "h", "t", "T", "(", ")",
            "©", " ", "copy", "right", "COPY", "RIGHT", "(c", "c)", "yr"};
        int found = 0;
        for (int i = 0; i < 200_000; i++) {
            String s = randomText(rnd, pieces, 8);
            if (ArticleExtractor.COPYRIGHT_HINT.matcher(s).find()) {
                found++;
                assertTrue(ArticleExtractor.mayHoldCopyright(s), s);
            }
        }
        assertTrue(found > 1000, "too few random copyright lines: " + found);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {"5 min read|true", " 3 MIN READ |true",
        "2 min. leestijd|true", "4 Minuten Le\u00ADsezeit|true", "7 min de lec\u200Btura|true", "6 min lezen|true",
        "\u0130 8 le\u0130t|true", "1 min re ad|false", "12 comments|false", "le z 5|false", "x|false"})
    void aTextNamesAReadingWhenItsWordsDo(String s, boolean named) {
        assertEquals(named, ArticleExtractor.mayNameReading(s), s);
        if (ArticleExtractor.mayStateReadingTime(s) || ArticleExtractor.mayStateReadingTime(s.trim())) {
            assertTrue(ArticleExtractor.mayNameReading(s), s);
        }
    }

    @Test
    void randomTextsThatMayStateAReadingTimeNameAReading() {
        Random rnd = new Random(29);
        String[] pieces = {"le", "LE", "es", "z", "ead", "r", "R", "se", "ct", "it", "tt", "e", "a", "d", "\u00AD", "\u200B",
            "\u200D", " ", "\n", "\t", "3", "\u0130", "\u212A", "\u00E9", "\u0436", "\u0131"};
        int states = 0;
        for (int i = 0; i < 200_000; i++) {
            String s = randomText(rnd, pieces, 10);
            // the long way: the lower-cased copy the reading time stage tested, of the text or of the text trimmed
            if (ArticleExtractor.mayStateReadingTime(s) || ArticleExtractor.mayStateReadingTime(s.trim())) {
                states++;
                assertTrue(ArticleExtractor.mayNameReading(s), s);
            }
        }
        assertTrue(states > 1000, "too few random texts state a reading time: " + states);
    }

    @Test
    void theArticleHeadlineTestMatchesAsItsSelectorDoes() {
        org.jsoup.select.Evaluator query = PageIndex.query("article h1, main h1, [itemprop=headline]");
        String[] pieces = {"<article>", "</article>", "<main>", "</main>", "<div>", "</div>", "<section>", "</section>",
            "<h1>", "</h1>", "<H1 class=x>", "<h2>", "</h2>", "<span itemprop=headline>", "<span itemprop=' HEADLINE '>",
            "<p itemprop='headline x'>", "<p itemprop=''>", "<b ITEMPROP=Headline>", "<i itemprop=name>", "</span>",
            "<svg><h1>", "</svg>", "<table><tr><td>", "</td></tr></table>", "<template><h1>", "</template>", "text "};
        Random rnd = new Random(23);
        int matched = 0;
        for (int i = 0; i < 5_000; i++) {
            org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse("<html><body>" + randomText(rnd, pieces, 14) + "</body></html>");
            for (org.jsoup.nodes.Element el : doc.getAllElements()) {
                boolean expected = query.matches(doc, el);
                assertEquals(expected, ArticleExtractor.isArticleHeadline(el), el.outerHtml());
                matched += expected ? 1 : 0;
            }
        }
        assertTrue(matched > 1000, "matched " + matched);
    }

    @Test
    void theCheapFirstTestsOfTheMarkedQueriesPassEveryElementTheQueriesMatch() {
        String[] pieces = {"<time datetime=2020-01-02>", "<time pubdate datetime=x>", "<time class='published entry-date' datetime=y>",
            "</time>", "<span itemprop=datePublished content=2021>", "<meta itemprop=datePublished content=2021>",
            "<meta property='article:datePublished' content=z>", "<div PROPERTY='DATECREATED' content=1>", "</div>", "</span>",
            "<link rel=image_src href=/i.png>", "<link REL='canonical' href=/c>", "<link rel=canonical>", "<a rel=canonical href=/a>",
            "</a>", "<span itemprop=' Author '>", "<p itemprop=creator>", "<b itemprop='author name'>", "</b>", "<i itemprop=AUTHOR>",
            "<h2 property=datePublished content=2>", "</h2>", "<svg><time datetime=1>", "</svg>", "text "};
        java.util.Map<org.jsoup.select.Evaluator, java.util.function.Predicate<org.jsoup.nodes.Element>> cheap = java.util.Map.of(
                ArticleExtractor.MARKED_PUBLISHED, ArticleExtractor.MAY_BE_MARKED_PUBLISHED,
                ArticleExtractor.IMAGE_SRC_LINK, ArticleExtractor.MAY_BE_REL_LINK,
                ArticleExtractor.CANONICAL_LINK, ArticleExtractor.MAY_BE_REL_LINK,
                ArticleExtractor.MICRODATA_AUTHOR, ArticleExtractor.MAY_BE_MICRODATA_AUTHOR);
        Random rnd = new Random(31);
        java.util.Map<org.jsoup.select.Evaluator, Integer> matched = new java.util.HashMap<>();
        for (int i = 0; i < 3_000; i++) {
            org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse("<html><head>" + randomText(rnd, pieces, 5) + "</head><body>"
                    + randomText(rnd, pieces, 12) + "</body></html>");
            for (org.jsoup.nodes.Element el : doc.getAllElements()) {
                for (var e : cheap.entrySet()) {
                    if (e.getKey().matches(doc, el)) {
                        assertTrue(e.getValue().test(el), e.getKey() + " " + el.outerHtml());
                        matched.merge(e.getKey(), 1, Integer::sum);
                    }
                }
            }
        }
        assertEquals(4, matched.size(), "each query matched somewhere: " + matched);
    }
}
