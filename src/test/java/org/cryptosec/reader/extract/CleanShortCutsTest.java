package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /** Lines of each form the credit, share and filed-under patterns know, every first letter among them. */
    private static final String[] LINES = {
        "Foto: Jane Doe", "fotos: ANP", "BILD: dpa", "Photo: Reuters", "photos : x", "Image: NASA", "Credit: AP",
        "credits: Getty", "Crédito: EFE", "créditos: x", "crédit: AFP", "Beeld: ANP", "©: Jane", "(c): Jane",
        "(Foto: Jane Doe)", "[Bild: dpa]", "Getty Images", "getty  images", "iStock", "iStockphoto.com", "iStockphoto", "(istockphoto).", "Shutterstock.",
        "Imago Images", "(Unsplash)", "[imago]", "AFP / Jane Doe", "dpa/Jens Kalaene", "AP / John Roe", "Reuters/ x y",
        "EPA / Jane", "ANP / Piroschka van de Wouw", "Deel dit artikel", "deel dit bericht:", "Delen", "deel", "Share",
        "Share this story", "share this post:", "Share on", "Teilen", "Artikel teilen", "Partager", "partagez",
        "Compartir", "compartilhe", "Condividi", "Category: News", "Categories: a, b", "Kategorien: x", "Rubrik: y",
        "Catégorie : z", "Categorías: x", "categorias: y", "Categorieën: z", "Tags: a", "tag: b", "Schlagwörter: x",
        "Stichwoerter: y", "Trefwoorden: z", "étiquettes: x", "etiquetas: y", "Filed under: x", "Posted in: y",
        "Abgelegt unter: z", "Lees ook: x", "lees meer", "Bekijk ook", "Ook interessant", "Meer lezen", "Read also",
        "Also read:", "Read more", "Related", "See also", "Recommended", "Lesen Sie auch", "Auch interessant",
        "Mehr zum Thema", "Lire aussi", "à lire aussi", "A lire aussi", "Leer también", "Lee también", "Leia também",
        "Leggi anche"};

    /** Characters that lower-case or fold to a pattern's letters only outside ASCII, and some that do not at all. */
    private static final String[] PIECES = {"foto", "fotos", "bild", "photo", "image", "credit", "crédito", "beeld", "getty",
        "images", "istock", "photo", ".com", "shutterstock", "imago", "unsplash", "afp", "dpa", "ap", "reuters", "epa",
        "anp", "deel", "dit", "artikel", "bericht", "delen", "share", "this", "story", "post", "on", "teilen", "partager",
        "compartir", "condividi", "category", "tags", "rubrik", "filed under", "posted in", ":", " : ", "/", " / ", "(",
        ")", "[", "]", "©", "(c)", ".", " ", "  ", "\t", "\u00A0", "x", "Jane Doe", "\u017F", "\u212A", "\u0130", "\u0131",
        "É", "é", "Ö", "7", "\n", "-", "Ⓓ", "ｄ", "\r", "\r\n", "\u2028", "\u0085", ").", "].", "STOCK", "Photo", ".COM", "lees", "ook", "meer", "bekijk", "read", "also", "more", "related", "see", "recommended",
        "lesen sie", "auch", "mehr zum thema", "lire", "aussi", "à", "À", "leer", "lee", "también", "leia", "leggi", "anche"};

    @Test
    void theQuickTestsBeforeTheLinePatternsRuleOutOnlyLinesTheyCannotMatch() {
        for (String line : LINES) {
            assertEquals(ContentExtractor.CREDIT_LINE.matcher(line).matches(), ContentExtractor.isCreditLine(line), line);
            assertEquals(ContentExtractor.SHARE_LABEL.matcher(line).matches(), ContentExtractor.isShareLabel(line), line);
            assertEquals(ContentExtractor.FILED_UNDER.matcher(line).matches(), ContentExtractor.isFiledUnder(line), line);
            assertEquals(ContentExtractor.READ_ALSO.matcher(line).matches(), ContentExtractor.isReadAlso(line), line);
        }
        Random random = new Random(14);
        int credits = 0;
        int shares = 0;
        int filed = 0;
        int readAlsos = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 1 + random.nextInt(5); k > 0; k--) {
                String piece = PIECES[random.nextInt(PIECES.length)];
                sb.append(random.nextBoolean() ? piece.toUpperCase(java.util.Locale.ROOT) : piece);
            }
            String text = sb.toString().trim();
            boolean credit = ContentExtractor.CREDIT_LINE.matcher(text).matches();
            boolean share = ContentExtractor.SHARE_LABEL.matcher(text).matches();
            boolean filedUnder = ContentExtractor.FILED_UNDER.matcher(text).matches();
            boolean readAlso = ContentExtractor.READ_ALSO.matcher(text).matches();
            assertEquals(readAlso, ContentExtractor.isReadAlso(text), text);
            readAlsos += readAlso ? 1 : 0;
            assertEquals(credit, ContentExtractor.isCreditLine(text), text);
            assertEquals(share, ContentExtractor.isShareLabel(text), text);
            assertEquals(filedUnder, ContentExtractor.isFiledUnder(text), text);
            credits += credit ? 1 : 0;
            shares += share ? 1 : 0;
            filed += filedUnder ? 1 : 0;
        }
        assertTrue(credits >= 500 && shares >= 500 && filed >= 100 && readAlsos >= 500,
                credits + " credits, " + shares + " shares, " + filed + " filed, " + readAlsos + " read-also lines");
    }

    @Test
    void everyFormOfTheLinesIsFoundWithTheQuickTests() {
        int found = 0;
        for (String line : LINES) {
            found += ContentExtractor.isCreditLine(line) || ContentExtractor.isShareLabel(line)
                    || ContentExtractor.isFiledUnder(line) || ContentExtractor.isReadAlso(line) ? 1 : 0;
        }
        assertEquals(LINES.length, found, "a line of the known forms was ruled out");
    }

    @Test
    void nestedTeasersOfOneLinkAndOfOthersAreJudgedEachByItsOwnLink() {
        // the same internal link asked of twice in a row (div, then its paragraph), then an external one: the link
        // resolved last is only reused for the same link
        String teaser = "<div class='x'><p><a href='/2024/05/other-story'>Four words of headline here</a></p></div>";
        String external = "<div class='y'><p><a href='https://elsewhere.example/a/b'>Four words of headline there</a></p></div>";
        String own = "<div class='z'><p><a href='/2024/05/story'>Four words pointing back home</a></p></div>";
        String prose = "<p>" + "A long paragraph of the article itself, with enough words to count as prose. ".repeat(8) + "</p>";
        Document doc = Jsoup.parse("<html><body><article>" + prose + teaser + prose + external + own + teaser.replace("'x'", "'w'")
                + "</article></body></html>", BASE);
        Element article = doc.selectFirst("article");
        ContentExtractor.clean(article, "Title", BASE, null);
        assertEquals(null, doc.selectFirst("div.x"), "the internal teaser goes");
        assertEquals(null, doc.selectFirst("div.w"), "so does the second one");
        // whole, paragraph and link (the paragraph asks of the same link right after its div)
        assertTrue(doc.selectFirst("div.y > p > a") != null, "the external link stays: " + article.html());
        assertTrue(doc.selectFirst("div.z > p > a") != null, "the link to the page itself stays: " + article.html());
    }
}
