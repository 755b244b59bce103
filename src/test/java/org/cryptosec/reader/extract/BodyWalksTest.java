package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bounds the body stages take from the page index let them skip work only when it could not change the result. */
class BodyWalksTest {

    private static final String BASE = "https://news.example/2024/05/story";

    private static final String PROSE = "Words of a paragraph, with a comma, and more words to make it read like prose. ";

    @ParameterizedTest
    @ValueSource(strings = {
        "<p>" + PROSE + "</p><p>" + PROSE + "</p>",
        "<div><p>" + PROSE + "<br>" + PROSE + "</p><ul>\n  <li>one</li>\n  <li>two <b>bold</b><i>it</i></li>\n</ul></div>",
        "<div><pre>\n\n      indented\n\n      code      \n</pre><textarea>\n\n      typed\n\n   </textarea></div>",
        "<div><p>\u00A0\u00A0\u00A0\u00A0</p><p>\u200B\u200B\u200B</p><p>\u2003\u2003\u2003 wide</p><p>\u000B\u000B</p></div>",
        "<table><tr><td>a</td><td><div>b</div><div>c</div></td></tr></table><dl><dd>x<span>y</span>z</dd></dl>",
        "<div><h2>Head</h2><h3>Sub</h3><blockquote>q<p>inner</p>r</blockquote><h4>four</h4></div>",
        "<nav><p>" + PROSE + "</p></nav><div class='related'><p>" + PROSE + "</p></div><p><a href='/x'>" + PROSE + "</a></p>",
        "<ol><li><ol><li><ol><li>" + PROSE + "</li></ol></li></ol></li></ol><title>in body</title>"})
    void noRelaxedPickScoresAboveTheIndexBound(String body) {
        String html = "<html><head><title>t</title></head><body>" + body + "</body></html>";
        Document doc = Jsoup.parse(html, BASE);
        long bound = PageIndex.of(doc).relaxedScoreBound();
        assertTrue(bound < Integer.MAX_VALUE);
        // the relaxed pick takes a block scoring at least its minimum: none does above the bound
        assertNull(ArticleExtractor.relaxedContent(html, BASE, (int) bound + 1), "bound " + bound);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 150, 600})
    void aPageWhoseTextBlocksShareOneParentIsNotSkipped(int minimum) {
        String html = "<html><body><div><p>" + PROSE.repeat(4) + "</p><p>" + PROSE.repeat(5) + "</p></div></body></html>";
        Document doc = Jsoup.parse(html, BASE);
        assertTrue(PageIndex.of(doc).relaxedScoreBound() >= minimum);
        assertNotNull(ArticleExtractor.relaxedContent(html, BASE, minimum));
    }

    @ParameterizedTest
    @ValueSource(ints = {150, 600})
    void scatteredShortBlocksGiveABoundUnderTheMinimum(int minimum) {
        // plenty of text on the page, but no element holds enough of it in its own text blocks
        StringBuilder html = new StringBuilder("<html><body>");
        for (int i = 0; i < 30; i++) {
            html.append("<div><span>").append(PROSE).append("</span><p>short line ").append(i).append("</p></div>");
        }
        html.append("</body></html>");
        Document doc = Jsoup.parse(html.toString(), BASE);
        PageIndex idx = PageIndex.of(doc);
        assertTrue(idx.bodyRenderBound() >= 2L * minimum, "the page-wide bound alone would not skip");
        assertTrue(idx.relaxedScoreBound() < minimum, "bound " + idx.relaxedScoreBound());
        assertNull(ArticleExtractor.relaxedContent(html.toString(), BASE, minimum));
    }

    @ParameterizedTest
    @ValueSource(strings = {"figure", "section"})
    void aCreditLineGoesUnlessAFigureHoldsItAtAnyDepth(String wrapper) {
        String html = "<div id='c'><p>" + PROSE + "</p><" + wrapper + "><div><span><p>Photo: Jane Doe</p></span></div></"
                + wrapper + "><p>Getty Images</p></div>";
        Document doc = Jsoup.parse(html, BASE);
        org.jsoup.nodes.Element content = doc.getElementById("c");
        ContentExtractor.clean(content, "Some title", BASE);
        String text = content.text();
        assertTrue(!text.contains("Getty Images"), text);
        assertTrue(text.contains("Photo: Jane Doe") == wrapper.equals("figure"), text);
    }

    @ParameterizedTest
    @ValueSource(ints = {290, 299, 300, 320})
    void aReadAlsoTeaserGoesOnlyUnderThreeHundredCharacters(int length) {
        String label = "Read also: ";
        String words = "w".repeat(Math.max(0, length - label.length() - 1)) + ".";
        String html = "<div id='c'><p>" + PROSE + "</p><div><a href='https://news.example/other/story'>" + label + words
                + "</a></div></div>";
        Document doc = Jsoup.parse(html, BASE);
        org.jsoup.nodes.Element content = doc.getElementById("c");
        ContentExtractor.clean(content, "Some title", BASE);
        assertTrue(content.text().contains("Read also") == (length >= 300), length + ": " + content.text());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "x adsbygoogle, true", "adsbygooglex, false", "label-hidden, false", "hidden, true", "main toc, true",
        "tocbarwithaverylongname skip, true", "averyveryverylongwordindeed header, true", "headerish, false"})
    void aWholeWordMarksBoilerplateWhateverTheWordsBesideIt(String classAndId, boolean negative) {
        assertTrue(Hints.isNegative(classAndId) == negative, classAndId);
    }

    @org.junit.jupiter.api.Test
    void cleaningWithTheLeadsFiguresAddedEqualsCleaningWithFiguresComputedAfresh() {
        String html = "<body><div id='c'><p>Advertisement</p><ul><li><a href='/a/one-story-here'>One two three four five six</a></li>"
                + "<li><a href='/a/two-story-here'>Seven eight nine ten eleven twelve</a></li></ul><p>" + PROSE + "</p>"
                + "<div><p>Share this article</p></div><p>Photo: Jane Doe</p></div></body>";
        Document known = Jsoup.parse(html, BASE);
        java.util.Map<org.jsoup.nodes.Element, ContentExtractor.Stats> stats = PageIndex.of(known).bodyStats();
        org.jsoup.nodes.Element content = known.getElementById("c");
        stats.putAll(ContentExtractor.stats(content.prependElement("p").text("Read more")));
        ContentExtractor.clean(content, "Title", BASE, stats);

        Document fresh = Jsoup.parse(html, BASE);
        org.jsoup.nodes.Element expected = fresh.getElementById("c");
        expected.prependElement("p").text("Read more");
        ContentExtractor.clean(expected, "Title", BASE);
        org.junit.jupiter.api.Assertions.assertEquals(expected.html(), content.html());
        assertTrue(!content.text().contains("Advertisement") && !content.text().contains("Read more"), content.text());
    }
}
