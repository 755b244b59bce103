package org.cryptosec.reader.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cryptosec.reader.model.CatalogueEntry;
import org.cryptosec.reader.task.Cancellation;
import org.cryptosec.reader.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An aggregator feed and the site's own feed refreshed at the same time fetch and store their shared article once. */
class RefreshDuplicatesAcrossFeedsTest {

    @TempDir
    Path dir;

    @Test
    void twoFeedsListingTheSameArticleInParallelFetchAndStoreItOnce() throws Exception {
        // the page answers once both feeds asked for it, or after 1.5 s: both feeds have passed the duplicate check
        // before either stored it, so only the second feed waiting for the first one's fetch avoids a second request
        CountDownLatch bothAsked = new CountDownLatch(2);
        try (TestServer server = new TestServer();
             Library library = RefreshFixtures.library(dir, new RefreshScheduleTest.HandClock())) {
            String page = server.url("/news/bridge-hack");
            server.serve("/site.xml", "application/rss+xml", rss("Site", "site-1", "Bridge hacked", page));
            server.serve("/aggregator.xml", "application/rss+xml",
                    rss("Aggregator", "agg-77", "Bridge hacked (via Site)", page));
            server.route("/news/bridge-hack", ex -> {
                bothAsked.countDown();
                try {
                    bothAsked.await(1500, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                TestServer.send(ex, 200, "text/html", PAGE);
            });
            List<Long> ids = library.subscribeAll(List.of(new CatalogueEntry("Site", server.url("/site.xml"), null, null),
                    new CatalogueEntry("Aggregator", server.url("/aggregator.xml"), null, null)))
                    .stream().map(f -> f.id()).toList();
            RefreshReport report = library.refresh(ids, (d, t, m) -> { }, new Cancellation());
            assertEquals(1, server.hits("/news/bridge-hack"), "the second feed waited for the first one's fetch");
            assertEquals(1, library.articleCount(), "stored once");
            assertEquals(1, report.newArticles());
        }
    }

    @Test
    void whenTheFeedFetchingASharedPageStopsWithoutStoringItOnlyOneOfTheFeedsWaitingFetchesItAgain() throws Exception {
        // feed A's refresh fetches the page and is cancelled before storing it; feeds B and C (another refresh) wait
        // for A meanwhile; then exactly one of them fetches the page again and the other waits for that one
        CountDownLatch firstAsked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(2);
        org.cryptosec.reader.net.FetchLimits limits = new org.cryptosec.reader.net.FetchLimits(
                java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(20), 5_000_000, 5, "test");
        try (TestServer server = new TestServer();
             Library library = new Library(dir, org.cryptosec.reader.store.Database.open(dir.resolve("library.db")),
                     org.cryptosec.reader.search.ArticleIndex.openOrRecreate(Library.indexDir(dir)),
                     new org.cryptosec.reader.net.HttpFetcher(limits), new org.cryptosec.reader.net.HttpFetcher(limits),
                     new org.cryptosec.reader.task.PooledTaskExecutor(3), new org.cryptosec.reader.task.PooledTaskExecutor(12),
                     new RefreshScheduleTest.HandClock())) {
            String page = server.url("/news/bridge-hack");
            for (String name : List.of("a", "b", "c")) {
                server.serve("/" + name + ".xml", "application/rss+xml", rss(name, name + "-1", "Bridge hacked", page));
            }
            server.route("/news/bridge-hack", ex -> {
                if (requests.incrementAndGet() == 1) {
                    firstAsked.countDown();
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                TestServer.send(ex, 200, "text/html", PAGE);
            });
            List<Long> ids = library.subscribeAll(List.of(new CatalogueEntry("A", server.url("/a.xml"), null, null),
                    new CatalogueEntry("B", server.url("/b.xml"), null, null),
                    new CatalogueEntry("C", server.url("/c.xml"), null, null))).stream().map(f -> f.id()).toList();
            Cancellation stopA = new Cancellation();
            java.util.concurrent.Future<RefreshReport> a = callers.submit(
                    () -> library.refresh(ids.subList(0, 1), (d, t, m) -> { }, stopA));
            assertTrue(firstAsked.await(10, TimeUnit.SECONDS), "feed A fetches the page");
            java.util.concurrent.Future<RefreshReport> bc = callers.submit(
                    () -> library.refresh(ids.subList(1, 3), (d, t, m) -> { }, new Cancellation()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.hits("/b.xml") + server.hits("/c.xml") < 2) {
                assertTrue(System.nanoTime() < deadline, "feeds B and C are fetched");
                Thread.sleep(5);
            }
            Thread.sleep(500); // B and C get past the duplicate check (nothing stored yet) and wait for A's fetch
            stopA.cancel();
            release.countDown();
            assertEquals(0, a.get(20, TimeUnit.SECONDS).newArticles(), "A stopped before storing the page");
            RefreshReport report = bc.get(20, TimeUnit.SECONDS);
            assertEquals(1, report.newArticles(), String.valueOf(report.feeds()));
            assertEquals(1, library.articleCount());
            assertEquals(2, requests.get(), "A's fetch and one more: the third feed waited for the second");
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
    }

    /** The shared article page both tests serve. */
    private static final byte[] PAGE = ("<html><head><title>Bridge hacked</title></head><body><article>"
            + "<h1>Bridge hacked</h1><p>" + "Attackers drained the bridge's hot wallet. ".repeat(20)
            + "</p></article></body></html>").getBytes(StandardCharsets.UTF_8);

    private static byte[] rss(String title, String guid, String itemTitle, String link) {
        return ("<rss version=\"2.0\"><channel><title>" + title + "</title><link>http://x/</link><description>d"
                + "</description><item><title>" + itemTitle + "</title><link>" + link + "</link><guid>" + guid
                + "</guid></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
    }
}
