package org.cryptosec.reader.extract;

import static org.cryptosec.reader.extract.TestPages.PROSE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bylines that are not the author's: a translator's credit, a picture's licence credit; and a name inside its label. */
class TranslatorAndPictureCreditTest {

    private final ArticleExtractor extractor = new ArticleExtractor();

    private List<String> authors(String body) {
        return TestPages.authors(extractor, TestPages.page("<title>Bridge drained</title>", body));
    }

    @ParameterizedTest(name = "\"{0}\" looks like a name: {1}")
    @CsvSource(delimiter = '|', value = {
        "Übersetzung Jane Doe|false",
        "Übersetzt von Jane Doe|false",
        "Translated by Jane Doe|false",
        "Translation: Jane Doe|false",
        "Traduction Jane Doe|false",
        "Vertaling Jane Doe|false",
        "Traducido por Jane Doe|false",
        "Jane Doe|true",
        "Translationes Doe|true"})
    void aTranslatorsCreditIsNoName(String text, boolean expected) {
        assertEquals(expected, Bylines.looksLikeName(text));
    }

    @Test
    void theTranslatorIsNotTakenForTheAuthor() {
        String body = "<article><h1>Bridge drained</h1><div class='meta'><p>Author <span>Kai Moreno</span></p>"
                + "<p class='post-author'>Translation <a href='/author/jdoe/'>Jane Doe</a>, 12.12.22</p></div>" + PROSE + "</article>";
        assertEquals(List.of("Kai Moreno"), authors(body));
    }

    @Test
    void theNameInsideTheLabelsElementIsRead() {
        String body = "<article><h1>Bridge drained</h1><div><p>Autor <span>Kai Moreno:</span></p><div>EN</div></div>" + PROSE
                + "</article>";
        assertEquals(List.of("Kai Moreno"), authors(body));
    }

    @Test
    void aNameReadFromItsLinkInsideTheLabelKeepsTheLinkAsTheAuthorsPage() {
        String body = "<article><h1>Bridge drained</h1><div><p>Par <span><a href='/auteur/kai-moreno'>Kai Moreno</a></span></p>"
                + "</div>" + PROSE + "</article>";
        ExtractedArticle a = extractor.extract(TestPages.page("<title>Bridge drained</title>", body), "https://news.example/a/1");
        assertEquals(List.of("Kai Moreno"), a.authors().stream().map(x -> x.name()).toList());
        assertEquals("https://news.example/auteur/kai-moreno", a.authors().get(0).url());
    }

    @Test
    void aLinkThatDoesNotNameTheAuthorIsNotTheirPage() {
        String body = "<article><h1>Bridge drained</h1><div><p>Par <span>Kai Moreno <a href='/about'>(about us)</a></span></p>"
                + "</div>" + PROSE + "</article>";
        ExtractedArticle a = extractor.extract(TestPages.page("<title>Bridge drained</title>", body), "https://news.example/a/1");
        assertEquals(List.of("Kai Moreno"), a.authors().stream().map(x -> x.name()).toList());
        assertEquals(null, a.authors().get(0).url());
    }

    @Test
    void aPicturesLicenceCreditIsNoByline() {
        String body = "<article><figure><img src='/a.jpg'><div class='license-info'><span class='license-type'>"
                + "<a href='https://example.org/rights'>All rights reserved</a></span>"
                + "<span class='author-name'>Kai Moreno</span></div></figure><h1>Bridge drained</h1>" + PROSE + "</article>";
        assertEquals(List.of(), authors(body));
    }

    @Test
    void aPictureUnderACreativeCommonsLicenceCreditsItsPhotographerNotTheArticle() {
        String body = "<article><div><img src='/a.jpg'><div><span><a href='https://creativecommons.org/licenses/by/2.0/'>CC BY</a>"
                + "</span><span class='author-name'><a href='https://example.org/photos/1'>Kai Moreno</a></span></div></div>"
                + "<h1>Bridge drained</h1>" + PROSE + "</article>";
        assertEquals(List.of(), authors(body));
    }

    @Test
    void anAuthorNameNextToNoLicenceIsStillTheByline() {
        String body = "<article><h1>Bridge drained</h1><div class='meta'><span class='author-name'>Kai Moreno</span></div>" + PROSE
                + "</article>";
        assertEquals(List.of("Kai Moreno"), authors(body));
    }

    @Test
    void aLicenceClassOnTheWholePostDoesNotHideItsByline() {
        // A site that marks each post as licensed ("entry licensed-cc-by") wraps the byline, the article and all.
        String body = "<div class='entry licensed-cc-by'><h1>Bridge drained</h1>"
                + "<div class='meta'><span class='author-name'>Kai Moreno</span></div>"
                + "<div class='entry-content'>" + PROSE + "</div></div>";
        assertEquals(List.of("Kai Moreno"), authors(body));
    }

    @Test
    void aLicenceClassOnASmallCreditStillMarksAPictureCredit() {
        String body = "<article><h1>Bridge drained</h1>" + PROSE + "<div><img src='/b.jpg'><p class='image-license'>"
                + "Photo: <span class='author-name'>Kai Moreno</span>, CC BY-SA 4.0</p></div></article>";
        assertEquals(List.of(), authors(body));
    }
}
