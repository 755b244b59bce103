package org.cryptosec.reader.ui.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReaderPageTest {

    private static final String PNG = "data:image/png;base64,iVBORw0KGgo=";

    @Test
    void documentCarriesTheContentSecurityPolicyThatForbidsAllLoadsButDataImages() {
        String html = ReaderPage.document("<p>Body</p>", "nl", List.of());
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "img-src data:; style-src 'unsafe-inline';"), html);
        assertTrue(html.indexOf("Content-Security-Policy") < html.indexOf("<p>Body</p>"), "policy comes before the body");
        assertTrue(html.contains("<main class=\"article\"><p>Body</p></main>"));
        assertTrue(html.contains("<html lang=\"nl\">"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en-US                 | <html lang=\"en-us\">",
        "\"><script>x</script> | <html>",
        "''                    | <html>",
    })
    void languageIsOnlyUsedWhenItIsALanguageTag(String lang, String expectedStart) {
        String html = ReaderPage.document("<p>x</p>", lang, List.of());
        assertTrue(html.contains(expectedStart + "<head>"), html);
        assertFalse(html.contains("<script>"));
    }

    @Test
    void wholeDocumentIsReducedToItsBody() {
        String stored = "<html><head><title>t</title><meta http-equiv=\"refresh\" content=\"0;url=http://x\"></head>"
                + "<body class=\"x\"><p>Only this</p></body></html>";
        String html = ReaderPage.document(stored, null, List.of());
        assertTrue(html.contains("<main class=\"article\"><p>Only this</p></main>"), html);
        assertFalse(html.contains("refresh"));
    }

    @Test
    void aboutTheAuthorIsEscapedTextWithTheStoredAvatar() {
        AuthorInfo timo = new AuthorInfo(7, "Timo <Bult>", "Schrijft over <b>hacks</b> & scams.\n\nTweede alinea.",
                null, PNG, 3);
        String html = ReaderPage.document("<p>x</p>", "nl", List.of(timo));
        assertTrue(html.contains("<h2>About the author</h2>"), html);
        assertTrue(html.contains("<h3>Timo &lt;Bult&gt;</h3>"), html);
        assertTrue(html.contains("<p>Schrijft over &lt;b&gt;hacks&lt;/b&gt; &amp; scams.</p><p>Tweede alinea.</p>"), html);
        assertTrue(html.contains("<img class=\"avatar\" alt=\"\" src=\"" + PNG + "\">"));
        assertTrue(html.contains("3 articles in your library"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://example.com/timo.jpg",
        "data:text/html;base64,PHNjcmlwdD4=",
        "data:image/png;base64,abc\" onerror=\"x",
    })
    void avatarThatIsNotAStoredImageBecomesInitials(String avatar) {
        AuthorInfo author = new AuthorInfo(1, "Timo Bult", "Bio.", null, avatar, 0);
        String html = ReaderPage.document("<p>x</p>", null, List.of(author));
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("<span class=\"avatar initials\">TB</span>"), html);
    }

    @Test
    void authorsWithoutBioGetNoBox() {
        String html = ReaderPage.document("<p>x</p>", null, List.of(new AuthorInfo(1, "Anon", " ", null, null, 2)));
        assertFalse(html.contains("about-authors"));
    }

    @Test
    void stylesheetIsAvailableAsADataUri() {
        assertTrue(ReaderPage.stylesheet().contains("max-width: 70ch"));
        assertTrue(ReaderPage.stylesheetDataUri().startsWith("data:text/css;charset=utf-8;base64,"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Timo Bult          | TB",
        "madonna            | M",
        "jan van der berg   | JB",
        "'  '               | ?",
        "Ádám Kovács        | ÁK",
    })
    void initialsOfAnAuthor(String name, String initials) {
        assertEquals(initials, new AuthorInfo(0, name, null, null, null, 0).initials());
    }
}
