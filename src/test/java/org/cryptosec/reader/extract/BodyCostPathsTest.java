package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The body stages' cheaper paths answer as the plain ones they stand in for. */
class BodyCostPathsTest {

    private static Element body(String html) {
        Document doc = Jsoup.parse("<html><body>" + html + "</body></html>");
        return doc.body();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<span><b>3 min</b> Lesezeit</span>",
        "<span>5 MIN READ</span>",
        "<div><span>2 min.</span> <span>lees</span><span>tijd</span></div>",
        "<p>4 Minuten Le\u00ADsezeit</p>",
        "<p>7 min de lec\u200Btura</p>",
        "<p>1 min re<i>ad</i></p>",
        "<p>3 minuti di lettura</p>",
        "<p>6 min lezen</p>",
        "<p>8 Min. Leitura</p>"})
    void aReadingWordInTheTextIsFoundInTheTextNodes(String html) {
        Element el = body(html).child(0);
        assertTrue(ArticleExtractor.mayStateReadingTime(el.text()), el.text());
        assertTrue(ArticleExtractor.mayNameReading(el), html);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<span>3 min</span>", "<p>12 comments</p>", "<p>re ad 4</p>", "<p>le z 5</p>",
        "<p>Lea 2 min</p>"})
    void textsWithoutAReadingWordAreRuledOut(String html) {
        Element el = body(html).child(0);
        assertFalse(ArticleExtractor.mayStateReadingTime(el.text()), el.text());
        assertFalse(ArticleExtractor.mayNameReading(el), html);
    }

    @Test
    void noRandomTextNamesAReadingTheTextNodesMiss() {
        String[] pieces = {"le", "LE", "es", "z", "ead", "r", "se", "ct", "it", "tt", "\u00AD", "\u200B", "\u200D", " ",
            "\n", "3", "\u0130", "<b>", "</b>", "<br>", "<p>", "<i>", "</i>", "<span>", "</span>", "&shy;", "a"};
        Random rnd = new Random(7);
        int named = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder html = new StringBuilder("<div>");
            for (int k = 0, n = 2 + rnd.nextInt(10); k < n; k++) {
                html.append(pieces[rnd.nextInt(pieces.length)]);
            }
            Element el = body(html.append("</div>").toString()).child(0);
            if (ArticleExtractor.mayStateReadingTime(el.text())) {
                named++;
                assertTrue(ArticleExtractor.mayNameReading(el), html.toString());
            }
        }
        assertTrue(named > 100, "too few random texts named a reading: " + named);
    }
}
