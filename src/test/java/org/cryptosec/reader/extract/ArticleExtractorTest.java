package org.cryptosec.reader.extract;

import java.time.Instant;
import java.util.List;
import org.cryptosec.reader.model.Author;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleExtractorTest {

    private static final String BASE = "http://127.0.0.1:8123";
    private final ArticleExtractor extractor = new ArticleExtractor();

    @Nested
    class CryptoInsidersArticle {

        private final ExtractedArticle a = extractor.extract(Fixtures.resource("site/article.html"),
                BASE + "/noord-korea-hackt-opnieuw-exchanges-voor-ontwikkeling-kernwapens/");

        @Test
        void titleComesWithoutTheSiteNameSuffix() {
            assertEquals("Noord-Korea hackt opnieuw exchanges voor ontwikkeling kernwapens", a.title());
        }

        @Test
        void authorIsTimoBultWithBioAvatarAndPageFromTheAuthorBox() {
            assertEquals(1, a.authors().size(), a.authors().toString());
            Author timo = a.authors().get(0);
            assertEquals("Timo Bult", timo.name());
            assertNotNull(timo.bio());
            assertTrue(timo.bio().startsWith("Timo is hoofdredacteur"), timo.bio());
            assertTrue(timo.bio().endsWith("corruptie in ontwikkelingslanden kan tegengaan."), timo.bio());
            assertEquals(BASE + "/wp-content/uploads/timo.jpg", timo.avatarUrl());
            assertEquals(BASE + "/auteur/timo-bult/", timo.url());
            assertEquals(0, timo.id());
        }

        @Test
        void metadataIsReadFromJsonLdAndOpenGraph() {
            assertEquals(Instant.parse("2022-02-07T09:15:00Z"), a.published());
            assertEquals("nl", a.lang());
            assertEquals(2, a.readingMinutes());
            assertEquals(List.of("Noord-Korea", "Hacks", "Exchanges"), a.tags());
            assertEquals(BASE + "/wp-content/uploads/noord-korea.jpg", a.leadImageUrl());
            assertEquals("Crypto Insiders", a.siteName());
            assertEquals(BASE + "/noord-korea-hackt-opnieuw-exchanges-voor-ontwikkeling-kernwapens/", a.canonicalUrl());
        }

        @Test
        void bodyKeepsSubheadingsQuotesListAndThePhotoFigure() {
            Document body = Jsoup.parseBodyFragment(a.html());
            assertEquals(List.of("Noord-Korea en crypto", "Crypto exchange hacks"), body.select("h2").eachText());
            assertEquals(2, body.select("blockquote").size());
            assertTrue(body.select("blockquote").get(1).text().contains("$50 miljoen"));
            assertEquals(3, body.select("ul > li").size());
            assertEquals("Foto: Torsten Pursche / Shutterstock.com", body.select("figure figcaption").text());
            assertEquals(BASE + "/wp-content/uploads/noord-korea.jpg", body.select("figure img").attr("src"));
            assertTrue(a.text().startsWith("De afgelopen tijd is Noord-Korea"),
                    "a caption that is only a photo credit stays in the HTML, not in the text: " + a.text());
            assertTrue(a.text().contains("Vorig jaar publiceerde de VN ook al een soortgelijk rapport."));
            assertTrue(a.text().contains("\n\nNoord-Korea en crypto\n\n"), "paragraph breaks between blocks");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Hoe herken je een pump", "Net binnen", "Meest gelezen", "Advertentie", "cookies",
            "Deel dit artikel", "Over de auteur", "hoofdredacteur", "Ethereum onder druk", "nieuwsbrief",
            "Een cadeau van onze partners", "Kennisbank", "2 min. leestijd", "Alle rechten voorbehouden", "Zoeken"})
        void bodyDropsBoilerplate(String boilerplate) {
            assertFalse(a.text().contains(boilerplate), "body text contains '" + boilerplate + "':\n" + a.text());
            assertFalse(a.html().contains(boilerplate), "body html contains '" + boilerplate + "'");
        }

        @Test
        void bodyHasNoPixelsScriptsOrActiveContent() {
            String html = a.html().toLowerCase();
            for (String bad : List.of("pixel", "facebook.com/tr", "<script", "onclick", "onload", "javascript:", "<iframe",
                "<form", "<input", "data:image", "ads.example-adnetwork", "style=", "class=")) {
                assertFalse(html.contains(bad), "body contains " + bad + ": " + a.html());
            }
            Fixtures.assertSafe(a.html(), "article.html");
        }

        @Test
        void imageUrlsAreAbsoluteLeadImageFirstWithoutDuplicates() {
            assertEquals(List.of(BASE + "/wp-content/uploads/noord-korea.jpg"), a.imageUrls());
        }

        @Test
        void linksInTheBodyAreAbsoluteAndKept() {
            Document body = Jsoup.parseBodyFragment(a.html());
            assertEquals(List.of("https://www.reuters.com/world/asia-pacific/exclusive-un-report-north-korea-hackers-stole-crypto/",
                    BASE + "/bitvavo-review/", "https://blog.chainalysis.com/reports/north-korean-hackers-have-prolific-year/"),
                    body.select("a").eachAttr("href"));
        }
    }

    @Nested
    class ArticleWithoutBio {

        private final ExtractedArticle a = extractor.extract(Fixtures.resource("site/article-no-bio.html"),
                BASE + "/defi-protocol-leeggeroofd-flash-loan/");

        @Test
        void authorHasPageLinkButNoBio() {
            assertEquals(List.of(new Author(0, "Timo Bult", null, BASE + "/auteur/timo-bult/", null)), a.authors());
        }

        @Test
        void malformedJsonLdBlockIsIgnoredAndTheWellFormedOneIsUsed() {
            assertEquals("DeFi-protocol voor $80 miljoen leeggeroofd met flash loan", a.title());
            assertEquals(Instant.parse("2023-03-14T07:30:00Z"), a.published());
            assertEquals(List.of("DeFi", "Hacks", "Flash loan"), a.tags());
            assertEquals(BASE + "/wp-content/uploads/lendora-exploit.jpg", a.leadImageUrl());
        }

        @Test
        void readingTimeIsComputedFromTheWordsWhenThePageStatesNone() {
            int words = a.text().split("\\s+").length;
            assertTrue(words > 200 && words < 400, "words " + words);
            assertEquals(Math.max(1, Math.round(words / 220f)), a.readingMinutes());
        }

        @Test
        void bodyIsTheArticleOnly() {
            assertTrue(a.text().startsWith("Het uitleenprotocol Lendora Finance"), a.text());
            assertTrue(a.text().endsWith("meerdere orakels te gebruiken."), a.text());
            assertFalse(a.text().contains("Net binnen"));
            assertFalse(a.text().contains("Deel dit artikel"));
            assertEquals(2, Jsoup.parseBodyFragment(a.html()).select("h2").size());
            assertEquals("nl", a.lang());
        }
    }

    @Nested
    class EnglishArticle {

        private final ExtractedArticle a = extractor.extract(Fixtures.resource("extract/english-byline.html"),
                "https://chainledger.example/news/bridge-exploit");

        @Test
        void bylineAndAboutTheAuthorBoxGiveTheAuthor() {
            assertEquals(1, a.authors().size(), a.authors().toString());
            Author jane = a.authors().get(0);
            assertEquals("Jane Doe", jane.name());
            assertTrue(jane.bio().startsWith("Jane Doe covers crypto security"), jane.bio());
            assertEquals("https://chainledger.example/img/authors/jane-doe.png", jane.avatarUrl());
        }

        @Test
        void metadataWithoutJsonLd() {
            assertEquals("Bridge exploit drains $32 million in wrapped ether", a.title());
            assertEquals("en", a.lang(), "detected from the text: the page declares no language");
            assertEquals(Instant.parse("2024-05-03T14:00:00Z"), a.published());
            assertEquals("Chain Ledger News", a.siteName());
        }

        @Test
        void bodyKeepsCodeTableAndQuoteButDropsReadAlsoTeaserAndAuthorBox() {
            Document body = Jsoup.parseBodyFragment(a.html());
            assertEquals("0x3f5CE5FBFe3E9af3971dD833D26bA9b5C936f0bE", body.select("pre > code").text());
            assertEquals(3, body.select("table tr").size());
            assertEquals(1, body.select("blockquote").size());
            assertFalse(a.text().contains("Read also"), a.text());
            assertFalse(a.text().contains("About the author"), a.text());
            assertFalse(a.text().contains("Most read"), a.text());
            assertFalse(a.text().contains("By Jane Doe"), a.text());
        }
    }

    @Nested
    class AuthorPage {

        @Test
        void bioAndAvatarComeFromTheAuthorPage() {
            Author timo = extractor.extractAuthorPage(Fixtures.resource("site/author-timo-bult.html"),
                    BASE + "/auteur/timo-bult/", "Timo Bult").orElseThrow();
            assertEquals("Timo Bult", timo.name());
            assertTrue(timo.bio().startsWith("Timo is hoofdredacteur"), timo.bio());
            assertTrue(timo.bio().endsWith("kan tegengaan."), "the full bio of the box beats the shorter JSON-LD one");
            assertEquals(BASE + "/wp-content/uploads/timo.jpg", timo.avatarUrl());
            assertEquals(BASE + "/auteur/timo-bult/", timo.url());
        }

        @Test
        void metaDescriptionIsTheLastResort() {
            String html = "<html><head><meta name=description content='Jane writes about wallets, keys and the scams around them.'>"
                    + "</head><body><h1>Jane</h1><ul><li><a href=/a>Post</a></li></ul></body></html>";
            Author jane = extractor.extractAuthorPage(html, "https://x.example/author/jane", "Jane").orElseThrow();
            assertEquals("Jane writes about wallets, keys and the scams around them.", jane.bio());
            assertNull(jane.avatarUrl());
        }

        @Test
        void pageWithNothingAboutTheAuthorGivesEmpty() {
            assertTrue(extractor.extractAuthorPage("<html><body><p>Not found</p></body></html>",
                    "https://x.example/author/nobody", "Nobody").isEmpty());
            assertTrue(extractor.extractAuthorPage("", "https://x.example/", "Nobody").isEmpty());
        }
    }

    @Nested
    class Metadata {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
            <p class=byline>By Jane Doe</p>                                  | Jane Doe
            <div class=meta>Door Timo Bult</div>                              | Timo Bult
            <span class=autor>Von Max Mustermann</span>                       | Max Mustermann
            <p class=signature>Par Jeanne Martin</p>                          | Jeanne Martin
            <p class=firma>Por María García</p>                               | María García
            <p><span>By Joe Wee</span> Monday, February 8, 2016</p>           | Joe Wee
            <a rel=author href=/author/sam-lee>Sam Lee</a>                    | Sam Lee
            """)
        void bylinesInSeveralLanguages(String byline, String expected) {
            String html = "<html><body><article>" + byline + "<p>" + "Lorem ipsum dolor sit amet, consectetur. ".repeat(20)
                    + "</p></article></body></html>";
            ExtractedArticle a = extractor.extract(html, "https://example.com/post");
            assertEquals(List.of(expected), a.authors().stream().map(Author::name).toList());
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
            <span class=rt>2 min. leestijd</span>          | 2
            <span>5 min read</span>                        | 5
            <span>Leestijd: 7 minuten</span>               | 7
            <span>Lesezeit: 4 Min.</span>                  | 4
            <span>Reading time: 12 minutes</span>          | 12
            <aside><span>9 min read</span></aside>         | 1
            <p>6 min <span class=meta-item-separator-value>read</span></p>        | 6
            <p>Temps de lecture <i class=label-value-wrapper-of-the-theme>3 min</i></p>   | 3
            """)
        void statedReadingTimeWinsOutsideSidebars(String snippet, int minutes) {
            String html = "<html><body>" + snippet + "<article><p>" + "Een korte zin, met woorden. ".repeat(10)
                    + "</p></article></body></html>";
            assertEquals(minutes, extractor.extract(html, "https://example.com/p").readingMinutes());
        }

        @Test
        void readingTimeIsComputedAtAbout220WordsPerMinute() {
            String html = "<html><body><article>" + ("<p>" + "word ".repeat(110) + "</p>").repeat(10) + "</article></body></html>";
            assertEquals(5, extractor.extract(html, "https://example.com/p").readingMinutes());
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = ';', textBlock = """
            Hack drains wallet - Chain News    ; Chain News ; Hack drains wallet
            Hack drains wallet | Chain News    ; Chain News ; Hack drains wallet
            Chain News | Hack drains wallet    ; Chain News ; Hack drains wallet
            Hack drains wallet — CHAIN NEWS    ; Chain News ; Hack drains wallet
            Why A - B matters                  ; Chain News ; Why A - B matters
            Hack drains wallet                 ; Chain News ; Hack drains wallet
            """)
        void titleLosesSiteNameAffixes(String raw, String site, String expected) {
            assertEquals(expected, ArticleExtractor.cleanTitle(raw, site, null));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
            <html lang="de-DE">                                              | de
            <html><head><meta property="og:locale" content="fr_FR"></head>   | fr
            <html lang="en"><head></head>                                    | nl
            """)
        void languageFromMarkupUnlessTheTextClearlySaysOtherwise(String head, String lang) {
            String dutch = "<p>" + "Het is een lange tekst van de redactie over de hack, en dat is niet voor het eerst. ".repeat(25) + "</p>";
            String html = head.contains("de-DE") || head.contains("fr_FR") ? head + "<body><p>x</p>" : head + "<body>" + dutch;
            assertEquals(lang, extractor.extract(html + "</body></html>", "https://example.com/p").lang());
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
            en | The attackers stole the funds from the bridge and moved them through a mixer, which made it hard for investigators to follow the money.
            nl | De aanvallers hebben het geld van de brug gestolen en het via een mixer verplaatst, waardoor het voor onderzoekers lastig is om het spoor te volgen.
            de | Die Angreifer haben das Geld von der Brücke gestohlen und es über einen Mixer verschoben, was es für die Ermittler schwer macht, der Spur zu folgen.
            fr | Les attaquants ont volé les fonds du pont et les ont déplacés par un mixeur, ce qui rend la piste difficile à suivre pour les enquêteurs.
            es | Los atacantes robaron los fondos del puente y los movieron a través de un mezclador, lo que hace que sea difícil para los investigadores seguir el rastro.
            """)
        void languageIsDetectedFromStopwords(String lang, String text) {
            assertEquals(lang, LanguageDetector.detect(text).orElse("?"));
        }

        @Test
        void tooLittleTextHasNoDetectedLanguage() {
            assertTrue(LanguageDetector.detect("Bitcoin 42").isEmpty());
        }

        @Test
        void jsonLdArraysGraphsAndReferencesAreFollowed() {
            String html = """
                <html><head><script type="application/ld+json">[{"@type":"WebSite","name":"Sec Daily"},
                {"@context":"https://schema.org","@graph":[{"@type":["BlogPosting"],"headline":"Wallet drainer kit sold",
                "author":[{"@id":"#p1"},{"@type":"Person","name":"Bo Chen","sameAs":["https://x.example/bo"]}],
                "datePublished":"2024-01-02","keywords":"phishing, drainers","image":{"@type":"ImageObject","url":"/img/d.png"}},
                {"@type":"Person","@id":"#p1","name":"Ana Ruiz","description":"Ana covers scams.","image":"/img/ana.png","url":"/people/ana"}]}]
                </script></head><body><article><p>Some text here, long enough to be an article paragraph.</p></article></body></html>""";
            ExtractedArticle a = extractor.extract(html, "https://sec.example/2024/drainers");
            assertEquals("Wallet drainer kit sold", a.title());
            assertEquals(List.of(new Author(0, "Ana Ruiz", "Ana covers scams.", "https://sec.example/people/ana", "https://sec.example/img/ana.png"),
                    new Author(0, "Bo Chen", null, null, null)), a.authors());
            assertEquals(Instant.parse("2024-01-02T00:00:00Z"), a.published());
            assertEquals(List.of("phishing", "drainers"), a.tags());
            assertEquals("https://sec.example/img/d.png", a.leadImageUrl());
            assertEquals("Sec Daily", a.siteName());
        }
    }

    @Nested
    class Body {

        @Test
        void lazyImagesResolveToTheirRealAbsoluteSource() {
            String html = """
                <html><body><article>
                <p>First paragraph of the article, with enough words and commas, to be content.</p>
                <img src="data:image/gif;base64,R0lGOD" data-lazy-src="/img/a.jpg" alt="a">
                <img src="/img/placeholder.png" srcset="/img/b-300.jpg 300w, /img/b-1200.jpg 1200w, /img/b-600.jpg 600w" alt="b">
                <img data-src="https://cdn.example/c.jpg" alt="c">
                <figure><img class="lazy"><noscript><img src="/img/d.jpg" alt="d"></noscript></figure>
                <p>Second paragraph of the article, with enough words and commas, to be content.</p>
                <img src="https://pixel.tracker.example/p.gif" width="1" height="1">
                </article></body></html>""";
            ExtractedArticle a = extractor.extract(html, "https://news.example/x/post");
            assertEquals(List.of("https://news.example/img/a.jpg", "https://news.example/img/b-1200.jpg",
                    "https://cdn.example/c.jpg", "https://news.example/img/d.jpg"), a.imageUrls());
            assertFalse(a.html().contains("srcset"));
        }

        @Test
        void baseElementIsHonouredForRelativeUrls() {
            String html = "<html><head><base href='https://cdn.example/base/'></head><body><article><p>"
                    + "Long enough paragraph, with commas, and words, to count as content. <a href='rel/page'>link</a></p>"
                    + "<img src='i.png'></article></body></html>";
            ExtractedArticle a = extractor.extract(html, "https://news.example/a");
            assertTrue(a.html().contains("href=\"https://cdn.example/base/rel/page\""), a.html());
            assertEquals(List.of("https://cdn.example/base/i.png"), a.imageUrls());
        }

        @Test
        void articleBodyFromJsonLdRescuesAPageWhoseMarkupHidesTheText() {
            String body = "Paragraph one of the real story. ".repeat(12) + "\n\n" + "Paragraph two follows here. ".repeat(12);
            String html = "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Real story\","
                    + "\"articleBody\":\"" + body.replace("\n", "\\n") + "\"}</script></head><body><div id=app>Loading</div>"
                    + "</body></html>";
            ExtractedArticle a = extractor.extract(html, "https://spa.example/story");
            assertTrue(a.text().startsWith("Paragraph one of the real story."), a.text());
            assertEquals(2, Jsoup.parseBodyFragment(a.html()).select("p").size());
        }
    }

    @Nested
    class HostileInput {

        @ParameterizedTest(name = "[{index}]")
        @ValueSource(strings = {"", " ", "<", "<html", "\u0000\u0000", "<script>alert(1)</script>",
            "<html><head><script type=application/ld+json>{{{{[[[[</script></head><body><p>x</p></body></html>",
            "<html><head><script type=application/ld+json>{\"@type\":\"NewsArticle\",\"author\":{\"@id\":\"#a\"},\"headline\":null}</script></head></html>",
            "<meta property=og:image content='javascript:alert(1)'><meta property=article:published_time content='yesterday'><p>t</p>",
            "<html lang='x-klingon-of-doom'><body><time datetime='99999-99-99'>t</time></body></html>"})
        void garbageGivesAnEmptyButValidArticle(String html) {
            ExtractedArticle a = extractor.extract(html, "https://example.com/p");
            assertNotNull(a.title());
            assertNotNull(a.html());
            assertNotNull(a.text());
            assertTrue(a.readingMinutes() >= 1);
            assertTrue(a.leadImageUrl() == null || a.leadImageUrl().startsWith("http"));
            Fixtures.assertSafe(a.html(), html);
        }

        @Test
        void deeplyNestedMarkupDoesNotOverflowTheStack() {
            String html = "<div>".repeat(20_000) + "<p>deep, deep text, with commas, and more words here</p>" + "</div>".repeat(20_000);
            ExtractedArticle a = extractor.extract(html, "https://example.com/deep");
            assertNotNull(a.text());
        }

        @Test
        void nullHtmlIsRejectedWithAClearMessage() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> extractor.extract(null, "https://e.com/p"));
            assertTrue(e.getMessage().contains("https://e.com/p"));
        }

        @Test
        void oversizedPageIsRefusedWithItsSize() {
            String huge = "a".repeat(ArticleExtractor.MAX_PAGE_CHARS + 1);
            ExtractionException e = assertThrows(ExtractionException.class, () -> extractor.extract(huge, "https://e.com/big"));
            assertTrue(e.getMessage().contains("too large") && e.getMessage().contains("https://e.com/big"), e.getMessage());
        }

        @Test
        void missingOrRelativePageUrlStillWorksButDropsRelativeLinks() {
            ExtractedArticle a = extractor.extract("<article><p>Text, with <a href='/rel'>a relative link</a> and more words, "
                    + "to make it a paragraph.</p><img src='/i.png'></article>", null);
            assertFalse(a.html().contains("href"));
            assertTrue(a.imageUrls().isEmpty());
            assertNull(a.canonicalUrl());
        }
    }
}
