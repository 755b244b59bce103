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

/**
 * Cleaning's short cuts never pass over what the long way removes: an element whose text is not read because
 * {@link ContentExtractor#mayBeAdLabel} says it cannot be an ad label is one whose text is none.
 */
class CleanShortCutsTest {

    private static final String BASE = "https://news.example/2024/05/story";

    /** Asserts that no label on the page is passed over; returns how many elements are labels. */
    private static int assertNoLabelPassedOver(Document doc) {
        int labels = 0;
        for (Element el : doc.body().getAllElements()) {
            if (ContentExtractor.isAdLabel(el.text().trim())) {
                assertTrue(ContentExtractor.mayBeAdLabel(el), "passed over the label of " + el.outerHtml());
                labels++;
            }
        }
        return labels;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<div><span>Advertisement</span></div><p>ANZEIGE</p><b> - Ad - </b><i>(ads)</i>",
        "<a href='/x'>Read <em>more</em> »</a><small>« Back </small><span>Zurück zur Übersicht</span>",
        "<div>À lire <b>aussi</b> :</div><span>PUBLICITÉ</span><span>Pubblicità</span><p>\u00A0Werbung\u200B</p>",
        "<span>\u0130ndietro</span><span>Sponsored\u00ADcontent</span><span>Czytaj więcej…</span><li>Na górę ↑</li>",
        "<div><p>Lees</p><p>ook</p></div><span>Retour à la liste</span><h3>Meer over dit onderwerp</h3>"})
    void everyLabelOfTheMadeUpPagesMayBeOne(String body) {
        Document doc = Jsoup.parse("<html><body>" + body + "</body></html>", BASE);
        assertNoLabelPassedOver(doc);
        assertTrue(ContentExtractor.mayBeAdLabel(doc.selectFirst("span")), "the first label");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<span>Advertisements galore</span>", "<span>Bad</span>", "<span>Print this page now</span>",
        "<span>1234</span>", "<span> — </span>"})
    void textsNoLabelCanBeArePassedOver(String body) {
        Document doc = Jsoup.parse("<html><body>" + body + "</body></html>", BASE);
        assertFalse(ContentExtractor.mayBeAdLabel(doc.selectFirst("span")), body);
    }

    @Test
    void theLeadCheckFindsAKeyInTheNormalizedTextExactlyWhenTheLongWayDoes() {
        String[] words = {"The", "lead", "LEAD", "of", "a", "story", "İstanbul", "Straße", "\u212Aelvin", "kelvin", "ÉTÉ", "été",
            "x", "7", "«", "—", ",", "\u00A0", "\u200B", "\u00AD", "\uD801\uDC00", "Leads", "mislead", "of\u00ADa"};
        Random random = new Random(4);
        int found = 0;
        for (int page = 0; page < 3000; page++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0, n = 1 + random.nextInt(40); i < n; i++) {
                text.append(words[random.nextInt(words.length)]).append(random.nextInt(4) == 0 ? "" : " ");
            }
            StringBuilder source = new StringBuilder();
            for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
                source.append(words[random.nextInt(words.length)]).append(' ');
            }
            // a key as the lead check makes it: the start of a normalized text, taken from this text or another
            String from = random.nextBoolean() ? text.substring(random.nextInt(text.length())) : source.toString();
            String key = ContentExtractor.normalize(from, 60);
            boolean expected = ContentExtractor.normalize(text.toString()).contains(key);
            assertTrue(expected == ContentExtractor.normalizedContains(text.toString(), key), text + " / " + key);
            found += expected ? 1 : 0;
        }
        assertTrue(found >= 500 && found <= 2500, "keys found: " + found);
    }

    @Test
    void theLeadCheckOfAnElementFindsAKeyInItsNormalizedTextExactlyWhenTheLongWayDoes() {
        String[] pieces = {"The", "le", "ad", "LEAD", "of", "a", "story", "İstanbul", "Straße", "\u212Aelvin", "kel", "vin",
            "x", "7", "«", "—", ",", "\u00A0", "\u200B", "\u00AD", "\uFEFF", "\n", " ", "<b>", "</b>", "<p>", "</p>",
            "<div>", "</div>", "<br>", "<span>", "</span>", "<pre> a  b</pre>", "<![CDATA[le ad]]>", "<script>lead of</script>"};
        Random random = new Random(12);
        int found = 0;
        for (int page = 0; page < 3000; page++) {
            StringBuilder html = new StringBuilder("<html><body><div id='c'>");
            for (int i = 0, n = 1 + random.nextInt(40); i < n; i++) {
                html.append(pieces[random.nextInt(pieces.length)]).append(random.nextInt(3) == 0 ? " " : "");
            }
            Element content = Jsoup.parse(html.append("</div></body></html>").toString(), BASE).getElementById("c");
            String text = content.text();
            String from = random.nextBoolean() || text.isEmpty() ? "the lead of a story " + random.nextInt(3)
                    : text.substring(random.nextInt(text.length()));
            String key = ContentExtractor.normalize(from, 60);
            boolean expected = ContentExtractor.normalize(text).contains(key);
            assertTrue(expected == ContentExtractor.normalizedContains(content, key), content.html() + " / " + key);
            found += expected ? 1 : 0;
        }
        assertTrue(found >= 500 && found <= 2500, "keys found: " + found);
    }

    @Test
    void noLabelOfRandomPagesIsPassedOver() {
        String[] words = {"ad", "Ads", "ADVERTISEMENT", "read", "more", "Mehr", "lesen", "zurück", "Übersicht", "à",
            "lire", "aussi", "İ", "ß", "x", "7", "«", "»", ":", "-", "\u00A0", "\u200B", "\u00AD", "publicité", "Back",
            "to", "top", "sponsored", "content", "Ⓐ", "\uD801\uDC00", "K", "\u212A", "ÀDS"};
        String[] tags = {"span", "div", "p", "b", "a", "li", "small", "em"};
        Random random = new Random(8);
        int labels = 0;
        for (int page = 0; page < 400; page++) {
            StringBuilder html = new StringBuilder("<html><body>");
            int open = 0;
            for (int i = 0, n = 5 + random.nextInt(30); i < n; i++) {
                int pick = random.nextInt(6);
                if (pick == 0) {
                    html.append('<').append(tags[random.nextInt(tags.length)]).append('>');
                    open++;
                } else if (pick == 1 && open > 0) {
                    html.append("</").append(tags[random.nextInt(tags.length)]).append('>');
                    open--;
                } else {
                    html.append(words[random.nextInt(words.length)]).append(random.nextBoolean() ? " " : "");
                }
            }
            labels += assertNoLabelPassedOver(Jsoup.parse(html.append("</body></html>").toString(), BASE));
        }
        assertTrue(labels >= 50, "labels met: " + labels);
    }
}
