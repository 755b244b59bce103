package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Deeply nested markup: Jsoup 1.24.1's default nesting limit throws on some 500 levels of div, p and i; such a page
 * is still read (parsed again without the limit), and a tree too deep for the extractor is a clear error of its own.
 */
class DeepNestingTest {

    private static final String ARTICLE = "<article><h1>Bridge drained</h1><p>"
            + "The bridge lost its funds overnight, and the team paused deposits while it looked into it. ".repeat(5)
            + "</p></article>";

    @Test
    void jsoupItselfFailsOnThisNestingWithItsDefaultLimit() {
        // the reason for the second parse: if a later Jsoup mends this, the fallback is no longer needed
        assertThrows(IndexOutOfBoundsException.class, () -> Jsoup.parse("<div><p><i>".repeat(600) + "x"));
    }

    @ParameterizedTest(name = "{0} levels")
    @ValueSource(ints = {507, 600, 1500})
    void aPageNestedDeeperThanJsoupsLimitIsStillExtracted(int levels) {
        String html = "<html><body>" + ARTICLE + "<div><p><i>".repeat(levels) + "tail</body></html>";
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            String text = new ArticleExtractor().extract(html, "https://news.example/bridge").text();
            assertTrue(text.contains("paused deposits"), text);
        });
    }

    @Test
    void theTextOfSuchAFragmentIsRendered() {
        assertTrue(HtmlText.textOf("<p>before</p>" + "<div><p><i>".repeat(600) + "deep text").contains("deep text"));
    }

    @Test
    void aTreeTooDeepForTheExtractorIsAnExtractionErrorNotACrash() {
        String html = "<html><body>" + ARTICLE + "<div><p><i>".repeat(60_000) + "tail</body></html>";
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            // either outcome is allowed, but each must be the right one: the article read, or an error naming the page
            String text;
            try {
                text = new ArticleExtractor().extract(html, "https://news.example/bridge").text();
            } catch (ExtractionException e) {
                assertTrue(e.getMessage().contains("https://news.example/bridge"), e.getMessage());
                return;
            }
            assertTrue(text.contains("paused deposits"), text);
        });
    }
}
