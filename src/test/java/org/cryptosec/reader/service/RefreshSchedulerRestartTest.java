package org.cryptosec.reader.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cryptosec.reader.model.CatalogueEntry;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.net.FetchLimits;
import org.cryptosec.reader.net.HttpFetcher;
import org.cryptosec.reader.search.ArticleIndex;
import org.cryptosec.reader.store.Database;
import org.cryptosec.reader.task.PooledTaskExecutor;
import org.cryptosec.reader.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** start() right after stop() starts a new loop instead of trusting the old, cancelled one. */
class RefreshSchedulerRestartTest {

    @TempDir
    Path dir;

    @Test
    void startRightAfterStopRunsAgain() throws Exception {
        RefreshScheduleTest.HandClock clock = new RefreshScheduleTest.HandClock();
        FetchLimits limits = new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(5), 1_000_000, 5, "test");
        try (TestServer server = new TestServer();
             Library library = new Library(dir, Database.open(dir.resolve("library.db")),
                     ArticleIndex.openOrRecreate(Library.indexDir(dir)), new HttpFetcher(limits), new HttpFetcher(limits),
                     new PooledTaskExecutor(2), clock);
             PooledTaskExecutor executor = new PooledTaskExecutor(2)) {
            server.serve("/f.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>T</title>"
                    + "<link>http://x/</link><description>d</description></channel></rss>");
            Feed feed = library.subscribeAll(List.of(new CatalogueEntry("t", server.url("/f.xml"), null, null))).get(0);
            CountDownLatch first = new CountDownLatch(1);
            CountDownLatch second = new CountDownLatch(2);
            RefreshScheduler scheduler = new RefreshScheduler(library, executor, Duration.ofHours(1), null, r -> {
                first.countDown();
                second.countDown();
            });
            scheduler.start();
            assertTrue(first.await(10, TimeUnit.SECONDS), "the first round refreshes the never-fetched feed");

            scheduler.stop();
            scheduler.start();
            assertTrue(scheduler.isRunning());
            clock.now = library.feed(feed.id()).orElseThrow().nextFetch();
            // the tick is an hour: only a running loop woken up fetches again
            scheduler.wakeUp();
            assertTrue(second.await(10, TimeUnit.SECONDS), "the restarted scheduler refreshes the due feed");
            assertEquals(2, server.hits("/f.xml"));
            scheduler.stop();
        }
    }
}
