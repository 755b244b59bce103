package org.cryptosec.reader.extract;

import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Plain text of a tree: blocks, line breaks, white space, preformatted text, cells and left-out captions. */
class TextRendererTest {

    static Stream<Arguments> pages() {
        return Stream.of(
                Arguments.of("<p>one</p><p>two</p>", "one\n\ntwo"),
                Arguments.of("<p>a  <b> b </b>\n c</p>", "a b c"),
                Arguments.of("<p>line<br>  next</p>", "line\nnext"),
                Arguments.of("<pre>  keep   this\n  as is</pre><p>after</p>", "keep   this\nas is\n\nafter"),
                Arguments.of("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a\tb\n\nc"),
                Arguments.of("<p></p><div></div><p>only</p><hr><p>end</p>", "only\n\nend"),
                Arguments.of("<figure><img src=a.png><figcaption>Photo: Agency</figcaption></figure>tail", "tail"),
                Arguments.of("<p>lead</p><figure><figcaption>Short label</figcaption></figure>next", "lead\n\nnext"),
                // a left-out caption that closes its figure still leaves the figure's block break
                Arguments.of("x<figure><figcaption>Short label</figcaption></figure>y", "x\n\ny"),
                Arguments.of("<figure><figcaption>outer <figcaption>inner</figcaption></figcaption></figure>z", "z"),
                // the untidy cases: a third line break in a row, spaces around line breaks in preformatted text
                Arguments.of("a<br><br><br>b<br> <br>\u00a0c", "a\n\nb\n\nc"),
                Arguments.of("<p>x</p><br><br>y", "x\n\ny"),
                Arguments.of("<pre>a \t\n  b\n\n\n\nc</pre>", "a\nb\n\nc"),
                Arguments.of("<p>\u3000\u3000wide<span>\u3000</span></p><p>\u00a0nbsp\u200b</p>", "wide\u3000\n\nnbsp"),
                Arguments.of("<figure><figcaption>A long caption that tells part of the story, with more than twenty words"
                        + " in it so that it stays in the text.</figcaption></figure>after",
                        "A long caption that tells part of the story, with more than twenty words in it so that it stays"
                        + " in the text.\n\nafter"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("pages")
    void rendersBlocksBreaksAndCaptionsAsText(String html, String expected) {
        assertEquals(expected, TextRenderer.render(Jsoup.parseBodyFragment(html).body()));
        assertEquals(expected, HtmlText.textOf(html));
    }

    static Stream<Arguments> spaces() {
        return Stream.of(
                Arguments.of("a b c", "a b c"),
                Arguments.of("a  b", "a b"),
                Arguments.of(" a\tb\n", " a b "),
                Arguments.of("a\u00a0b\u200bc", "a b c"),
                Arguments.of("a \u00a0b", "a b"),
                Arguments.of("", ""));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("spaces")
    void collapsesRunsOfSpaceIntoOne(String in, String expected) {
        assertEquals(expected, TextRenderer.collapse(in));
    }

    @Test
    void textWithNothingToCollapseIsReturnedAsItIs() {
        String s = "already collapsed text with single spaces";
        assertSame(s, TextRenderer.collapse(s));
    }

    @Test
    void aRootThatIsItselfACaptionIsRendered() {
        Element caption = Jsoup.parseBodyFragment("<figcaption>Photo: Agency</figcaption>").body().child(0);
        assertEquals("Photo: Agency", TextRenderer.render(caption));
    }
}
