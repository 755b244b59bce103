package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The body stages' cheaper paths answer as the plain ones they stand in for. */
class BodyCostPathsTest {

    private static Element body(String html) {
        Document doc = Jsoup.parse("<html><body>" + html + "</body></html>", "https://www.example.org/news/this-story");
        return doc.body();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<span><b>3 min</b> Lesezeit</span>|true",
        "<span>5 MIN READ</span>|true",
        "<div><span>2 min.</span> <span>lees</span><span>tijd</span></div>|true",
        "<p>4 Minuten Le\u00ADsezeit</p>|true",
        "<p>7 min de lec\u200Btura</p>|true",
        "<p>1 min re<i>ad</i></p>|true",
        "<p>3 minuti di lettura</p>|true",
        "<p>6 min lezen</p>|true",
        "<p>8 Min. Leitura</p>|true",
        "<span>3 min</span>|false",
        "<p>12 comments</p>|false",
        "<p>re ad 4</p>|false",
        "<p>le z 5</p>|false",
        "<p>Lea 2 min</p>|false"})
    void aReadingWordInTheTextIsFoundInTheTextNodesAndOnlyThen(String html, boolean named) {
        Element el = body(html).child(0);
        assertEquals(named, ArticleExtractor.mayStateReadingTime(el.text()), el.text());
        assertEquals(named, ArticleExtractor.mayNameReading(el), html);
    }

    @Test
    void noRandomTextNamesAReadingTheTextNodesMiss() {
        String[] pieces = {"le", "LE", "es", "z", "ead", "r", "se", "ct", "it", "tt", "\u00AD", "\u200B", "\u200D", " ",
            "\n", "3", "\u0130", "\u212A", "\u00E9", "\u0436", "<b>", "</b>", "<br>", "<p>", "<i>", "</i>", "<span>", "</span>", "&shy;", "a"};
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

    @Test
    void namesJudgedOnceGiveTheHintsVerdictsInAnyOrder() {
        String[] names = {"", "sidebar", "Article-Body", "widget", "builder-widget-text", "post content", "share-bar",
            "main", "related-posts", "entry-content", "nav", "field--label-hidden", "ad", "story text"};
        StringBuilder html = new StringBuilder();
        Random rnd = new Random(3);
        for (int k = 0; k < 200; k++) {
            String cls = names[rnd.nextInt(names.length)];
            String id = rnd.nextInt(3) == 0 ? names[rnd.nextInt(names.length)] : "";
            html.append("<div").append(cls.isEmpty() ? "" : " class=\"" + cls + "\"")
                    .append(id.isEmpty() || id.contains(" ") ? "" : " id=\"" + id + "\"").append(">x</div>");
        }
        List<Element> elements = body(html.toString()).getAllElements();
        ClassIds ids = ClassIds.of(elements);
        int negatives = 0;
        int weighted = 0;
        for (int round = 0; round < 3; round++) {
            for (int k = 0; k < elements.size(); k++) {
                int i = round == 1 ? elements.size() - 1 - k : rnd.nextInt(elements.size());
                String ci = Hints.classAndId(elements.get(i));
                // the two questions in either order, so a verdict judged for one is reused by the other
                if ((i + round) % 2 == 0) {
                    assertEquals(Hints.isNegative(ci), ids.isNegative(i), ci);
                    assertEquals(Hints.classWeight(ci), ids.classWeight(i), ci);
                } else {
                    assertEquals(Hints.classWeight(ci), ids.classWeight(i), ci);
                    assertEquals(Hints.isNegative(ci), ids.isNegative(i), ci);
                }
                negatives += ids.isNegative(i) ? 1 : 0;
                weighted += ids.classWeight(i) > 0 ? 1 : 0;
            }
        }
        assertTrue(negatives > 0 && weighted > 0, "the names hold both kinds");
    }

    private static final String PROSE = "The council met on Tuesday to discuss the budget, and after a long debate the "
            + "members agreed to fund the new library for another year.";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<a href='/news/other-story'>Council cuts the bus budget again</a>|true",
        "<a href='/news/other-story'>Bus budget cut</a>|false",
        "<a href='/news/other-story'><img src='/t.jpg'>Bus budget cut</a>|true",
        "<a href='https://elsewhere.example/news/x'>Council cuts the bus budget again</a>|false",
        "<a href='/news/this-story'>Council cuts the bus budget again</a>|false",
        "<a href='/'>Council cuts the bus budget again</a>|false"})
    void anInlineLinkToAnotherStoryOfTheSiteGoesWhenItReadsLikeAHeadline(String link, boolean goes) {
        Element content = body("<div><p>" + PROSE + "</p><p>" + link + "</p><p>" + PROSE + "</p></div>").child(0);
        ContentExtractor.clean(content, "Title", "https://www.example.org/news/this-story");
        assertEquals(goes, content.getElementsByTag("a").isEmpty(), content.html());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Council cuts the bus budget again|Mayor opens the new city library|true",
        "Council cuts the bus budget again|Library opens|false",
        "Council cuts the bus budget again|https://elsewhere.example/y|false"})
    void aListOfHeadlineLinksToTheSiteGoes(String first, String second, boolean goes) {
        String secondItem = second.startsWith("https:") ? "<a href='" + second + "'>Mayor opens the new city library</a>"
                : "<a href='/news/b'>" + second + "</a>";
        Element content = body("<div><p>" + PROSE + "</p><ul><li><a href='/news/a'>" + first + "</a></li><li>" + secondItem
                + "</li></ul><p>" + PROSE + "</p></div>").child(0);
        ContentExtractor.clean(content, "Title", "https://www.example.org/news/this-story");
        assertEquals(goes, content.getElementsByTag("ul").isEmpty(), content.html());
    }

    @Test
    void theFirstLetterOfTheTextIsReadFromTheTextNodes() {
        String[] pieces = {"Ab", "\u00C9t", "\u0130", "7", " ", "\n", "\u00A0", "\u00AD", "\u200B", "-", "\u00AB", "<b>", "</b>",
            "<p>", "<br>", "<span>", "</span>", "<!-- x -->", "&amp;", "\u4E2D"};
        Random rnd = new Random(11);
        for (int round = 0; round < 5_000; round++) {
            StringBuilder html = new StringBuilder("<div>");
            for (int k = 0, n = 1 + rnd.nextInt(8); k < n; k++) {
                html.append(pieces[rnd.nextInt(pieces.length)]);
            }
            Element el = body(html.append("</div>").toString()).child(0);
            String normalized = ContentExtractor.normalize(TextRenderer.collapse(el.text()).trim());
            char expected = normalized.isEmpty() ? 0 : normalized.charAt(0);
            assertEquals(expected, ArticleExtractor.firstLetterOrDigit(el), html.toString());
        }
    }

    @Test
    void aNormalizedStartIsTheStartOfTheWholeNormalizedText() {
        String alphabet = "aB7 .,-\u00C9\u00A0\u0130\u4E2D\n";
        Random rnd = new Random(5);
        for (int round = 0; round < 5_000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0, n = rnd.nextInt(200); k < n; k++) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String whole = ContentExtractor.normalize(sb.toString());
            int atLeast = rnd.nextInt(100);
            String start = ContentExtractor.normalize(sb.toString(), atLeast);
            assertTrue(whole.startsWith(start), sb.toString());
            assertTrue(start.length() >= Math.min(atLeast, whole.length()), sb + " " + atLeast);
        }
    }
}
