package org.cryptosec.reader.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
                server.route(path, ex -> {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(150);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inFlight.decrementAndGet();
                    TestServer.send(ex, 200, "application/rss+xml", ("<rss version=\"2.0\"><channel><title>F</title>"
                            + "<link>http://x/</link><description>d</description></channel></rss>")
                            .getBytes(StandardCharsets.UTF_8));
                });
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
