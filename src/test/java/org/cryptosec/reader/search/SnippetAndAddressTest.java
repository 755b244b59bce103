package org.cryptosec.reader.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
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
class SnippetAndAddressTest {

    static final String ETH = "0x8589427373D6D84E98730D7795D8f6f8731FDA16";
    static final String BTC = "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh";
    static final String LEGACY_BTC = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa";
    static final String TX = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060";
    static final String TRON = "TNPeeaaFB7K9cmo4uQpcU32zkK8G9VeRS";

    @TempDir
    static Path dir;

    private ArticleIndex index;
    private String longText;

    @BeforeAll
    void indexArticles() {
        index = ArticleIndex.open(dir);
        index.index(TestArticles.article(10, "en", "Script <injection> & \"quotes\"",
                "Before <script>alert('x')</script> the phishing kit & its <img src=x onerror=y> loader.",
                "Test", List.of("A"), List.of()));
        index.index(TestArticles.article(11, "en", "Sanctioned addresses",
                "Funds moved to " + ETH + ", then to " + BTC + " and " + LEGACY_BTC + " via tx " + TX
                        + " and finally " + TRON + ". Ticker $BTC fell.",
                "Test", List.of("B"), List.of()));
        index.index(TestArticles.article(12, "en", "Another address",
                "An unrelated wallet 0x8589427373D6D84E98730D7795D8f6f8731FDA17 appears here.",
                "Test", List.of("C"), List.of()));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            sb.append("filler sentence number ").append(i).append(" says nothing at all. ");
            if (i == 120) {
                sb.append("Here the ransomware gang demanded payment. ");
            }
        }
        longText = sb.toString();
        index.index(TestArticles.article(13, "en", "Long piece", longText, "Test", List.of("D"), List.of()));
        index.commit();
    }

    @AfterAll
    void closeIndex() {
        index.close();
    }

    private SearchHit only(String q) {
        SearchResult r = index.search(new SearchQuery(q, 10));
        assertEquals(1, r.total(), q + " → " + r);
        return r.hits().get(0);
    }

    @Test
    void snippetEscapesHtmlFromTheTextAndMarksMatches() {
        String snippet = only("phishing").snippet();
        assertTrue(snippet.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), snippet);
        assertTrue(snippet.contains("<b>phishing</b>"), snippet);
        assertTrue(snippet.contains("&lt;img src=x onerror=y&gt;"), snippet);
        assertTrue(snippet.contains("kit &amp; its"), snippet);
        String withoutMarks = snippet.replace("<b>", "").replace("</b>", "");
        assertFalse(withoutMarks.contains("<"), snippet);
    }

    @Test
    void titleSnippetIsEscapedToo() {
        String snippet = only("title:injection").snippet();
        assertEquals("Script &lt;<b>injection</b>&gt; &amp; &quot;quotes&quot;", snippet);
    }

    @Test
    void snippetOfALongTextIsAShortPassageAroundTheMatch() {
        String snippet = only("ransomware").snippet();
        assertTrue(snippet.contains("<b>ransomware</b>"), snippet);
        String plain = snippet.replace("<b>", "").replace("</b>", "");
        assertTrue(plain.length() <= 300, plain.length() + ": " + plain);
        assertTrue(plain.length() >= 100, plain.length() + ": " + plain);
        assertTrue(plain.startsWith("…") && plain.endsWith("…"), plain);
    }

    @Test
    void snippetWithoutMatchInTextIsTheStartOfTheText() {
        String snippet = only("author:d").snippet();
        assertTrue(snippet.startsWith("filler sentence number 0 says nothing at all."), snippet);
        assertTrue(snippet.endsWith("…"), snippet);
        assertTrue(snippet.length() <= 210, snippet);
    }

    @ParameterizedTest(name = "pasting {0} finds the article")
    @ValueSource(strings = {ETH, BTC, LEGACY_BTC, TX, TRON, "0x8589427373d6d84e98730d7795d8f6f8731fda16",
        "BC1QXY2KGDYGJRSQTZQ2N0YRF2493P83KKFJHX0WLH", " " + ETH + " ", "\"" + ETH + "\""})
    void pastedAddressFindsExactlyItsArticle(String address) {
        SearchHit hit = only(address);
        assertEquals(11, hit.articleId());
        assertTrue(hit.snippet().contains("<b>"), hit.snippet());
    }

    @ParameterizedTest(name = "\"{0}\" is not a token of any address")
    @ValueSource(strings = {"0x8589427373", "8589427373D6D84E98730D7795D8f6f8731FDA16", "bc1q", "0x"})
    void partOfAnAddressIsNotAToken(String part) {
        assertEquals(0, index.search(new SearchQuery(part, 10)).total(), part);
    }

    @Test
    void addressPrefixSearchFindsBothSimilarAddresses() {
        assertEquals(2, index.search(new SearchQuery("0x8589427373*", 10)).total());
    }

    @ParameterizedTest(name = "tokens of \"{0}\" are {1}")
    @CsvSource(delimiter = '|', value = {
        ETH + " | " + "0x8589427373d6d84e98730d7795d8f6f8731fda16",
        BTC + " | " + BTC,
        "$BTC | btc",
        "Noord-Korea | noord korea",
        "Coördinatie | coordinatie",
    })
    void foldedFieldKeepsAddressesWhole(String input, String expected) throws Exception {
        try (var analyzer = IndexAnalyzers.folding();
             var ts = analyzer.tokenStream("f", input)) {
            var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            ts.reset();
            StringBuilder sb = new StringBuilder();
            while (ts.incrementToken()) {
                sb.append(sb.length() == 0 ? "" : " ").append(term);
            }
            ts.end();
            assertEquals(expected.trim(), sb.toString());
        }
    }

    @Test
    void tickerWithDollarSignIsFound() {
        assertEquals(11, only("$BTC").articleId());
    }
}
