package org.cryptosec.reader.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cryptosec.reader.net.FetchLimits;
import org.cryptosec.reader.net.HttpFetcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedDiscoveryTest {

    /** One small site per test: path (with query) to content type and body; everything else is a 404. */
    private final Map<String, String[]> site = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private String base;
    private FeedDiscovery discovery;

    private static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>%s</title><link>%s</link><description>d</description>
            <item><title>One</title><link>https://site.example/one</link></item></channel></rss>
            """;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String key = ex.getRequestURI().getRawPath()
                    + (ex.getRequestURI().getRawQuery() != null ? "?" + ex.getRequestURI().getRawQuery() : "");
            requested.add(key);
            String[] page = site.get(key);
            byte[] body = page == null ? "not found".getBytes(StandardCharsets.UTF_8) : page[1].getBytes(StandardCharsets.UTF_8);
            if (page != null && page[0].startsWith("redirect:")) {
                ex.getResponseHeaders().add("Location", page[0].substring("redirect:".length()));
                ex.sendResponseHeaders(301, -1);
                ex.close();
                return;
            }
            ex.getResponseHeaders().add("Content-Type", page == null ? "text/plain" : page[0]);
            ex.sendResponseHeaders(page == null ? 404 : 200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        HttpFetcher fetcher = new HttpFetcher(new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(3),
                1024 * 1024, 5, "CryptosecReader-Test"));
        discovery = new FeedDiscovery(fetcher, new FeedParser());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serve(String path, String type, String body) {
        site.put(path, new String[] {type, body});
    }

    @Test
    void feedUrlIsTakenAsIs() throws Exception {
        serve("/feed.xml", "application/rss+xml", RSS.formatted("Direct", base + "/"));
        DiscoveredFeed found = discovery.discover(base + "/feed.xml");
        assertEquals(base + "/feed.xml", found.feedUrl());
        assertEquals("Direct", found.title());
        assertEquals(base + "/", found.siteUrl());
        assertEquals(1, found.feed().items().size());
        assertEquals(List.of("/feed.xml"), requested);
    }

    @Test
    void pageLinksAreFollowedAndTheMainFeedWinsOverTheCommentsFeed() throws Exception {
        serve("/blog/", "text/html; charset=utf-8", """
                <!DOCTYPE html><html><head>
                <!-- <link rel="alternate" type="application/rss+xml" href="/commented-out.xml"> -->
                <script>var s = '<link rel="alternate" type="application/rss+xml" href="/in-script.xml">';</script>
                <meta name="description" content="a > b">
                <link rel="alternate" type="application/rss+xml" title="Crypto Nieuws &raquo; Reacties-feed" href="/blog/comments/feed/">
                <link rel='alternate' type='application/json' href='/wp-json/wp/v2/posts/1'>
                <link href=feed/?x=1&amp;y=2 type="application/rss+xml" rel="alternate" title="Crypto Nieuws &raquo; Feed">
                </head><body><p>Hallo</p></body></html>
                """);
        serve("/blog/comments/feed/", "application/rss+xml", RSS.formatted("Comments", base + "/blog/"));
        serve("/blog/feed/?x=1&y=2", "application/rss+xml", RSS.formatted("Crypto Nieuws", base + "/blog/"));
        DiscoveredFeed found = discovery.discover(base + "/blog/");
        assertEquals(base + "/blog/feed/?x=1&y=2", found.feedUrl());
        assertEquals("Crypto Nieuws", found.title());
        assertEquals(List.of("/blog/", "/blog/feed/?x=1&y=2"), requested, "comments feed never needed");
    }

    @Test
    void baseHrefIsUsedForRelativeLinks() throws Exception {
        serve("/page", "text/html", "<html><head><link rel=alternate type=application/atom+xml href=atom.xml>"
                + "<base href=\"/news/\"></head></html>");
        serve("/news/atom.xml", "application/atom+xml", """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>News</title><id>x</id><updated>2024-01-01T00:00:00Z</updated>
                <link href="https://news.example/"/></feed>""");
        DiscoveredFeed found = discovery.discover(base + "/page");
        assertEquals(base + "/news/atom.xml", found.feedUrl());
        assertEquals("https://news.example/", found.siteUrl());
    }

    @Test
    void commonPathsAreTriedWhenThePageNamesNoFeed() throws Exception {
        serve("/", "text/html", "<html><head><title>No links</title></head><body>Hi</body></html>");
        serve("/rss.xml", "text/xml", RSS.formatted("Found By Path", ""));
        DiscoveredFeed found = discovery.discover(base + "/");
        assertEquals(base + "/rss.xml", found.feedUrl());
        assertEquals("Found By Path", found.title());
        assertEquals(base + "/", found.siteUrl(), "no link in the feed: the page is the site");
        assertEquals(List.of("/", "/feed/", "/feed", "/rss", "/rss.xml"), requested);
    }

    @Test
    void permanentRedirectOfTheFeedGivesTheNewUrl() throws Exception {
        serve("/old-feed", "redirect:/new-feed", "");
        serve("/new-feed", "application/rss+xml", RSS.formatted("Moved", base + "/"));
        assertEquals(base + "/new-feed", discovery.discover(base + "/old-feed").feedUrl());
    }

    @Test
    void siteWithoutAnyFeedGivesAReadableReason() {
        serve("/", "text/html", "<html><head><title>Nothing</title></head><body>no feed here</body></html>");
        FeedDiscoveryException e = assertThrows(FeedDiscoveryException.class, () -> discovery.discover(base + "/"));
        assertEquals("no feed found at " + base + "/ (tried /feed/, /feed, /rss, /rss.xml, /atom.xml, /index.xml, "
                + "/feed.xml, /?feed=rss2)", e.getMessage());
    }

    @Test
    void brokenLinkedFeedIsNamedInTheReason() {
        serve("/", "text/html", "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/broken.xml\">");
        serve("/broken.xml", "application/rss+xml", "<rss version='2.0'><channel><title>Cut");
        FeedDiscoveryException e = assertThrows(FeedDiscoveryException.class, () -> discovery.discover(base + "/"));
        assertTrue(e.getMessage().startsWith("no feed found at " + base + "/: the page links to a feed that could not be read ("
                + base + "/broken.xml: the feed is truncated"), e.getMessage());
    }

    @Test
    void unreachableUrlGivesTheFetchError() {
        FeedDiscoveryException e = assertThrows(FeedDiscoveryException.class, () -> discovery.discover(base + "/missing"));
        assertEquals("could not fetch " + base + "/missing: HTTP 404 Not Found", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "example.com                | https://example.com",
            "  example.com/blog/  | https://example.com/blog/",
            "feed://example.com/rss     | https://example.com/rss",
            "feed:https://example.com/x | https://example.com/x",
            "localhost:8080/feed        | https://localhost:8080/feed",
            "http://example.com/        | http://example.com/"})
    void pastedUrlsAreNormalized(String input, String expected) throws Exception {
        assertEquals(expected, FeedDiscovery.normalizeInput(input));
    }

    @Test
    void realPagesFromNetNewsWireNameTheirFeeds() throws Exception {
        String prop = System.getProperty("cryptosec.shared.data", "../shared/data");
        Path dir = Path.of(prop, "feeds/netnewswire");
        Assumptions.assumeTrue(Files.isDirectory(dir), "shared data absent: " + dir);
        Map<String, String> expected = Map.of(
                "DaringFireball.html", "https://daringfireball.net/feeds/main",
                "YouTubeTheVolvoRocks.html", "https://www.youtube.com/feeds/videos.xml?channel_id=UCct7QF2jcWRY6dhXWMSq9LQ",
                "coco.html", "https://www.theatlantic.com/feed/all/",
                "furbo.html", "http://furbo.org/feed/",
                "inessential.html", "http://inessential.com/xml/rss.xml",
                "sixcolors.html", "http://feedpress.me/sixcolors");
        Map<String, String> pages = Map.of("DaringFireball.html", "https://daringfireball.net/",
                "YouTubeTheVolvoRocks.html", "https://www.youtube.com/user/TheVolvorocks",
                "coco.html", "https://www.theatlantic.com/", "furbo.html", "https://furbo.org/",
                "inessential.html", "https://inessential.com/", "sixcolors.html", "https://sixcolors.com/");
        for (var entry : expected.entrySet()) {
            String html = Files.readString(dir.resolve(entry.getKey()), StandardCharsets.UTF_8);
            List<FeedLinkScanner.FeedLink> links = FeedLinkScanner.scan(html, pages.get(entry.getKey()));
            assertTrue(!links.isEmpty(), entry.getKey());
            assertEquals(entry.getValue(), links.get(0).url(), entry.getKey());
        }
    }
}
