package org.cryptosec.reader.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each feed's next fetch follows the server's and the feed's hints, backs off on errors and pauses when hopeless. */
class RefreshScheduleTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dir;

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        volatile Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();

    private Library library() {
        FetchLimits limits = new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(5), 1_000_000, 5, "test");
        return new Library(dir, Database.open(dir.resolve("library.db")),
                ArticleIndex.openOrRecreate(Library.indexDir(dir)), new HttpFetcher(limits), new HttpFetcher(limits),
                new PooledTaskExecutor(2), clock);
    }

    private static String rss(String channelExtra) {
        return "<rss version=\"2.0\" xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\"><channel><title>T</title>"
                + "<link>http://x/</link><description>d</description>" + channelExtra + "</channel></rss>";
    }

    private static Feed subscribe(Library library, String url) {
        return library.subscribeAll(List.of(new CatalogueEntry("t", url, null, null))).get(0);
    }

    private Feed refreshOnce(Library library, Feed feed) {
        library.refresh(List.of(feed.id()), (d, t, m) -> { }, new Cancellation());
        return library.feed(feed.id()).orElseThrow();
    }

    @ParameterizedTest(name = "{0} + {1} -> next fetch in {2} min")
    @CsvSource(delimiter = '|', value = {
        "                                   |                                                       | 60",
        "Cache-Control: max-age=7200        |                                                       | 120",
        "Cache-Control: public, max-age=60  |                                                       | 15",
        "Expires: IN_180_MIN                |                                                       | 180",
        "Cache-Control: no-cache            |                                                       | 15",
        "                                   | <ttl>30</ttl>                                         | 30",
        "                                   | <ttl>100000</ttl>                                     | 1440",
        "                                   | <sy:updatePeriod>daily</sy:updatePeriod>              | 1440",
        "                                   | <sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency> | 30",
        "Cache-Control: max-age=600         | <ttl>45</ttl>                                         | 45",
    })
    void theNextFetchFollowsTheHintsWithinBounds(String header, String channelExtra, long minutes) throws Exception {
        try (TestServer server = new TestServer(); Library library = library()) {
            server.route("/f.xml", ex -> {
                if (header != null) {
                    int colon = header.indexOf(':');
                    ex.getResponseHeaders().set(header.substring(0, colon).trim(), httpValue(header.substring(colon + 1)));
                }
                TestServer.send(ex, 200, "application/rss+xml",
                        rss(channelExtra == null ? "" : channelExtra).getBytes(StandardCharsets.UTF_8));
            });
            Feed feed = refreshOnce(library, subscribe(library, server.url("/f.xml")));
            assertNull(feed.lastError());
            assertEquals(NOW.plus(Duration.ofMinutes(minutes)), feed.nextFetch());
        }
    }

    /** {@code IN_<n>_MIN} becomes the HTTP-date n minutes from the real now (the server's Date is the real now). */
    private static String httpValue(String value) {
        String v = value.trim();
        if (v.startsWith("IN_") && v.endsWith("_MIN")) {
            long minutes = Long.parseLong(v.substring(3, v.length() - 4));
            return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    Instant.now().plus(Duration.ofMinutes(minutes)).atZone(ZoneOffset.UTC));
        }
        return v;
    }

    @Test
    void a304KeepsTheIntervalTheFeedAnnounced() throws Exception {
        try (TestServer server = new TestServer(); Library library = library()) {
            server.route("/f.xml", ex -> {
                ex.getResponseHeaders().set("ETag", "\"v1\"");
                if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    TestServer.send(ex, 304, null, new byte[0]);
                } else {
                    TestServer.send(ex, 200, "application/rss+xml", rss("<ttl>180</ttl>").getBytes(StandardCharsets.UTF_8));
                }
            });
            Feed feed = refreshOnce(library, subscribe(library, server.url("/f.xml")));
            assertEquals(java.util.Optional.of(NOW.plus(Duration.ofHours(3))), library.nextDue());
            clock.now = feed.nextFetch();
            assertEquals(List.of(feed.id()), library.dueFeeds().stream().map(Feed::id).toList());
            RefreshReport second = library.refreshDue((d, t, m) -> { }, new Cancellation());
            assertEquals(FeedRefreshResult.Status.NOT_MODIFIED, second.feeds().get(0).status());
            assertEquals(clock.now.plus(Duration.ofHours(3)), library.feed(feed.id()).orElseThrow().nextFetch());
            assertTrue(library.dueFeeds().isEmpty());
        }
    }

    @ParameterizedTest(name = "HTTP {0} with Retry-After {1} -> retry in {2} min")
    @CsvSource({
        "503, 7200, 120",
        "429, 60, 15",
        "503, IN_150_MIN, 150",
        "429, 999999, 1440",
        "500, 7200, 15",
    })
    void retryAfterIsHonouredOnTooManyRequestsAndUnavailable(int status, String retryAfter, long minutes)
            throws Exception {
        try (TestServer server = new TestServer(); Library library = library()) {
            server.route("/f.xml", ex -> {
                ex.getResponseHeaders().set("Retry-After", httpValue(retryAfter));
                TestServer.send(ex, status, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
            });
            Feed feed = refreshOnce(library, subscribe(library, server.url("/f.xml")));
            assertTrue(feed.lastError().contains(String.valueOf(status)), feed.lastError());
            assertFalse(feed.paused());
            // an HTTP-date has whole seconds and is read against the real clock: allow a minute
            long seconds = Duration.between(NOW, feed.nextFetch()).toSeconds();
            assertTrue(Math.abs(seconds - minutes * 60) <= (retryAfter.startsWith("IN_") ? 60 : 0),
                    "retry in " + seconds + " s, expected " + minutes + " min");
        }
    }

    @Test
    void errorsBackOffExponentiallyUpToADayThenTheFeedPausesAfterTenInARow() throws Exception {
        try (TestServer server = new TestServer(); Library library = library()) {
            server.route("/f.xml", ex -> TestServer.send(ex, 500, "text/plain", new byte[] {'x'}));
            Feed feed = subscribe(library, server.url("/f.xml"));
            long[] expectedMinutes = {15, 30, 60, 120, 240, 480, 960, 1440, 1440};
            for (long minutes : expectedMinutes) {
                clock.now = clock.now.plus(Duration.ofDays(2));
                assertEquals(List.of(feed.id()), library.dueFeeds().stream().map(Feed::id).toList());
                library.refreshDue((d, t, m) -> { }, new Cancellation());
                Feed after = library.feed(feed.id()).orElseThrow();
                assertEquals(clock.now.plus(Duration.ofMinutes(minutes)), after.nextFetch());
                assertFalse(after.paused());
            }
            clock.now = clock.now.plus(Duration.ofDays(2));
            library.refreshDue((d, t, m) -> { }, new Cancellation());
            Feed paused = library.feed(feed.id()).orElseThrow();
            assertTrue(paused.paused());
            assertEquals(10, paused.errorCount());
            assertTrue(paused.pausedReason().contains("10 times in a row"), paused.pausedReason());
            assertTrue(paused.pausedReason().contains("500"), paused.pausedReason());

            clock.now = clock.now.plus(Duration.ofDays(30));
            assertTrue(library.dueFeeds().isEmpty(), "a paused feed is never due");
            assertEquals(List.of(feed.id()), library.pausedFeeds().stream().map(Feed::id).toList());
            int hits = server.totalHits();
            RefreshReport all = library.refresh(List.of(), (d, t, m) -> { }, new Cancellation());
            assertTrue(all.feeds().isEmpty(), "refreshing everything leaves paused feeds alone");
            assertEquals(hits, server.totalHits());
        }
    }

    @Test
    void goneFeedsPauseAtOnceAndTheUserCanRetryThem() throws Exception {
        try (TestServer server = new TestServer(); Library library = library()) {
            boolean[] back = {false};
            server.route("/f.xml", ex -> {
                if (back[0]) {
                    TestServer.send(ex, 200, "application/rss+xml", rss("").getBytes(StandardCharsets.UTF_8));
                } else {
                    TestServer.send(ex, 410, "text/plain", new byte[] {'x'});
                }
            });
            Feed feed = refreshOnce(library, subscribe(library, server.url("/f.xml")));
            assertTrue(feed.paused());
            assertTrue(feed.pausedReason().contains("410"), feed.pausedReason());
            assertNull(feed.nextFetch());
            assertTrue(library.dueFeeds().isEmpty());

            assertTrue(library.retryFeed(feed.id()));
            assertFalse(library.retryFeed(feed.id()), "no longer paused");
            Feed retried = library.feed(feed.id()).orElseThrow();
            assertFalse(retried.paused());
            assertEquals(0, retried.errorCount());
            assertEquals(List.of(feed.id()), library.dueFeeds().stream().map(Feed::id).toList());

            refreshOnce(library, feed);
            assertTrue(library.feed(feed.id()).orElseThrow().paused(), "still gone: paused again");
            back[0] = true;
            Feed explicit = refreshOnce(library, feed);
            assertFalse(explicit.paused(), "an explicit refresh unpauses");
            assertNull(explicit.lastError());
        }
    }

    @Test
    void aFeedWhoseAnswerFindsNoRoomHereIsNeitherAFailureNorDueAtEveryTick() throws Exception {
        int mb = 1 << 20;
        FetchLimits limits = new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(4), 2L * mb, 5, "test");
        HttpFetcher pages = new HttpFetcher(limits, 2L * mb);
        java.util.concurrent.CountDownLatch sent = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (TestServer server = new TestServer();
             Library library = new Library(dir, Database.open(dir.resolve("library.db")),
                     ArticleIndex.openOrRecreate(Library.indexDir(dir)), pages, new HttpFetcher(limits),
                     new PooledTaskExecutor(2), clock)) {
            server.route("/hog", ex -> { // another large download holding nearly the whole budget
                ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
                ex.sendResponseHeaders(200, 0);
                try (java.io.OutputStream out = ex.getResponseBody()) {
                    out.write(new byte[2 * mb - 50_000]);
                    out.flush();
                    sent.countDown();
                    release.await(20, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.serve("/big.xml", "application/rss+xml", new byte[mb + mb / 2]);
            Feed feed = subscribe(library, server.url("/big.xml"));
            java.util.concurrent.Future<?> hog = pool.submit(() -> pages.fetch(server.url("/hog")));
            assertTrue(sent.await(10, java.util.concurrent.TimeUnit.SECONDS));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (pages.largeBodyBytesHeld() < 2L * mb - 50_000) {
                assertTrue(System.nanoTime() < deadline, "the hog holds the budget: " + pages.largeBodyBytesHeld());
                Thread.sleep(5);
            }

            RefreshReport report = library.refresh(List.of(feed.id()), (d, t, m) -> { }, new Cancellation());
            assertTrue(report.feeds().get(0).error().contains("no memory free"), report.feeds().get(0).error());
            Feed after = library.feed(feed.id()).orElseThrow();
            assertEquals(0, after.errorCount(), "not the feed's fault");
            assertNull(after.lastError());
            assertFalse(after.paused());
            assertEquals(NOW.plus(RefreshPolicy.AFTER_NO_CAPACITY), after.nextFetch());
            assertTrue(library.dueFeeds().isEmpty(), "not due again at the next tick");
            clock.now = NOW.plus(RefreshPolicy.AFTER_NO_CAPACITY);
            assertEquals(List.of(feed.id()), library.dueFeeds().stream().map(Feed::id).toList());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void notFoundPausesOnlyAfterThreeInARow() throws Exception {
        try (TestServer server = new TestServer(); Library library = library()) {
            Feed feed = subscribe(library, server.url("/missing.xml"));
            for (int i = 1; i <= 3; i++) {
                clock.now = clock.now.plus(Duration.ofDays(2));
                library.refreshDue((d, t, m) -> { }, new Cancellation());
                assertEquals(i == 3, library.feed(feed.id()).orElseThrow().paused(), "after " + i + " 404s");
            }
            assertTrue(library.feed(feed.id()).orElseThrow().pausedReason().contains("404"));
        }
    }

    @Test
    void theSchedulerRefreshesDueFeedsUntilStopped() throws Exception {
        try (TestServer server = new TestServer(); Library library = library();
             PooledTaskExecutor executor = new PooledTaskExecutor(1)) {
            server.serve("/f.xml", "application/rss+xml", rss(""));
            Feed feed = subscribe(library, server.url("/f.xml"));
            List<RefreshReport> reports = new CopyOnWriteArrayList<>();
            RefreshScheduler scheduler = new RefreshScheduler(library, executor, Duration.ofMillis(20), null, reports::add);
            scheduler.start();
            scheduler.start(); // idempotent
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (reports.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, reports.size(), "the never-fetched feed was due once; the fixed clock keeps it not due");
            assertEquals(feed.id(), reports.get(0).feeds().get(0).feedId());
            assertEquals(1, server.hits("/f.xml"));

            clock.now = library.feed(feed.id()).orElseThrow().nextFetch();
            scheduler.wakeUp();
            deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (reports.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(2, server.hits("/f.xml"), "due again once the clock reached its next fetch");

            scheduler.stop();
            deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (scheduler.isRunning() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertFalse(scheduler.isRunning());
            clock.now = clock.now.plus(Duration.ofDays(1));
            Thread.sleep(100);
            assertEquals(2, server.hits("/f.xml"), "nothing is fetched after stop");
        }
    }
}
