package org.cryptosec.reader.extract;

import static org.cryptosec.reader.extract.TestPages.PROSE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An italic note on the author closing an article that credits nobody above it. */
class AuthorNoteTest {

    private final ArticleExtractor extractor = new ArticleExtractor();

    private List<String> authors(String body) {
        return TestPages.authors(extractor, TestPages.page("<title>Bridge drained</title>", body));
    }

    @ParameterizedTest(name = "\"{0}\" introduces {1}")
    @CsvSource(delimiter = '|', value = {
        "Jane Doe is a professor of cryptography at Lisbon University.|Jane Doe",
        "Jan de Modaal ist Architekt und Stadtplaner. Seit 2021 ist er im Vorstand.|Jan de Modaal",
        "Ana Pérez es politóloga. Luis Gómez es abogado y analista.|Ana Pérez;Luis Gómez",
        "Jane Q. Doe was a security researcher for ten years.|Jane Q. Doe",
        "Die Autorin ist Beraterin für Sicherheit.|",
        "This article was first published on our blog.|",
        "Bitcoin is a currency of its own.|",
        "The exchange said Jane Doe is a professor.|"})
    void bioSentences(String note, String expected) {
        assertEquals(expected == null ? List.of() : List.of(expected.split(";")), Bylines.bioSubjects(note));
    }

    @Test
    void anItalicParagraphIntroducingThePersonNamesTheAuthor() {
        assertEquals(List.of("Jane Doe"), authors("<article><h1>Bridge drained</h1>" + PROSE
                + "<p><em>Jane Doe is a professor of cryptography at Lisbon University.</em></p></article>"));
    }

    @Test
    void aNoteAfterALineBreakAndBoldItalicsCountToo() {
        assertEquals(List.of("Jane Doe"), authors("<article><h1>Bridge drained</h1>" + PROSE
                + "<p>Last words of the article.<br><br><i>Jane Doe ist Analystin bei einer Bank in Lissabon.</i></p></article>"));
        assertEquals(List.of("Ana Pérez", "Luis Gómez"), authors("<article><h1>Bridge drained</h1>" + PROSE
                + "<p><b><i>Ana Pérez es politóloga en Lisboa. Luis Gómez es abogado y analista.</i></b></p></article>"));
    }

    @Test
    void italicsInsideASentenceAreNotANote() {
        assertEquals(List.of(), authors("<article><h1>Bridge drained</h1>" + PROSE
                + "<p>As the filing put it, <em>Jane Doe is a professor of cryptography at Lisbon University</em>, not a trader.</p>"
                + "</article>"));
    }

    @Test
    void aBylineBeatsTheNote() {
        assertEquals(List.of("John Roe"), authors("<article><h1>Bridge drained</h1><p class='byline'>By John Roe</p>" + PROSE
                + "<p><em>Jane Doe is a professor of cryptography at Lisbon University.</em></p></article>"));
    }
}
