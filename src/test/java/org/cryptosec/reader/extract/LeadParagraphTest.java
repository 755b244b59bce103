package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LeadParagraphTest {

    private static final String LEAD = "Attackers drained forty million dollars from the bridge after forging withdrawal proofs,"
            + " the project confirmed on Tuesday.";
    private static final String PROSE = "<p>" + "The exploit drained the lending pool in a single transaction, and the team paused"
            + " the contracts within the hour, according to the post-mortem published later that week. ".repeat(6) + "</p>";

    private final ArticleExtractor extractor = new ArticleExtractor();

    @Test
    void aShownStandfirstOutsideTheArticleContainerJoinsTheText() {
        String html = "<html><head><title>Bridge drained</title><meta name='description' content='" + LEAD + "'></head>"
                + "<body><header class='article-head'><h1>Bridge drained</h1><p class='lead'>" + LEAD + "</p></header>"
                + "<div class='story'>" + PROSE + PROSE + "</div></body></html>";
        String text = extractor.extract(html, "https://news.example/bridge").text();
        assertTrue(text.startsWith(LEAD), text);
    }

    @Test
    void aDescriptionThePageDoesNotShowStaysOut() {
        String html = "<html><head><title>Bridge drained</title><meta name='description' content='" + LEAD + "'></head>"
                + "<body><h1>Bridge drained</h1><div class='story'>" + PROSE + PROSE + "</div></body></html>";
        String text = extractor.extract(html, "https://news.example/bridge").text();
        assertFalse(text.contains("forging withdrawal proofs"), text);
    }

    @Test
    void aStandfirstAlreadyInTheArticleIsNotRepeated() {
        String html = "<html><head><title>Bridge drained</title><meta name='description' content='" + LEAD + "'></head>"
                + "<body><h1>Bridge drained</h1><div class='story'><p class='lead'>" + LEAD + "</p>" + PROSE + PROSE
                + "</div></body></html>";
        String text = extractor.extract(html, "https://news.example/bridge").text();
        assertTrue(text.indexOf("forging withdrawal proofs") == text.lastIndexOf("forging withdrawal proofs"), text);
    }
}
