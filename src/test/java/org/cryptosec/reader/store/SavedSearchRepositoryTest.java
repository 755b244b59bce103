package org.cryptosec.reader.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.model.SavedSearch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SavedSearchRepositoryTest {

    @TempDir
    Path dir;

    private Database db;
    private SavedSearchRepository repo;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("library.db"));
        repo = new SavedSearchRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void addedSearchesAreListedByNameAndSurviveReopening() {
        SavedSearch b = repo.add("  North Korea ", "North Korea hack", Instant.parse("2024-01-01T00:00:00Z"));
        SavedSearch a = repo.add("bridges", "bridge exploit after:2022", null);
        assertEquals("North Korea", b.name());
        assertEquals(List.of(a, b), repo.list());
        db.close();
        db = Database.open(dir.resolve("library.db"));
        repo = new SavedSearchRepository(db);
        assertEquals(List.of(a, b), repo.list());
        assertEquals(b, repo.get(b.id()).orElseThrow());
        assertEquals(b, repo.findByName("NORTH KOREA").orElseThrow());
    }

    @Test
    void namesAreUniqueIgnoringCase() {
        repo.add("Hacks", "hack", null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> repo.add(" hacks", "other", null));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        SavedSearch other = repo.add("Scams", "scam", null);
        assertThrows(IllegalArgumentException.class, () -> repo.update(other.id(), "HACKS", "scam"));
    }

    @Test
    void updateAndDeleteReportWhetherTheSearchExisted() {
        SavedSearch s = repo.add("Hacks", "hack", null);
        assertTrue(repo.update(s.id(), "Exploits", "exploit"));
        assertEquals("exploit", repo.get(s.id()).orElseThrow().query());
        assertFalse(repo.update(999, "x", "y"));
        assertTrue(repo.delete(s.id()));
        assertFalse(repo.delete(s.id()));
        assertTrue(repo.list().isEmpty());
    }

    @ParameterizedTest(name = "name \"{0}\" query \"{1}\" is rejected: {2}")
    @CsvSource(delimiter = '|', value = {
        "''    | hack | needs a name",
        "'  '  | hack | needs a name",
        "Hacks | ''   | needs a query",
        "Hacks | '  ' | needs a query",
    })
    void blankNamesAndQueriesAreRejected(String name, String query, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> repo.add(name, query, null));
        assertTrue(e.getMessage().contains(message.strip()), e.getMessage());
    }

    @Test
    void oversizedOrControlCharacterInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> repo.add("x".repeat(201), "hack", null));
        assertThrows(IllegalArgumentException.class, () -> repo.add("Hacks", "h".repeat(1001), null));
        assertThrows(IllegalArgumentException.class, () -> repo.add("a\nb", "hack", null));
    }

    @Test
    void countUnreadJoinsHitIdsWithTheReadState() {
        FeedRepository feeds = new FeedRepository(db);
        ArticleRepository articles = new ArticleRepository(db);
        Feed feed = feeds.add(Feed.newFeed("https://news.example/feed", "News", null, null));
        long[] ids = new long[5];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = articles.insert(Fixtures.article(feed.id(), "g" + i, Fixtures.T0), null, null);
        }
        articles.setRead(ids[1], true);
        articles.setRead(ids[3], true);
        assertEquals(3, repo.countUnread(ids));
        assertEquals(1, repo.countUnread(new long[] {ids[0], ids[1], 987654}));
        assertEquals(0, repo.countUnread(new long[0]));
        assertEquals(0, repo.countUnread(null));
    }
}
