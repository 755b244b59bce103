package org.cryptosec.reader.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cryptosec.reader.model.CatalogueEntry;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.net.FetchLimits;
import org.cryptosec.reader.net.HttpFetcher;
import org.cryptosec.reader.search.ArticleIndex;
import org.cryptosec.reader.store.Database;
import org.cryptosec.reader.task.Cancellation;
import org.cryptosec.reader.task.PooledTaskExecutor;
import org.cryptosec.reader.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cancelled or interrupted refresh stops fetching and is never recorded as the feed's failure or success. */
class RefreshCancellationTest {

    @TempDir
    Path dir;

    private final RefreshScheduleTest.HandClock clock = new RefreshScheduleTest.HandClock();
    private final FetchLimits limits = new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(20), 1_000_000, 5, "test");

    private static Feed subscribe(Library library, String url) {
        return library.subscribeAll(List.of(new CatalogueEntry("t", url, null, null))).get(0);
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertTrue(latch.await(10, TimeUnit.SECONDS), "timed out waiting for the server");
    }

    @Test
    void aFetchInterruptedByShutdownIsNotAFeedFailure() throws Exception {
        CountDownLatch requested = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PooledTaskExecutor workers = new PooledTaskExecutor(2);
        try (TestServer server = new TestServer();
             PooledTaskExecutor pages = new PooledTaskExecutor(4);
             PooledTaskExecutor caller = new PooledTaskExecutor(1);
             Library library = new Library(dir, Database.open(dir.resolve("library.db")),
                     ArticleIndex.openOrRecreate(Library.indexDir(dir)), new HttpFetcher(limits), new HttpFetcher(limits),
                     workers, pages, clock)) {
            server.route("/f.xml", ex -> {
                requested.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                TestServer.send(ex, 200, "application/rss+xml", new byte[0]);
            });
            Feed feed = subscribe(library, server.url("/f.xml"));
            Future<RefreshReport> report = caller.execute(
                    () -> library.refresh(List.of(feed.id()), (d, t, m) -> { }, new Cancellation()));
            await(requested);
            workers.close(); // what closing the app does: the feed's thread is interrupted mid-fetch
            release.countDown();
            report.get(10, TimeUnit.SECONDS);
            Feed after = library.feed(feed.id()).orElseThrow();
            assertEquals(0, after.errorCount(), "an interrupted fetch is not the feed's failure");
            assertNull(after.lastError());
            assertNull(after.nextFetch(), "no backoff: still due");
        } finally {
            release.countDown();
        }
    }

    @Test
    void cancellingMidFeedFetchesNothingMoreAndKeepsTheFeedDue() throws Exception {
        CountDownLatch pageRequested = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (TestServer server = new TestServer();
             PooledTaskExecutor caller = new PooledTaskExecutor(1);
             Library library = new Library(dir, Database.open(dir.resolve("library.db")),
                     ArticleIndex.openOrRecreate(Library.indexDir(dir)), new HttpFetcher(limits), new HttpFetcher(limits),
                     new PooledTaskExecutor(2), new PooledTaskExecutor(8), clock)) {
            server.serve("/f.xml", "application/rss+xml", ("<rss version=\"2.0\"><channel><title>T</title>"
                    + "<link>" + server.url("/") + "</link><description>d</description>"
                    + "<item><title>One</title><link>" + server.url("/a1") + "</link><guid>1</guid></item>"
                    + "</channel></rss>").getBytes(StandardCharsets.UTF_8));
            server.route("/a1", ex -> {
                pageRequested.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                TestServer.send(ex, 200, "text/html", ("<html><head><title>One</title></head><body><article><h1>One</h1>"
                        + "<p>" + "A long enough paragraph about a bridge exploit. ".repeat(20) + "</p>"
                        + "<img src=\"" + server.url("/img.png") + "\"></article></body></html>")
                        .getBytes(StandardCharsets.UTF_8));
            });
            server.serve("/img.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
            Feed feed = subscribe(library, server.url("/f.xml"));
            Cancellation cancellation = new Cancellation();
            Future<RefreshReport> report = caller.execute(
                    () -> library.refresh(List.of(feed.id()), (d, t, m) -> { }, cancellation));
            await(pageRequested);
            cancellation.cancel();
            release.countDown();
            report.get(10, TimeUnit.SECONDS);
            assertEquals(0, server.hits("/img.png"), "no image fetched after the cancel");
            Feed after = library.feed(feed.id()).orElseThrow();
            assertEquals(0, after.errorCount());
            assertNull(after.lastFetched(), "a cancelled refresh is not recorded as a success either");
            assertNull(after.nextFetch(), "still due, so the rest comes next time");
        } finally {
            release.countDown();
        }
    }
}
