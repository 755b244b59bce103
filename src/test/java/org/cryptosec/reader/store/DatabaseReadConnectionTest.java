package org.cryptosec.reader.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cryptosec.reader.model.ArticleFilter;
import org.cryptosec.reader.model.ArticleSummary;
import org.cryptosec.reader.model.Feed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The article list reads on its own connection: it does not wait for a writer, and sees what was committed. */
class DatabaseReadConnectionTest {

    @TempDir
    Path dir;

    @Test
    void theListAnswersWhileAWriteTransactionIsOpenAndShowsOnlyCommittedArticles() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        try (Database db = Database.open(dir.resolve("library.db"))) {
            ArticleRepository articles = new ArticleRepository(db);
            long feed = new FeedRepository(db).add(Feed.newFeed("https://news.example/feed", "N", null, null)).id();
            long committed = articles.insert(Fixtures.article(feed, "g1", Fixtures.T0), "<p>1</p>", "h1");
            Future<?> writer = pool.submit(() -> db.inTransaction(() -> {
                articles.insert(Fixtures.article(feed, "g2", Fixtures.T0), "<p>2</p>", "h2");
                writing.countDown();
                try {
                    finish.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            try {
                assertTrue(writing.await(10, TimeUnit.SECONDS));
                List<ArticleSummary> seen = articles.list(ArticleFilter.ALL, 0, 10).items();
                assertEquals(List.of(committed), seen.stream().map(ArticleSummary::id).toList(),
                        "answered at once, with the committed article only");
                assertTrue(articles.get(committed).isPresent());
            } finally {
                finish.countDown();
            }
            writer.get(10, TimeUnit.SECONDS);
            assertEquals(2, articles.list(ArticleFilter.ALL, 0, 10).items().size(), "the commit is seen next time");
        } finally {
            pool.shutdownNow();
        }
    }
}
