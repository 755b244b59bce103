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

    @org.junit.jupiter.params.ParameterizedTest(name = "a lead marked {0} below the headline joins the text")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"story-head__lead", "intro", "post-excerpt", "nota-bajada", "headline-subtitle"})
    void aMarkedLeadBelowTheHeadlineJoinsTheTextWithoutADescription(String cls) {
        String html = "<html><head><title>Bridge drained</title></head><body><div class='article-header'><h1>Bridge drained</h1>"
                + "<span class='date'>Tuesday</span><p class='" + cls + "'>" + LEAD + "</p></div>"
                + "<div class='story'>" + PROSE + PROSE + "</div></body></html>";
        String text = extractor.extract(html, "https://news.example/bridge").text();
        assertTrue(text.startsWith(LEAD), text);
    }

    @Test
    void aMarkedBlockFarBelowTheHeadlineOrNotProseStaysOut() {
        String far = "<html><head><title>Bridge drained</title></head><body><h1>Bridge drained</h1><div class='story'>" + PROSE
                + PROSE + "</div><div class='intro'>" + LEAD + "</div></body></html>";
        assertTrue(extractor.extract(far, "https://news.example/bridge").text().indexOf("forging withdrawal proofs") < 0);
        String embed = "<html><head><title>Bridge drained</title></head><body><div class='article-header'><h1>Bridge drained</h1>"
                + "<p class='intro'>EMBED &lt;iframe src=x&gt;&lt;/iframe&gt; copy this code to show the video of the bridge on"
                + " your own site.</p></div><div class='story'>" + PROSE + PROSE + "</div></body></html>";
        assertFalse(extractor.extract(embed, "https://news.example/bridge").text().contains("EMBED"));
    }

    @Test
    void aMarkedLeadInsideTheContainerThatAlsoHoldsTheArticleIsFound() {
        String html = "<html><head><title>Bridge drained</title></head><body><h1>Bridge drained</h1><div class='wrap'>"
                + "<div class='meta'>Tuesday</div><div class='full-intro'><p>" + LEAD + "</p></div><div class='story'>" + PROSE
                + PROSE + "</div></div></body></html>";
        String text = extractor.extract(html, "https://news.example/bridge").text();
        assertTrue(text.startsWith(LEAD), text);
    }

    @Test
    void aLeadImageBlockWithItsCaptionIsNotTheLead() {
        String caption = "The bridge's validators met in Lisbon last spring to agree on the new signature scheme for withdrawals.";
        String html = "<html><head><title>Bridge drained</title></head><body><div class='article-header'><h1>Bridge drained</h1>"
                + "<div class='page-lead'><figure><img src='https://news.example/a.jpg'><div class='figure-text'>" + caption
                + "</div></figure></div></div><div class='story'>" + PROSE + PROSE + "</div></body></html>";
        String text = extractor.extract(html, "https://news.example/bridge").text();
        assertFalse(text.contains("validators met in Lisbon"), text);
    }
}
