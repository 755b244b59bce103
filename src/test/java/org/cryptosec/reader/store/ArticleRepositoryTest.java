package org.cryptosec.reader.store;

import static org.cryptosec.reader.store.Fixtures.T0;
import static org.cryptosec.reader.store.Fixtures.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.ArticleFilter;
import org.cryptosec.reader.model.ArticleState;
import org.cryptosec.reader.model.ArticleSummary;
import org.cryptosec.reader.model.Author;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.model.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArticleRepositoryTest {

    @TempDir
    Path dir;
    Database db;
    FeedRepository feeds;
    AuthorRepository authors;
    ArticleRepository articles;
    long feedA;
    long feedB;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("library.db"));
        feeds = new FeedRepository(db);
        authors = new AuthorRepository(db);
        articles = new ArticleRepository(db);
        feedA = feeds.add(Feed.newFeed("https://a.example/feed", "A", null, null)).id();
        feedB = feeds.add(Feed.newFeed("https://b.example/feed", "B", null, null)).id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anArticleRoundTripsWithEveryFieldAndItsAuthorsInBylineOrder() {
        Author zoe = authors.upsert(new Author(0, "Zoë de Vries", "Writes about DeFi.", "https://x/zoe", "https://x/zoe.png"));
        Author adam = authors.upsert(Author.named("Adam Appel"));
        Author mia = authors.upsert(Author.named("Mia Mol"));
        Instant published = Instant.parse("2024-02-29T23:59:59.123Z");
        Article in = new Article(0, feedA, "guid-1", "https://a.example/hack", "Beurs gehackt", "Crypto Insiders",
                List.of(zoe, adam, mia), published, "nl", 4, "https://a.example/lead.jpg",
                List.of("hack", "Noord-Korea", "Lazarus Group"), "<p>Het <b>lichaam</b></p>", "Het lichaam",
                T0);
        long id = articles.insert(in, "<html><body>original</body></html>", "sha256:abc");

        Article out = articles.get(id).orElseThrow();
        assertEquals(in.withId(id), out);
        assertEquals(List.of("Zoë de Vries", "Adam Appel", "Mia Mol"), out.authors().stream().map(Author::name).toList());
        assertEquals("Writes about DeFi.", out.authors().get(0).bio());
        assertEquals("<html><body>original</body></html>", articles.originalHtml(id).orElseThrow());
        assertEquals("sha256:abc", articles.contentHash(id).orElseThrow());
        assertEquals(new ArticleState(id, false, false), articles.state(id).orElseThrow());
    }

    @Test
    void nullFieldsRoundTripAsNullOrEmpty() {
        Article in = new Article(0, feedA, null, null, null, null, null, null, null, 0, null, null, null, null, T0);
        long id = articles.insert(in, null, null);
        Article out = articles.get(id).orElseThrow();
        assertEquals(in.withId(id), out);
        assertTrue(articles.originalHtml(id).isEmpty());
        ArticleSummary summary = articles.summaries(List.of(id)).get(0);
        assertEquals("", summary.excerpt());
        assertEquals(T0, summary.published(), "without a publication date the fetch time is shown");
    }

    @Test
    void absurdDatesAreClampedInsteadOfOverflowing() {
        Article in = article(feedA, "far", Instant.MAX);
        long id = articles.insert(in, null, null);
        assertEquals(Instant.ofEpochMilli(Long.MAX_VALUE), articles.get(id).orElseThrow().published());
    }

    @Test
    void missingArticlesAreEmptyNotErrors() {
        assertTrue(articles.get(12345).isEmpty());
        assertTrue(articles.originalHtml(12345).isEmpty());
        assertTrue(articles.state(12345).isEmpty());
    }

    @Test
    void dedupeLookupsFindByGuidPerFeedUrlAndContentHash() {
        articles.insert(article(feedA, "g1", T0), null, "hash-1");
        assertTrue(articles.existsByGuid(feedA, "g1"));
        assertFalse(articles.existsByGuid(feedB, "g1"), "a GUID is unique per feed only");
        assertFalse(articles.existsByGuid(feedA, "g2"));
        assertFalse(articles.existsByGuid(feedA, null));
        assertTrue(articles.existsByUrl("https://news.example/g1"));
        assertFalse(articles.existsByUrl("https://news.example/g2"));
        assertFalse(articles.existsByUrl(null));
        assertTrue(articles.existsByContentHash("hash-1"));
        assertFalse(articles.existsByContentHash("hash-2"));
        assertFalse(articles.existsByContentHash(null));
    }

    @Test
    void theSameGuidTwiceInOneFeedIsRefusedClearlyAndLeavesNothingHalfStored() {
        articles.insert(article(feedA, "g1", T0), null, null);
        StoreException e = assertThrows(StoreException.class, () -> articles.insert(article(feedA, "g1", T0), null, null));
        assertTrue(e.getMessage().contains("already has an article with GUID g1"), e.getMessage());
        assertEquals(1, articles.count());
        articles.insert(article(feedB, "g1", T0), null, null);
        assertEquals(2, articles.count());
    }

    @Test
    void anArticleOfAnUnknownFeedIsRefusedClearly() {
        StoreException e = assertThrows(StoreException.class, () -> articles.insert(article(999, "g", T0), null, null));
        assertTrue(e.getMessage().contains("there is no feed 999"), e.getMessage());
        assertEquals(0, articles.count());
    }

    @Test
    void authorsWithoutIdsAreRefusedBeforeAnythingIsStored() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> articles.insert(article(feedA, "g", T0, List.of(Author.named("Nobody"))), null, null));
        assertTrue(e.getMessage().contains("Nobody"), e.getMessage());
        assertEquals(0, articles.count());
    }

    @Test
    void anUnknownAuthorIdRollsBackTheWholeInsert() {
        StoreException e = assertThrows(StoreException.class, () -> articles.insert(
                article(feedA, "g", T0, List.of(new Author(4242, "Ghost", null, null, null))), null, null));
        assertTrue(e.getMessage().contains("is not stored"), e.getMessage());
        assertEquals(0, articles.count());
    }

    @Test
    void theSameAuthorTwiceInABylineIsLinkedOnce() {
        Author jan = authors.upsert(Author.named("Jan"));
        long id = articles.insert(article(feedA, "g", T0, List.of(jan, jan)), null, null);
        assertEquals(List.of(jan), articles.get(id).orElseThrow().authors());
    }

    @Test
    void readAndStarredStateIsKeptApartAndToggles() {
        long id = articles.insert(article(feedA, "g", T0), null, null);
        articles.setRead(id, true);
        articles.setStarred(id, true);
        assertEquals(new ArticleState(id, true, true), articles.state(id).orElseThrow());
        articles.setRead(id, false);
        assertEquals(new ArticleState(id, false, true), articles.state(id).orElseThrow());
        articles.setStarred(id, false);
        assertEquals(new ArticleState(id, false, false), articles.state(id).orElseThrow());
    }

    @Test
    void stateChangesOfAnUnknownArticleChangeNothing() {
        articles.setRead(777, true);
        articles.setStarred(777, true);
        assertTrue(articles.state(777).isEmpty());
    }

    @Test
    void aMissingStateRowIsRecreatedWhenTheStateIsSet() {
        long id = articles.insert(article(feedA, "g", T0), null, null);
        db.withConnection("drop state", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM article_state WHERE article_id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate();
            }
        });
        assertEquals(new ArticleState(id, false, false), articles.state(id).orElseThrow());
        assertEquals(1, articles.list(ArticleFilter.ALL, 0, 10).total());
        articles.setStarred(id, true);
        assertEquals(new ArticleState(id, false, true), articles.state(id).orElseThrow());
    }

    @Test
    void markAllReadMarksOneFeedOrEverything() {
        articles.insert(article(feedA, "a1", T0), null, null);
        articles.insert(article(feedA, "a2", T0), null, null);
        articles.insert(article(feedB, "b1", T0), null, null);
        assertEquals(2, articles.markAllRead(feedA));
        assertEquals(1, articles.list(new ArticleFilter(null, true, false), 0, 10).total());
        assertEquals(1, articles.markAllRead(null));
        assertEquals(0, articles.list(new ArticleFilter(null, true, false), 0, 10).total());
    }

    /** Inserts a1..a5 in feed A and b1..b3 in feed B, published one hour apart, a3 without a date. */
    private List<Long> sampleLibrary() {
        Instant base = Instant.parse("2024-01-01T00:00:00Z");
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(articles.insert(article(feedA, "a" + i, i == 3 ? null : base.plusSeconds(3600L * i)), null, null));
        }
        for (int i = 1; i <= 3; i++) {
            ids.add(articles.insert(article(feedB, "b" + i, base.plusSeconds(3600L * i + 60)), null, null));
        }
        return ids;
    }

    private static List<String> titles(Page<ArticleSummary> page) {
        return page.items().stream().map(s -> s.title().replace("Title ", "")).toList();
    }

    @Test
    void listIsNewestFirstByPublishedElseFetchedAndPages() {
        sampleLibrary(); // a3 has no date: its fetch time T0 (March 2024) is newer than every publication
        Page<ArticleSummary> first = articles.list(ArticleFilter.ALL, 0, 3);
        assertEquals(8, first.total());
        assertEquals(0, first.offset());
        assertEquals(List.of("a3", "a5", "a4"), titles(first));
        Page<ArticleSummary> second = articles.list(ArticleFilter.ALL, 3, 3);
        assertEquals(3, second.offset());
        assertEquals(List.of("b3", "b2", "a2"), titles(second));
        assertEquals(List.of("b1", "a1"), titles(articles.list(ArticleFilter.ALL, 6, 3)));
        Page<ArticleSummary> beyond = articles.list(ArticleFilter.ALL, 100, 3);
        assertTrue(beyond.items().isEmpty());
        assertEquals(8, beyond.total());
        assertTrue(articles.list(ArticleFilter.ALL, 0, 0).items().isEmpty());
        assertEquals(8, articles.list(null, 0, 50).items().size(), "a null filter lists everything");
    }

    @Test
    void articlesWithTheSameDateAreOrderedByIdNewestFirst() {
        long first = articles.insert(article(feedA, "x1", T0), null, null);
        long second = articles.insert(article(feedA, "x2", T0), null, null);
        long third = articles.insert(article(feedB, "x3", T0), null, null);
        assertEquals(List.of(third, second, first),
                articles.list(ArticleFilter.ALL, 0, 10).items().stream().map(ArticleSummary::id).toList());
    }

    static Stream<Arguments> filters() {
        // a2 and b2 are read; a4 and b1 are starred (see filterTable)
        return Stream.of(
                Arguments.of("all", new ArticleFilter(null, false, false), List.of("a3", "a5", "a4", "b3", "b2", "a2", "b1", "a1")),
                Arguments.of("feed A", new ArticleFilter(1L, false, false), List.of("a3", "a5", "a4", "a2", "a1")),
                Arguments.of("feed B", new ArticleFilter(2L, false, false), List.of("b3", "b2", "b1")),
                Arguments.of("unread", new ArticleFilter(null, true, false), List.of("a3", "a5", "a4", "b3", "b1", "a1")),
                Arguments.of("starred", new ArticleFilter(null, false, true), List.of("a4", "b1")),
                Arguments.of("unread starred", new ArticleFilter(null, true, true), List.of("a4", "b1")),
                Arguments.of("feed A unread", new ArticleFilter(1L, true, false), List.of("a3", "a5", "a4", "a1")),
                Arguments.of("feed B starred", new ArticleFilter(2L, false, true), List.of("b1")),
                Arguments.of("unknown feed", new ArticleFilter(99L, false, false), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void filtersSelectByFeedUnreadAndStarredAndCountTheTotal(String name, ArticleFilter filter, List<String> expected) {
        assertEquals(1L, feedA);
        assertEquals(2L, feedB);
        List<Long> ids = sampleLibrary();
        articles.setRead(ids.get(1), true);  // a2
        articles.setRead(ids.get(6), true);  // b2
        articles.setStarred(ids.get(3), true); // a4
        articles.setStarred(ids.get(5), true); // b1
        Page<ArticleSummary> page = articles.list(filter, 0, 50);
        assertEquals(expected, titles(page));
        assertEquals(expected.size(), page.total());
        if (expected.size() > 1) {
            Page<ArticleSummary> tail = articles.list(filter, 1, 50);
            assertEquals(expected.subList(1, expected.size()), titles(tail));
            assertEquals(expected.size(), tail.total());
        }
    }

    @Test
    void summariesCarryAuthorsStateAndAShortExcerptWithoutTheBody() {
        Author jan = authors.upsert(Author.named("Jan Jansen"));
        Author eva = authors.upsert(Author.named("Eva Smit"));
        String longText = "Eerste  regel\n\nTweede\tregel " + "x".repeat(5000);
        Article in = new Article(0, feedA, "g", "https://a/g", "Titel", "Bron", List.of(eva, jan), T0, "nl", 1, null,
                List.of(), "<p>html</p>", longText, T0.plusSeconds(5));
        long id = articles.insert(in, null, null);
        articles.setStarred(id, true);
        ArticleSummary s = articles.list(ArticleFilter.ALL, 0, 1).items().get(0);
        assertEquals(new ArticleSummary(id, feedA, "Titel", "Bron", List.of("Eva Smit", "Jan Jansen"), T0,
                s.excerpt(), false, true), s);
        assertTrue(s.excerpt().startsWith("Eerste regel Tweede regel xxx"), s.excerpt());
        assertTrue(s.excerpt().length() <= ArticleRepository.EXCERPT_CHARS, "length " + s.excerpt().length());
        assertTrue(s.excerpt().length() > 150, "length " + s.excerpt().length());
    }

    @Test
    void summariesByIdKeepTheGivenOrderAndSkipUnknownIds() {
        List<Long> ids = sampleLibrary();
        List<Long> wanted = List.of(ids.get(4), 9999L, ids.get(0), ids.get(6));
        assertEquals(List.of(ids.get(4), ids.get(0), ids.get(6)),
                articles.summaries(wanted).stream().map(ArticleSummary::id).toList());
        assertTrue(articles.summaries(List.of()).isEmpty());
        assertTrue(articles.summaries(null).isEmpty());
    }

    @Test
    void summariesOfMoreIdsThanOneQueryTakesAreAllFound() {
        List<Long> ids = new ArrayList<>();
        db.inTransaction(() -> {
            for (int i = 0; i < 1_234; i++) {
                ids.add(articles.insert(article(feedA, "m" + i, T0.plusSeconds(i)), null, null));
            }
        });
        List<Long> reversed = new ArrayList<>(ids);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, articles.summaries(reversed).stream().map(ArticleSummary::id).toList());
    }

    @Test
    void byAuthorListsTheirArticlesNewestFirst() {
        Author jan = authors.upsert(Author.named("Jan"));
        Author eva = authors.upsert(Author.named("Eva"));
        long old = articles.insert(article(feedA, "old", T0.minusSeconds(100), List.of(jan)), null, null);
        articles.insert(article(feedA, "evas", T0, List.of(eva)), null, null);
        long recent = articles.insert(article(feedB, "new", T0.plusSeconds(100), List.of(eva, jan)), null, null);
        assertEquals(List.of(recent, old), articles.byAuthor(jan.id()).stream().map(ArticleSummary::id).toList());
        assertEquals(List.of("Eva", "Jan"), articles.byAuthor(jan.id()).get(0).authors());
        assertTrue(articles.byAuthor(12345).isEmpty());
    }

    @Test
    void forEachStreamsEveryArticleInIdOrderInBatchesWithAuthors() {
        Author jan = authors.upsert(Author.named("Jan"));
        Author eva = authors.upsert(Author.named("Eva"));
        int n = 1_200;
        db.inTransaction(() -> {
            for (int i = 0; i < n; i++) {
                List<Author> byline = i % 3 == 0 ? List.of(eva, jan) : i % 3 == 1 ? List.of(jan) : List.of();
                articles.insert(article(i % 2 == 0 ? feedA : feedB, "f" + i, T0.plusSeconds(i), byline), null, null);
            }
        });
        List<Article> seen = new ArrayList<>();
        articles.forEach(seen::add);
        assertEquals(n, seen.size());
        assertEquals(articles.allIds(), seen.stream().map(Article::id).toList());
        for (int i = 0; i < n; i++) {
            Article a = seen.get(i);
            assertEquals("f" + i, a.guid());
            List<String> expected = i % 3 == 0 ? List.of("Eva", "Jan") : i % 3 == 1 ? List.of("Jan") : List.of();
            assertEquals(expected, a.authors().stream().map(Author::name).toList(), "authors of " + a.guid());
            assertEquals(List.of("hack", "defi"), a.tags());
        }
    }

    @Test
    void forEachDoesNotHoldTheDatabaseWhileTheConsumerRuns() throws Exception {
        for (int i = 0; i < 3; i++) {
            articles.insert(article(feedA, "c" + i, T0), null, null);
        }
        List<Long> fromOtherThread = new ArrayList<>();
        articles.forEach(a -> {
            Thread t = new Thread(() -> fromOtherThread.add(articles.count()));
            t.start();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertEquals(List.of(3L, 3L, 3L), fromOtherThread);
    }

    @Test
    void forEachOverAnEmptyLibraryCallsNothing() {
        articles.forEach(a -> {
            throw new AssertionError("no article expected");
        });
    }

    @Test
    void countAndAllIdsSeeEveryArticle() {
        List<Long> ids = sampleLibrary();
        assertEquals(ids.size(), articles.count());
        assertEquals(ids, articles.allIds());
    }

    @Test
    void negativePagingArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> articles.list(ArticleFilter.ALL, -1, 10));
        assertThrows(IllegalArgumentException.class, () -> articles.list(ArticleFilter.ALL, 0, -10));
    }

    @Test
    void theListQueriesWalkTheNewestFirstIndexesBeforeAndAfterAnalyze() {
        List<Long> ids = sampleLibrary();
        articles.setRead(ids.get(0), true);
        QueryPlans.assertListWalksIndexes(db, feedA);
        db.withConnection("analyze", c -> c.createStatement().execute("ANALYZE"));
        QueryPlans.assertListWalksIndexes(db, feedA);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "NUL \u0000 inside", "emoji \uD83D\uDE80 and \u20BF", "RTL \u05E9\u05DC\u05D5\u05DD", "quote ' and \" and ; DROP TABLE articles; --",
        "", " "})
    void hostileStringsRoundTripExactly(String value) {
        Article in = new Article(0, feedA, value, value, value, value, List.of(), T0, value, 1, value, List.of(),
                value, value, T0);
        long id = articles.insert(in, value, value);
        assertEquals(in.withId(id), articles.get(id).orElseThrow());
        assertEquals(value, articles.originalHtml(id).orElseThrow());
        assertTrue(articles.existsByGuid(feedA, value));
        assertTrue(articles.existsByContentHash(value));
        assertEquals(value, articles.summaries(List.of(id)).get(0).title());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tagCases")
    void tagsAreStoredAsSingleLineLabelsInOrder(String name, List<String> given, List<String> stored) {
        Article in = new Article(0, feedA, "t-" + name, null, "t", null, List.of(), T0, null, 0, null,
                given, null, null, T0);
        long id = articles.insert(in, null, null);
        assertEquals(stored, articles.get(id).orElseThrow().tags());
    }

    static Stream<Arguments> tagCases() {
        return Stream.of(
                Arguments.of("plain", List.of("hack", "DeFi", "Noord-Korea"), List.of("hack", "DeFi", "Noord-Korea")),
                Arguments.of("none", List.of(), List.of()),
                Arguments.of("line breaks", List.of("tag with\nnewline", "a\r\nb"), List.of("tag with newline", "a b")),
                Arguments.of("blanks dropped", List.of(" ", "", " x "), List.of("x")),
                Arguments.of("unicode", List.of("\u20BF", "\uD83D\uDE80 moon", "NUL\u0000"), List.of("\u20BF", "\uD83D\uDE80 moon", "NUL\u0000")),
                Arguments.of("duplicates kept", List.of("a", "a"), List.of("a", "a")));
    }
}
