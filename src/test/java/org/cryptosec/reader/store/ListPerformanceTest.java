package org.cryptosec.reader.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.ArticleFilter;
import org.cryptosec.reader.model.ArticleSummary;
import org.cryptosec.reader.model.Author;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.model.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists 50 rows among 100,000 articles and logs the times (never asserted). What is asserted: the
 * pages are right, and the list queries walk an index instead of sorting the whole table, before and
 * after ANALYZE. Tagged "corpus" because inserting 100,000 articles takes 5-20 s on a shared 2-core
 * machine; the same plan check runs by default on a small library in ArticleRepositoryTest.
 * Run: {@code mvn test -Dtest=ListPerformanceTest -Dgroups=corpus -DexcludedGroups=none}
 */
@Tag("corpus")
class ListPerformanceTest {

    private static final Logger LOG = LoggerFactory.getLogger(ListPerformanceTest.class);
    private static final int ARTICLES = 100_000;
    private static final int FEEDS = 40;

    @TempDir
    Path dir;

    /** The project's logback-test.xml keeps the root at WARN; these figures are what this test is for. */
    @BeforeAll
    static void showMeasurements() {
        for (Class<?> type : List.of(ListPerformanceTest.class, QueryPlans.class)) {
            if (LoggerFactory.getLogger(type) instanceof ch.qos.logback.classic.Logger logback) {
                logback.setLevel(ch.qos.logback.classic.Level.INFO);
            }
        }
    }

    @Test
    void listingAPageAmongOneHundredThousandArticlesWalksAnIndex() {
        try (Database db = Database.open(dir.resolve("library.db"))) {
            FeedRepository feeds = new FeedRepository(db);
            AuthorRepository authors = new AuthorRepository(db);
            ArticleRepository articles = new ArticleRepository(db);
            List<Long> feedIds = new ArrayList<>();
            List<Author> people = new ArrayList<>();
            for (int f = 0; f < FEEDS; f++) {
                feedIds.add(feeds.add(Feed.newFeed("https://site" + f + ".example/feed", "Site " + f, null, null)).id());
                people.add(authors.upsert(Author.named("Author " + f)));
            }
            String text = "Hackers drained the hot wallet of an exchange. ".repeat(12);
            String html = "<p>" + text + "</p>";
            Instant base = Instant.parse("2020-01-01T00:00:00Z");
            long t0 = System.nanoTime();
            db.inTransaction(() -> {
                for (int i = 0; i < ARTICLES; i++) {
                    int f = i % FEEDS;
                    Instant published = i % 10 == 0 ? null : base.plusSeconds(600L * ((i * 7919L) % ARTICLES));
                    List<Author> byline = i % 4 == 0 ? List.of(people.get(f), people.get((f + 1) % FEEDS))
                            : List.of(people.get(f));
                    articles.insert(new Article(0, feedIds.get(f), "g" + i, "https://site" + f + ".example/a/" + i,
                            "Article " + i, "Site " + f, byline, published, "en", 2, null, List.of("hack"), html,
                            text, base.plusSeconds(i)), null, "hash" + i);
                }
            });
            long insertMillis = (System.nanoTime() - t0) / 1_000_000;
            db.inTransaction(() -> {
                for (long id = 1; id <= ARTICLES; id += 3) {
                    articles.setRead(id, true);
                }
                for (long id = 5; id <= ARTICLES; id += 97) {
                    articles.setStarred(id, true);
                }
            });

            Page<ArticleSummary> first = timed("list all, first page", () -> articles.list(ArticleFilter.ALL, 0, 50));
            timed("list all, first page again", () -> articles.list(ArticleFilter.ALL, 0, 50));
            Page<ArticleSummary> deep = timed("list all, offset 50,000", () -> articles.list(ArticleFilter.ALL, 50_000, 50));
            Page<ArticleSummary> feed = timed("list one feed", () -> articles.list(ArticleFilter.feed(feedIds.get(3)), 0, 50));
            Page<ArticleSummary> unread = timed("list unread", () -> articles.list(new ArticleFilter(null, true, false), 0, 50));
            Page<ArticleSummary> starred = timed("list starred", () -> articles.list(new ArticleFilter(null, false, true), 0, 50));
            timed("list unread of one feed", () -> articles.list(new ArticleFilter(feedIds.get(3), true, false), 0, 50));
            timed("unread counts", feeds::unreadCounts);
            timed("authors with counts", authors::listWithCounts);
            timed("dedupe by url", () -> articles.existsByUrl("https://site3.example/a/99963"));
            timed("dedupe by hash", () -> articles.existsByContentHash("hash77777"));
            LOG.info("inserted {} articles in one transaction in {} ms", ARTICLES, insertMillis);

            assertEquals(ARTICLES, first.total());
            assertEquals(50, first.items().size());
            assertEquals(50, deep.items().size());
            assertEquals(ARTICLES / FEEDS, feed.total());
            assertTrue(feed.items().stream().allMatch(s -> s.feedId() == feedIds.get(3)));
            assertTrue(unread.items().stream().noneMatch(ArticleSummary::read));
            assertTrue(starred.items().stream().allMatch(ArticleSummary::starred));
            assertNewestFirst(first.items());
            assertNewestFirst(deep.items());
            assertNewestFirst(feed.items());
            assertTrue(first.items().stream().allMatch(s -> !s.authors().isEmpty()));

            QueryPlans.assertListWalksIndexes(db, feedIds.get(3));
            db.withConnection("analyze", c -> c.createStatement().execute("ANALYZE"));
            QueryPlans.assertListWalksIndexes(db, feedIds.get(3));
            timed("list unread after ANALYZE", () -> articles.list(new ArticleFilter(null, true, false), 0, 50));
            timed("list all after ANALYZE", () -> articles.list(ArticleFilter.ALL, 0, 50));
        }
    }

    private static void assertNewestFirst(List<ArticleSummary> items) {
        for (int i = 1; i < items.size(); i++) {
            ArticleSummary before = items.get(i - 1);
            ArticleSummary after = items.get(i);
            int cmp = before.published().compareTo(after.published());
            assertTrue(cmp > 0 || (cmp == 0 && before.id() > after.id()), before + " before " + after);
        }
    }

    private static <T> T timed(String what, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        LOG.info("{}: {} ms", what, String.format("%.1f", (System.nanoTime() - start) / 1e6));
        return result;
    }
}
