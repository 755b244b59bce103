package org.cryptosec.reader.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cryptosec.reader.model.CatalogueEntry;
import org.cryptosec.reader.net.FetchLimits;
import org.cryptosec.reader.net.HttpFetcher;
import org.cryptosec.reader.search.ArticleIndex;
import org.cryptosec.reader.store.Database;
import org.cryptosec.reader.task.Cancellation;
import org.cryptosec.reader.task.PooledTaskExecutor;
import org.cryptosec.reader.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An aggregator feed and the site's own feed refreshed at the same time store their shared article once. */
class RefreshDuplicatesAcrossFeedsTest {

    @TempDir
    Path dir;

    @Test
    void twoFeedsListingTheSameArticleInParallelStoreItOnce() throws Exception {
        FetchLimits limits = new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(20), 1_000_000, 5, "test");
        // the page answers only once both feeds asked for it: both passed the duplicate check before either stored it
        CountDownLatch bothAsked = new CountDownLatch(2);
        try (TestServer server = new TestServer();
             Library library = new Library(dir, Database.open(dir.resolve("library.db")),
                     ArticleIndex.openOrRecreate(Library.indexDir(dir)), new HttpFetcher(limits), new HttpFetcher(limits),
                     new PooledTaskExecutor(4), new PooledTaskExecutor(8), new RefreshScheduleTest.HandClock())) {
            String page = server.url("/news/bridge-hack");
            server.serve("/site.xml", "application/rss+xml", rss("Site", "site-1", "Bridge hacked", page));
            server.serve("/aggregator.xml", "application/rss+xml",
                    rss("Aggregator", "agg-77", "Bridge hacked (via Site)", page));
            server.route("/news/bridge-hack", ex -> {
                bothAsked.countDown();
                try {
                    bothAsked.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                TestServer.send(ex, 200, "text/html", ("<html><head><title>Bridge hacked</title></head><body><article>"
                        + "<h1>Bridge hacked</h1><p>" + "Attackers drained the bridge's hot wallet. ".repeat(20)
                        + "</p></article></body></html>").getBytes(StandardCharsets.UTF_8));
            });
            List<Long> ids = library.subscribeAll(List.of(new CatalogueEntry("Site", server.url("/site.xml"), null, null),
                    new CatalogueEntry("Aggregator", server.url("/aggregator.xml"), null, null)))
                    .stream().map(f -> f.id()).toList();
            RefreshReport report = library.refresh(ids, (d, t, m) -> { }, new Cancellation());
            assertEquals(2, server.hits("/news/bridge-hack"), "both feeds fetched the page at the same time");
            assertEquals(1, library.articleCount(), "stored once");
            assertEquals(1, report.newArticles());
        }
    }

    private static byte[] rss(String title, String guid, String itemTitle, String link) {
        return ("<rss version=\"2.0\"><channel><title>" + title + "</title><link>http://x/</link><description>d"
                + "</description><item><title>" + itemTitle + "</title><link>" + link + "</link><guid>" + guid
                + "</guid></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
    }
}
