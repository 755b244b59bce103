package org.cryptosec.reader.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
                TestServer.send(ex, 200, "text/html", ("<html><head><title>Bridge hacked</title></head><body><article>"
                        + "<h1>Bridge hacked</h1><p>" + "Attackers drained the bridge's hot wallet. ".repeat(20)
                        + "</p></article></body></html>").getBytes(StandardCharsets.UTF_8));
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

    private static byte[] rss(String title, String guid, String itemTitle, String link) {
        return ("<rss version=\"2.0\"><channel><title>" + title + "</title><link>http://x/</link><description>d"
                + "</description><item><title>" + itemTitle + "</title><link>" + link + "</link><guid>" + guid
                + "</guid></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
    }
}
