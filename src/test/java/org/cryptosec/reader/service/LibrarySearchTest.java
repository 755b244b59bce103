package org.cryptosec.reader.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.Author;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.model.SavedSearch;
import org.cryptosec.reader.model.SearchHit;
import org.cryptosec.reader.store.ArticleRepository;
import org.cryptosec.reader.store.Database;
import org.cryptosec.reader.store.FeedRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved searches with unread counts that follow new articles, and related articles, through Library. */
class LibrarySearchTest {

    @TempDir
    Path dir;

    /** Stores articles the way a refresh does (SQLite first); the next Library.open indexes them. */
    static long[] store(Path dataDir, String... titleLangText) {
        try (Database db = Database.open(dataDir.resolve("library.db"))) {
            FeedRepository feeds = new FeedRepository(db);
            ArticleRepository articles = new ArticleRepository(db);
            Feed feed = feeds.findByUrl("https://news.example/feed")
                    .orElseGet(() -> feeds.add(Feed.newFeed("https://news.example/feed", "News", null, null)));
            long[] ids = new long[titleLangText.length / 3];
            for (int i = 0; i < ids.length; i++) {
                String title = titleLangText[3 * i];
                String guid = title + "-" + System.nanoTime();
                ids[i] = articles.insert(new Article(0, feed.id(), guid, "https://news.example/" + ids.length + i,
                        title, "News", List.of(new org.cryptosec.reader.store.AuthorRepository(db).upsert(Author.named("Ann Walker"))), Instant.parse("2022-05-01T10:00:00Z"),
                        titleLangText[3 * i + 1], 1, null, List.of(), "<p>x</p>", titleLangText[3 * i + 2],
                        Instant.parse("2024-01-01T00:00:00Z")), null, null);
            }
            return ids;
        }
    }

    @Test
    void savedSearchUnreadCountFollowsReadingAndNewArticles() throws Exception {
        long[] ids = store(dir,
                "Noord-Korea hackt opnieuw exchanges", "nl", "Het land steelt crypto.",
                "North Korea linked to bridge exploit", "en", "Funds were stolen.",
                "Gardening tips", "en", "Tomatoes need sun.");
        long savedId;
        try (Library library = Library.open(dir)) {
            SavedSearch s = library.saveSearch("DPRK", "North Korea hack");
            savedId = s.id();
            assertEquals(List.of(s), library.savedSearches());
            assertEquals(2, library.savedSearchUnread(s.id()));
            library.markRead(ids[0], true);
            assertEquals(1, library.savedSearchUnread(s.id()));
            assertEquals(2, library.runSavedSearch(s.id(), 10).orElseThrow().total());
            LibraryException dup = assertThrows(LibraryException.class, () -> library.saveSearch("dprk", "x"));
            assertTrue(dup.getMessage().contains("already exists"), dup.getMessage());
        }
        store(dir, "Lazarus hacked another exchange", "en", "North Korea again.");
        try (Library library = Library.open(dir)) {
            assertEquals(2, library.savedSearchUnread(savedId), "the new article counts as unread");
            assertEquals(java.util.Map.of(savedId, 2), library.savedSearchUnreadCounts());
            assertTrue(library.deleteSavedSearch(savedId));
            assertEquals(0, library.savedSearchUnread(savedId));
            assertTrue(library.runSavedSearch(savedId, 10).isEmpty());
        }
    }

    @Test
    void relatedArticlesComeFromTheIndex() throws Exception {
        long[] ids = store(dir,
                "Ronin bridge validator keys compromised", "en", "Validator keys of the bridge were compromised and drained.",
                "Harmony bridge validator keys compromised", "en", "Another bridge lost its validator keys to attackers.",
                "Bitcoin koers stijgt", "nl", "De koers stijgt.",
                "Gardening tips", "en", "Tomatoes need sun.");
        try (Library library = Library.open(dir)) {
            List<SearchHit> related = library.related(ids[0], 5);
            assertEquals(ids[1], related.get(0).articleId(), related.toString());
            assertTrue(related.stream().noneMatch(h -> h.articleId() == ids[0]));
        }
    }
}
