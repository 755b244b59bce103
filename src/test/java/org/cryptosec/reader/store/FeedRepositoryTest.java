package org.cryptosec.reader.store;

import static org.cryptosec.reader.store.Fixtures.T0;
import static org.cryptosec.reader.store.Fixtures.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cryptosec.reader.model.Author;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.model.StoredImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedRepositoryTest {

    @TempDir
    Path dir;
    Database db;
    FeedRepository feeds;
    ArticleRepository articles;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("library.db"));
        feeds = new FeedRepository(db);
        articles = new ArticleRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long rows(String table) {
        return db.withConnection("count " + table, c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void addStoresEveryFieldAndAssignsAnId() {
        Feed stored = feeds.add(Feed.newFeed("https://a.example/feed", "A news", "https://a.example/", "Exchanges"));
        assertTrue(stored.id() > 0);
        assertEquals(new Feed(stored.id(), "https://a.example/feed", "A news", "https://a.example/", "Exchanges",
                null, null, null, null, 0, null), stored);
        assertEquals(stored, feeds.get(stored.id()).orElseThrow());
        assertEquals(stored, feeds.findByUrl("https://a.example/feed").orElseThrow());
    }

    @Test
    void addingTheSameUrlAgainReturnsTheExistingFeedUnchanged() {
        Feed first = feeds.add(Feed.newFeed("https://a.example/feed", "Original", null, null));
        Feed second = feeds.add(Feed.newFeed("https://a.example/feed", "Other title", "https://x/", "Cat"));
        assertEquals(first, second);
        assertEquals(1, feeds.list().size());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aBlankUrlIsRejected(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> feeds.add(Feed.newFeed(url, "t", null, null)));
        assertEquals("feed URL is blank", e.getMessage());
    }

    @Test
    void listIsSortedByTitleIgnoringCaseWithUntitledFeedsByUrl() {
        feeds.add(Feed.newFeed("https://z.example/feed", "bravo", null, null));
        feeds.add(Feed.newFeed("https://b.example/feed", null, null, null));
        feeds.add(Feed.newFeed("https://y.example/feed", "Alpha", null, null));
        feeds.add(Feed.newFeed("https://x.example/feed", "Charlie", null, null));
        assertEquals(List.of("Alpha", "bravo", "Charlie", "https://b.example/feed"),
                feeds.list().stream().map(Feed::displayTitle).toList());
    }

    @Test
    void removingAFeedRemovesItsArticlesStateAuthorLinksAndImageLinksButNotOtherFeeds() {
        Feed a = feeds.add(Feed.newFeed("https://a.example/feed", "A", null, null));
        Feed b = feeds.add(Feed.newFeed("https://b.example/feed", "B", null, null));
        Author author = new AuthorRepository(db).upsert(Author.named("Jan Jansen"));
        ImageRepository images = new ImageRepository(db);
        images.put(new StoredImage("https://a.example/i.png", "image/png", new byte[] {1, 2}));
        long a1 = articles.insert(article(a.id(), "a1", T0, List.of(author)), "<html>a1</html>", "h-a1");
        articles.insert(article(a.id(), "a2", T0, List.of(author)), null, "h-a2");
        long b1 = articles.insert(article(b.id(), "b1", T0, List.of(author)), null, "h-b1");
        images.linkToArticle(a1, "https://a.example/i.png");
        articles.setStarred(a1, true);

        assertTrue(feeds.remove(a.id()));

        assertTrue(feeds.get(a.id()).isEmpty());
        assertEquals(List.of(b1), articles.allIds());
        assertEquals(1, rows("article_state"));
        assertEquals(1, rows("article_authors"));
        assertEquals(0, rows("article_images"));
        assertTrue(articles.get(a1).isEmpty());
        assertTrue(articles.state(a1).isEmpty());
        assertTrue(articles.originalHtml(a1).isEmpty());
        // Authors and image bytes are shared and stay.
        assertTrue(new AuthorRepository(db).get(author.id()).isPresent());
        assertTrue(images.has("https://a.example/i.png"));
        assertFalse(feeds.remove(a.id()), "removing twice reports it was gone");
    }

    @Test
    void successStoresValidatorsAndClearsTheError() {
        Feed f = feeds.add(Feed.newFeed("https://a.example/feed", "Old title", "https://a.example/", null));
        Instant next = T0.plus(Duration.ofMinutes(30));
        feeds.recordError(f.id(), "HTTP 500", T0.minusSeconds(60), T0);
        feeds.recordSuccess(f.id(), "\"etag-1\"", "Fri, 01 Mar 2024 10:00:00 GMT", T0, "New title", null, next);
        Feed stored = feeds.get(f.id()).orElseThrow();
        assertEquals("\"etag-1\"", stored.etag());
        assertEquals("Fri, 01 Mar 2024 10:00:00 GMT", stored.lastModified());
        assertEquals(T0, stored.lastFetched());
        assertEquals("New title", stored.title());
        assertEquals("https://a.example/", stored.siteUrl(), "a null site URL keeps the old one");
        assertNull(stored.lastError());
        assertEquals(0, stored.errorCount());
        assertEquals(next, stored.nextFetch());
    }

    @Test
    void notModifiedChangesOnlyTheTimeAndSchedule() {
        Feed f = feeds.add(Feed.newFeed("https://a.example/feed", "T", null, null));
        feeds.recordSuccess(f.id(), "e1", "lm1", T0, null, null, T0.plusSeconds(60));
        feeds.recordError(f.id(), "timeout", T0.plusSeconds(60), T0.plusSeconds(120));
        Instant later = T0.plusSeconds(3600);
        feeds.recordNotModified(f.id(), later, later.plusSeconds(1800));
        Feed stored = feeds.get(f.id()).orElseThrow();
        assertEquals("e1", stored.etag());
        assertEquals("lm1", stored.lastModified());
        assertEquals("T", stored.title());
        assertEquals(later, stored.lastFetched());
        assertEquals(later.plusSeconds(1800), stored.nextFetch());
        assertEquals("timeout", stored.lastError());
        assertEquals(1, stored.errorCount());
    }

    @Test
    void errorsAreCountedAndTheLatestTextKept() {
        Feed f = feeds.add(Feed.newFeed("https://a.example/feed", "T", null, null));
        feeds.recordError(f.id(), "HTTP 503", T0, T0.plusSeconds(60));
        feeds.recordError(f.id(), "connection refused", T0.plusSeconds(60), T0.plusSeconds(240));
        Feed stored = feeds.get(f.id()).orElseThrow();
        assertEquals("connection refused", stored.lastError());
        assertEquals(2, stored.errorCount());
        assertEquals(T0.plusSeconds(240), stored.nextFetch());
    }

    @Test
    void updatesOfAFeedRemovedMeanwhileChangeNothingAndDoNotThrow() {
        feeds.recordSuccess(999, "e", null, T0, "t", null, T0);
        feeds.recordNotModified(999, T0, T0);
        feeds.recordError(999, "x", T0, T0);
        assertTrue(feeds.list().isEmpty());
    }

    @Test
    void updateUrlMovesTheFeedAndRefusesAUrlOfAnotherFeed() {
        Feed a = feeds.add(Feed.newFeed("https://a.example/feed", "A", null, null));
        feeds.add(Feed.newFeed("https://b.example/feed", "B", null, null));
        feeds.updateUrl(a.id(), "https://a.example/new-feed");
        assertEquals(a.id(), feeds.findByUrl("https://a.example/new-feed").orElseThrow().id());
        assertTrue(feeds.findByUrl("https://a.example/feed").isEmpty());
        StoreException e = assertThrows(StoreException.class, () -> feeds.updateUrl(a.id(), "https://b.example/feed"));
        assertTrue(e.getMessage().contains("another feed already has that URL"), e.getMessage());
        assertEquals("https://a.example/new-feed", feeds.get(a.id()).orElseThrow().url());
    }

    @Test
    void dueListsNeverScheduledAndOverdueFeedsSoonestFirst() {
        Feed never = feeds.add(Feed.newFeed("https://never.example/feed", null, null, null));
        Feed overdue = feeds.add(Feed.newFeed("https://overdue.example/feed", null, null, null));
        Feed now = feeds.add(Feed.newFeed("https://now.example/feed", null, null, null));
        Feed later = feeds.add(Feed.newFeed("https://later.example/feed", null, null, null));
        feeds.recordNotModified(overdue.id(), T0, T0.minusSeconds(600));
        feeds.recordNotModified(now.id(), T0, T0);
        feeds.recordNotModified(later.id(), T0, T0.plusSeconds(1));
        assertEquals(List.of(never.id(), overdue.id(), now.id()), feeds.due(T0).stream().map(Feed::id).toList());
    }

    @Test
    void unreadCountsArePerFeedAndFollowReadState() {
        Feed a = feeds.add(Feed.newFeed("https://a.example/feed", "A", null, null));
        Feed b = feeds.add(Feed.newFeed("https://b.example/feed", "B", null, null));
        Feed empty = feeds.add(Feed.newFeed("https://c.example/feed", "C", null, null));
        long a1 = articles.insert(article(a.id(), "a1", T0), null, null);
        articles.insert(article(a.id(), "a2", T0), null, null);
        articles.insert(article(a.id(), "a3", T0), null, null);
        long b1 = articles.insert(article(b.id(), "b1", T0), null, null);
        articles.setRead(a1, true);
        articles.setRead(b1, true);
        Map<Long, Integer> counts = feeds.unreadCounts();
        assertEquals(2, counts.get(a.id()));
        assertEquals(0, counts.getOrDefault(b.id(), 0));
        assertEquals(0, counts.getOrDefault(empty.id(), 0));
        articles.setRead(a1, false);
        assertEquals(3, feeds.unreadCounts().get(a.id()));
        assertNotEquals(counts, feeds.unreadCounts());
    }

    @Test
    void renameChangesTitleAndCategory() {
        Feed a = feeds.add(Feed.newFeed("https://a.example/feed", "A", null, null));
        feeds.rename(a.id(), "Renamed", "DeFi");
        Feed stored = feeds.get(a.id()).orElseThrow();
        assertEquals("Renamed", stored.title());
        assertEquals("DeFi", stored.category());
    }
}
