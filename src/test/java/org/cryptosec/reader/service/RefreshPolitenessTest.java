package org.cryptosec.reader.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.task.Cancellation;
import org.cryptosec.reader.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefreshPolitenessTest {

    @TempDir
    Path dir;

    @Test
    void feedsOfOneHostAreFetchedAtMostTwoAtATime() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (TestServer server = new TestServer()) {
            StringBuilder outlines = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                String path = "/feed-" + i + ".xml";
                server.route(path, slowAndCounted(inFlight, most, 150, "application/rss+xml",
                        "<rss version=\"2.0\"><channel><title>F</title>"
                                + "<link>http://x/</link><description>d</description></channel></rss>"));
                outlines.append("<outline text=\"f\" xmlUrl=\"").append(server.url(path)).append("\"/>");
            }
            Path opml = Files.writeString(dir.resolve("f.opml"),
                    "<opml version=\"2.0\"><head/><body>" + outlines + "</body></opml>");
            try (Library library = Library.open(dir.resolve("lib"))) {
                library.importOpml(opml);
                RefreshReport report = library.refresh(List.of(), (d, t, m) -> { }, new Cancellation());
                assertEquals(6, report.feeds().size());
                assertTrue(report.feeds().stream().allMatch(f -> f.status() == FeedRefreshResult.Status.OK));
            }
        }
        assertTrue(most.get() <= Library.PER_HOST_PARALLELISM, "at most 2 at once, saw " + most.get());
        assertTrue(most.get() >= 1);
    }

    @Test
    void aFeedsPagesAreFetchedInParallelButNeverMoreThanFourAtATimeFromOneHost() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (TestServer server = new TestServer()) {
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                String path = "/page-" + i + ".html";
                server.route(path, slowAndCounted(inFlight, most, 100, "text/html",
                        "<html><body><article><h1>Page</h1><p>Attackers moved the stolen coins through a bridge and"
                                + " a mixer before an exchange froze them.</p></article></body></html>"));
                items.append("<item><title>Item ").append(i).append("</title><link>").append(server.url(path))
                        .append("</link></item>");
            }
            server.serve("/feed.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>F</title>"
                    + "<link>http://x/</link><description>d</description>" + items + "</channel></rss>");
            try (Library library = Library.open(dir.resolve("lib"))) {
                Feed feed = library.subscribeAll(List.of(new org.cryptosec.reader.model.CatalogueEntry("f",
                        server.url("/feed.xml"), null, null))).get(0);
                RefreshReport report = library.refresh(List.of(feed.id()), (d, t, m) -> { }, new Cancellation());
                assertEquals(16, report.newArticles());
            }
        }
        assertTrue(most.get() <= Library.MAX_CONNECTIONS_PER_HOST, "at most 4 at once, saw " + most.get());
        assertTrue(most.get() >= 2, "pages of one feed are fetched in parallel, saw " + most.get());
    }

    @Test
    void cancellingARefreshStopsFetchingPages() throws Exception {
        Cancellation cancellation = new Cancellation();
        AtomicInteger pages = new AtomicInteger();
        try (TestServer server = new TestServer()) {
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                String path = "/p-" + i + ".html";
                server.route(path, ex -> {
                    pages.incrementAndGet();
                    cancellation.cancel();
                    TestServer.send(ex, 200, "text/html", "<html><body><p>x</p></body></html>"
                            .getBytes(StandardCharsets.UTF_8));
                });
                items.append("<item><title>Item ").append(i).append("</title><link>").append(server.url(path))
                        .append("</link></item>");
            }
            server.serve("/feed.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>F</title>"
                    + "<link>http://x/</link><description>d</description>" + items + "</channel></rss>");
            try (Library library = Library.open(dir.resolve("lib"))) {
                library.subscribeAll(List.of(new org.cryptosec.reader.model.CatalogueEntry("f",
                        server.url("/feed.xml"), null, null)));
                library.refresh(List.of(), (d, t, m) -> { }, cancellation);
            }
        }
        assertTrue(pages.get() >= 1 && pages.get() <= 2 * Library.MAX_CONNECTIONS_PER_HOST,
                "pages already under way finish, no new ones start: " + pages.get());
    }

    @Test
    void theConnectionBudgetBoundsRequestsOverallAndPerHost() throws Exception {
        ConnectionBudget budget = new ConnectionBudget(3, 2);
        ConnectionBudget.Permit a1 = budget.acquire("https://a.example/1");
        ConnectionBudget.Permit a2 = budget.acquire("https://a.example/2");
        assertNull(budget.tryAcquire("https://a.example/3"), "two per host: a third to a.example is refused");
        ConnectionBudget.Permit b1 = budget.acquire("https://b.example/1");
        assertNull(budget.tryAcquire("https://c.example/1"), "three in flight overall: a fourth is refused");

        a1.close();
        a1.close(); // idempotent: gives back one slot only
        ConnectionBudget.Permit c1 = budget.tryAcquire("https://c.example/1");
        assertNotNull(c1, "the slot given back is free again");
        assertNull(budget.tryAcquire("https://d.example/1"), "a second close gave back nothing more");

        java.util.concurrent.CompletableFuture<ConnectionBudget.Permit> waiter = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    try {
                        return budget.acquire("https://d.example/1");
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
        c1.close();
        ConnectionBudget.Permit d1 = waiter.get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertNotNull(d1, "a waiter gets the slot given back");
        d1.close();
        a2.close();
        b1.close();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new ConnectionBudget(0, 1));
    }

    @Test
    void aWaitForTheBudgetEndsWhenTheRefreshIsCancelled() throws Exception {
        ConnectionBudget budget = new ConnectionBudget(1, 1);
        ConnectionBudget.Permit held = budget.acquire("https://a.example/1");
        Cancellation cancellation = new Cancellation();
        java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<ConnectionBudget.Permit> waiter = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    try {
                        waiting.countDown();
                        return budget.acquire("https://b.example/1", cancellation);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
        assertTrue(waiting.await(5, java.util.concurrent.TimeUnit.SECONDS));
        cancellation.cancel();
        assertNull(waiter.get(5, java.util.concurrent.TimeUnit.SECONDS), "cancelled: no permit, no interrupt needed");
        held.close();
        ConnectionBudget.Permit again = budget.tryAcquire("https://b.example/1");
        assertNotNull(again, "the cancelled waiter took nothing");
        again.close();
    }

    /** Answers after {@code millis}, keeping count of the requests in flight and the most at once. */
    private static TestServer.Handler slowAndCounted(AtomicInteger inFlight, AtomicInteger most, long millis,
                                                     String type, String body) {
        return ex -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            TestServer.send(ex, 200, type, body.getBytes(StandardCharsets.UTF_8));
        };
    }

    @Test
    void feedsAreInterleavedByHost() {
        List<Feed> feeds = List.of(feed("https://a.example/1"), feed("https://a.example/2"), feed("https://a.example/3"),
                feed("https://b.example/1"), feed("https://c.example/1"), feed("https://b.example/2"));
        List<String> order = Library.interleaveByHost(feeds).stream().map(Feed::url).toList();
        assertEquals(List.of("https://a.example/1", "https://b.example/1", "https://c.example/1",
                "https://a.example/2", "https://b.example/2", "https://a.example/3"), order);
    }

    private static Feed feed(String url) {
        return Feed.newFeed(url, null, null, null);
    }
}
