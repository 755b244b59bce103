package org.cryptosec.reader.store;

import static org.cryptosec.reader.store.Fixtures.T0;
import static org.cryptosec.reader.store.Fixtures.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.cryptosec.reader.model.Author;
import org.cryptosec.reader.model.AuthorCount;
import org.cryptosec.reader.model.Feed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorRepositoryTest {

    @TempDir
    Path dir;
    Database db;
    AuthorRepository authors;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("library.db"));
        authors = new AuthorRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aNewAuthorIsStoredWithAnIdAndEveryField() {
        Author stored = authors.upsert(new Author(0, " Jan Jansen ", "Bio.", "https://x/jan", "https://x/jan.png"));
        assertTrue(stored.id() > 0);
        assertEquals(new Author(stored.id(), "Jan Jansen", "Bio.", "https://x/jan", "https://x/jan.png"), stored);
        assertEquals(stored, authors.get(stored.id()).orElseThrow());
    }

    @ParameterizedTest(name = "\"{0}\" matches \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "Jan Jansen|jan jansen",
        "Jan Jansen|  JAN   JANSEN ",
        "Jan Jansen|Jan\u00A0Jansen",
        "Jan Jansen|Jan\tJansen",
        "Zoë de Vries|ZOË DE VRIES",
        "Zoë de Vries|Zoe\u0308 de Vries",
    })
    void namesMatchIgnoringCaseSpacingAndUnicodeForm(String first, String second) {
        Author a = authors.upsert(Author.named(first));
        Author b = authors.upsert(Author.named(second));
        assertEquals(a.id(), b.id());
        assertEquals(first, b.name(), "the first spelling stays");
        assertEquals(a.id(), authors.findByName(second).orElseThrow().id());
    }

    @Test
    void differentNamesAreDifferentPeople() {
        assertNotEquals(authors.upsert(Author.named("Jan Jansen")).id(), authors.upsert(Author.named("Jan Janssen")).id());
    }

    @Test
    void aUrlMatchWinsOverADifferentlySpelledName() {
        Author a = authors.upsert(new Author(0, "J. Jansen", null, "https://x/author/jan", null));
        Author b = authors.upsert(new Author(0, "Jan Jansen", "Longer bio here.", "https://x/author/jan", null));
        assertEquals(a.id(), b.id());
        assertEquals("J. Jansen", b.name());
        assertEquals("Longer bio here.", b.bio());
    }

    @Test
    void aUrlFillsInTheAuthorKnownOnlyByName() {
        Author byName = authors.upsert(Author.named("Jan Jansen"));
        Author withUrl = authors.upsert(new Author(0, "Jan Jansen", null, "https://x/jan", "https://x/jan.png"));
        assertEquals(byName.id(), withUrl.id());
        assertEquals(new Author(byName.id(), "Jan Jansen", null, "https://x/jan", "https://x/jan.png"),
                authors.get(byName.id()).orElseThrow());
    }

    @Test
    void twoPeopleWithOneNameButDifferentUrlsStayApart() {
        Author a = authors.upsert(new Author(0, "Alex Kim", null, "https://one.example/alex", null));
        Author b = authors.upsert(new Author(0, "Alex Kim", null, "https://two.example/alex", null));
        assertNotEquals(a.id(), b.id());
        assertEquals(a.id(), authors.upsert(Author.named("alex kim")).id(), "a bare name goes to the oldest");
    }

    @Test
    void aLongerBioReplacesAShorterOneButNotTheOtherWayRound() {
        Author a = authors.upsert(new Author(0, "Eva", "Short.", null, null));
        assertEquals("A much longer biography.", authors.upsert(new Author(0, "Eva", "A much longer biography.", null, null)).bio());
        assertEquals("A much longer biography.", authors.upsert(new Author(0, "Eva", "Tiny.", null, null)).bio());
        assertEquals("A much longer biography.", authors.upsert(new Author(0, "Eva", "   ", null, null)).bio());
        assertEquals("A much longer biography.", authors.get(a.id()).orElseThrow().bio());
    }

    @Test
    void knownUrlAndAvatarAreNotOverwritten() {
        Author a = authors.upsert(new Author(0, "Eva", null, "https://x/eva", "https://x/eva-1.png"));
        Author b = authors.upsert(new Author(0, "Eva", null, null, "https://x/eva-2.png"));
        assertEquals(a, b);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u00A0\u2003"})
    void aBlankNameIsRejected(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> authors.upsert(new Author(0, name, "bio", null, null)));
        assertEquals("author name is blank", e.getMessage());
    }

    @Test
    void findByNameOfAnUnknownOrBlankNameIsEmpty() {
        assertTrue(authors.findByName("Nobody").isEmpty());
        assertTrue(authors.findByName(null).isEmpty());
        assertTrue(authors.findByName(" ").isEmpty());
        assertTrue(authors.get(99).isEmpty());
    }

    @Test
    void listWithCountsIsMostArticlesFirstThenByNameAndIncludesAuthorsWithoutArticles() {
        long feed = new FeedRepository(db).add(Feed.newFeed("https://a.example/feed", null, null, null)).id();
        ArticleRepository articles = new ArticleRepository(db);
        Author jan = authors.upsert(Author.named("Jan"));
        Author eva = authors.upsert(Author.named("eva"));
        Author bob = authors.upsert(Author.named("Bob"));
        Author idle = authors.upsert(Author.named("Idle"));
        articles.insert(article(feed, "1", T0, List.of(jan, eva)), null, null);
        articles.insert(article(feed, "2", T0, List.of(jan)), null, null);
        articles.insert(article(feed, "3", T0, List.of(bob)), null, null);
        assertEquals(List.of(new AuthorCount(jan, 2), new AuthorCount(bob, 1), new AuthorCount(eva, 1),
                new AuthorCount(idle, 0)), authors.listWithCounts());
    }
}
