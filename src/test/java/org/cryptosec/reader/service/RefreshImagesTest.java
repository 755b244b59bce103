package org.cryptosec.reader.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** An article's images are stored one by one as they arrive, not all held in memory until the article is stored. */
class RefreshImagesTest {

    @TempDir
    Path dir;

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Test
    void eachImageIsStoredAsSoonAsItIsFetched() throws Exception {
        FetchLimits limits = new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(20), 1_000_000, 5, "test");
        CountDownLatch secondRequested = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (TestServer server = new TestServer();
             PooledTaskExecutor caller = new PooledTaskExecutor(1);
             Library library = new Library(dir, Database.open(dir.resolve("library.db")),
                     ArticleIndex.openOrRecreate(Library.indexDir(dir)), new HttpFetcher(limits), new HttpFetcher(limits),
                     new PooledTaskExecutor(2), new PooledTaskExecutor(8), new RefreshScheduleTest.HandClock())) {
            String first = server.url("/img/1.png");
            String second = server.url("/img/2.png");
            server.serve("/f.xml", "application/rss+xml", ("<rss version=\"2.0\"><channel><title>T</title>"
                    + "<link>http://x/</link><description>d</description><item><title>Exploit</title><link>"
                    + server.url("/a") + "</link><guid>a</guid></item></channel></rss>").getBytes(StandardCharsets.UTF_8));
            server.serve("/a", "text/html", ("<html><head><title>Exploit</title></head><body><article><h1>Exploit</h1>"
                    + "<p>" + "The lending protocol lost funds to a price oracle attack. ".repeat(20) + "</p>"
                    + "<img src=\"" + first + "\"><p>More text about the attack and the stolen funds.</p>"
                    + "<img src=\"" + second + "\"></article></body></html>").getBytes(StandardCharsets.UTF_8));
            server.serve("/img/1.png", "image/png", PNG);
            server.route("/img/2.png", ex -> {
                secondRequested.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                TestServer.send(ex, 200, "image/png", PNG);
            });
            Feed feed = library.subscribeAll(List.of(new CatalogueEntry("t", server.url("/f.xml"), null, null))).get(0);
            Future<RefreshReport> report = caller.execute(
                    () -> library.refresh(List.of(feed.id()), (d, t, m) -> { }, new Cancellation()));
            try {
                assertTrue(secondRequested.await(10, TimeUnit.SECONDS), "the second image was asked for");
                assertTrue(library.image(first).isPresent(), "the first image is stored while the second is still coming");
            } finally {
                release.countDown();
            }
            assertEquals(1, report.get(10, TimeUnit.SECONDS).newArticles());
            long id = library.articles(org.cryptosec.reader.model.ArticleFilter.ALL, 0, 10)
                    .items().get(0).id();
            assertEquals(2, library.images(id).size(), "both linked to the article");
            assertTrue(library.image(second).isPresent());
        }
    }
}
