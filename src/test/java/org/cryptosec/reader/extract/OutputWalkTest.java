package org.cryptosec.reader.extract;

import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The HTML and the text written on one walk are what the two separate walks give. */
class OutputWalkTest {

    private static final String BASE = "https://news.example/2024/story/";

    static Stream<String> pages() {
        return Stream.of(
                "<p>one</p><p>two &amp; <b>three</b></p>",
                "<p>line<br>  next</p><hr><p>  spaced   out  </p>",
                "<pre>\n  keep   this\n  as is</pre><p>after</p>",
                "<table><tbody><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></tbody></table>",
                "<figure><img src=a.png><figcaption>Photo: Agency</figcaption></figure>tail",
                "<p>lead</p><figure><figcaption>Short <i>label</i></figcaption></figure>next",
                "<figure><figcaption>A long caption that tells part of the story, with more than twenty words in it"
                        + " so that it stays in the text.</figcaption></figure>after",
                "<p>\u3000wide\u00a0nbsp\u200b</p><p>x\r\ny</p>",
                // elements the writer leaves to Jsoup, with text inside them and after them
                "<div class=k><span>inside <b>bold</b></span><p>para</p></div><p>after</p>",
                "<p>a<svg><title>t</title></svg>b</p><figure><figcaption><span>Photo: X</span></figcaption></figure>c",
                "<ul><li>one<li>two</ul><!-- note --><p>end</p>",
                // escaped characters inside and next to runs of white space, surrogate pairs and broken halves
                "<p> a \u00a0 b\u200b\u200bc &amp; &lt;x&gt;\u00a0</p>\u00a0\u00a0<em>\u00a0&amp;\u00a0</em> \f z",
                "<p>\uD83D\uDE00 \uD800 x\uDC00  \uDBFF</p>",
                "");
    }

    private static Element own(Element root) {
        Document doc = root.ownerDocument();
        doc.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
        return root;
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("pages")
    void oneWalkGivesTheHtmlAndTextOfTwoForAnyTree(String html) {
        Element root = own(Jsoup.parseBodyFragment(html, BASE).body());
        HtmlSanitizer.Output output = HtmlSanitizer.output(root);
        assertEquals(HtmlSanitizer.strippedHtml(root), output.html());
        assertEquals(root.html().strip(), output.html());
        assertEquals(TextRenderer.render(root), output.text());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("pages")
    void oneWalkGivesTheHtmlAndTextOfTwoForASanitizedTree(String html) {
        Element clean = new HtmlSanitizer().sanitizeToBody(Jsoup.parseBodyFragment(html, BASE).body(), BASE);
        HtmlSanitizer.Output output = HtmlSanitizer.output(clean);
        assertEquals(HtmlSanitizer.strippedHtml(clean), output.html());
        assertEquals(TextRenderer.render(clean), output.text());
    }

    @org.junit.jupiter.api.Test
    void everyCharacterInTextGivesTheHtmlAndTextOfTwoWalks() {
        StringBuilder every = new StringBuilder();
        for (int c = 1; c <= 0xFFFF; c++) {
            every.append((char) c);
        }
        String text = every.append("  \u00a0 \u200b x").toString();
        Element root = own(Jsoup.parseBodyFragment("", BASE).body());
        root.appendElement("p").appendText(text);
        root.appendText(" " + text);
        HtmlSanitizer.Output output = HtmlSanitizer.output(root);
        assertEquals(root.html().strip(), output.html());
        assertEquals(TextRenderer.render(root), output.text());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("pages")
    void treesWithOtherOutputSettingsAreWrittenByJsoup(String html) {
        Element root = Jsoup.parseBodyFragment(html, BASE).body();
        HtmlSanitizer.Output output = HtmlSanitizer.output(root);
        assertEquals(root.html().strip(), output.html());
        assertEquals(TextRenderer.render(root), output.text());
    }
}
