package org.cryptosec.reader.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.cryptosec.reader.model.CatalogueEntry;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.net.FetchLimits;
import org.cryptosec.reader.net.HttpFetcher;
import org.cryptosec.reader.search.ArticleIndex;
import org.cryptosec.reader.store.Database;
import org.cryptosec.reader.store.FeedRepository;
import org.cryptosec.reader.task.Cancellation;
import org.cryptosec.reader.task.PooledTaskExecutor;
import org.cryptosec.reader.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only 404s in a row pause a feed for "not found"; retry resets failing feeds; a scheduled round never unpauses. */
class RefreshPauseRulesTest {

    @TempDir
    Path dir;

    private final RefreshScheduleTest.HandClock clock = new RefreshScheduleTest.HandClock();

    private Library library() {
        FetchLimits limits = new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(5), 1_000_000, 5, "test");
        return new Library(dir, Database.open(dir.resolve("library.db")),
                ArticleIndex.openOrRecreate(Library.indexDir(dir)), new HttpFetcher(limits), new HttpFetcher(limits),
                new PooledTaskExecutor(2), clock);
    }

    private static Feed subscribe(Library library, String url) {
        return library.subscribeAll(List.of(new CatalogueEntry("t", url, null, null))).get(0);
    }

    private static final String RSS = "<rss version=\"2.0\"><channel><title>T</title><link>http://x/</link>"
            + "<description>d</description></channel></rss>";

    @Test
    void otherFailuresBeforeA404DoNotCountTowardTheNotFoundPause() throws Exception {
        try (TestServer server = new TestServer(); Library library = library()) {
            AtomicInteger status = new AtomicInteger(500);
            server.route("/f.xml", ex -> TestServer.send(ex, status.get(), "text/plain", new byte[] {'x'}));
            Feed feed = subscribe(library, server.url("/f.xml"));
            int[] answers = {500, 500, 404, 404, 404};
            for (int i = 0; i < answers.length; i++) {
                status.set(answers[i]);
                clock.now = clock.now.plus(Duration.ofDays(2));
                library.refreshDue((d, t, m) -> { }, new Cancellation());
                Feed after = library.feed(feed.id()).orElseThrow();
                assertEquals(i == answers.length - 1, after.paused(), "after answer " + (i + 1) + ": " + answers[i]);
            }
            assertTrue(library.feed(feed.id()).orElseThrow().pausedReason().contains("404) 3 times"),
                    library.feed(feed.id()).orElseThrow().pausedReason());
        }
    }

    @Test
    void retryResetsAFailingFeedThatIsNotPaused() throws Exception {
        try (TestServer server = new TestServer(); Library library = library()) {
            server.route("/f.xml", ex -> TestServer.send(ex, 500, "text/plain", new byte[] {'x'}));
            Feed feed = subscribe(library, server.url("/f.xml"));
            for (int i = 0; i < 2; i++) {
                clock.now = clock.now.plus(Duration.ofDays(2));
                library.refreshDue((d, t, m) -> { }, new Cancellation());
            }
            Feed failing = library.feed(feed.id()).orElseThrow();
            assertEquals(2, failing.errorCount());
            assertTrue(library.dueFeeds().isEmpty(), "backing off");

            assertFalse(library.retryFeed(feed.id()), "it was not paused");
            Feed retried = library.feed(feed.id()).orElseThrow();
            assertEquals(0, retried.errorCount());
            assertNull(retried.nextFetch());
            assertEquals(List.of(feed.id()), library.dueFeeds().stream().map(Feed::id).toList());
        }
    }

    @Test
    void aFeedPausedWhileAScheduledRoundStartsStaysPausedAndIsNotFetched() throws Exception {
        try (TestServer server = new TestServer(); Library library = library();
             Database other = Database.open(dir.resolve("library.db"))) {
            server.serve("/a.xml", "application/rss+xml", RSS.getBytes(StandardCharsets.UTF_8));
            server.serve("/b.xml", "application/rss+xml", RSS.getBytes(StandardCharsets.UTF_8));
            subscribe(library, server.url("/a.xml"));
            Feed b = subscribe(library, server.url("/b.xml"));
            FeedRepository otherFeeds = new FeedRepository(other);
            RefreshReport report = library.refreshDue((done, total, message) -> {
                if (done == 0) { // the round has its list; the user (or another round) pauses b now
                    otherFeeds.recordErrorAndPause(b.id(), "HTTP 410 Gone", clock.now, "gone");
                }
            }, new Cancellation());
            assertEquals(1, server.hits("/a.xml"));
            assertEquals(0, server.hits("/b.xml"), "a paused feed is not fetched by a scheduled round");
            assertTrue(library.feed(b.id()).orElseThrow().paused(), "a scheduled round never unpauses");
            assertEquals(1, report.feeds().size());
        }
    }
}
