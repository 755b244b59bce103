package org.cryptosec.reader.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.model.SearchQuery;
import org.cryptosec.reader.net.FetchLimits;
import org.cryptosec.reader.task.Cancellation;
import org.cryptosec.reader.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad feed ends in its own clear error while the rest of the refresh completes. */
class RefreshBadInputTest {

    @TempDir
    Path dir;

    @Test
    void everyBadFeedGetsItsOwnErrorAndTheGoodOnesAreStored() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-XXE-CONTENT");
        try (TestServer server = new TestServer()) {
            server.serve("/good.xml", "application/rss+xml", rss(server, "/scripted.html", "Exchange drained"));
            server.serve("/scripted.html", "text/html; charset=UTF-8", """
                    <html lang="en"><head><title>Exchange drained</title>
                    <script>fetch('/steal?c='+document.cookie)</script></head>
                    <body onload="evil()"><article><h1>Exchange drained</h1>
                    <p>Attackers drained the hot wallet of a crypto exchange on Tuesday, taking tokens worth millions of dollars.</p>
                    <p>The exchange said it has paused withdrawals while it investigates the exploit with outside experts.</p>
                    <p><a href="javascript:alert(1)">click</a> <img src="x.png" onerror="alert(2)"> More details follow.</p>
                    <iframe src="https://evil.example/"></iframe><script>alert(3)</script>
                    </article></body></html>
                    """);
            server.serve("/html.xml", "text/html", "<!DOCTYPE html><html><body><h1>Welcome</h1></body></html>");
            server.route("/loop1", ex -> {
                ex.getResponseHeaders().set("Location", "/loop2");
                TestServer.send(ex, 302, null, new byte[0]);
            });
            server.route("/loop2", ex -> {
                ex.getResponseHeaders().set("Location", "/loop1");
                TestServer.send(ex, 302, null, new byte[0]);
            });
            server.serve("/huge.xml", "application/rss+xml", "<rss>" + "x".repeat(600_000) + "</rss>");
            server.serve("/xxe.xml", "application/rss+xml", """
                    <?xml version="1.0"?>
                    <!DOCTYPE rss [<!ENTITY xxe SYSTEM "%s">]>
                    <rss version="2.0"><channel><title>XXE &xxe;</title><link>http://x/</link><description>d</description>
                    <item><title>Item &xxe;</title><link>%s</link><description>&xxe;</description></item></channel></rss>
                    """.formatted(secret.toUri(), server.url("/missing-page")));

            Path opml = dir.resolve("feeds.opml");
            StringBuilder body = new StringBuilder();
            for (String path : List.of("/good.xml", "/html.xml", "/nothing-here.xml", "/loop1", "/huge.xml", "/xxe.xml")) {
                body.append("<outline type=\"rss\" text=\"").append(path).append("\" xmlUrl=\"")
                        .append(server.url(path)).append("\"/>\n");
            }
            Files.writeString(opml, "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>t</title></head><body>"
                    + body + "</body></opml>", StandardCharsets.UTF_8);

            FetchLimits limits = new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(5), 200_000, 5, "test");
            try (Library library = Library.open(dir.resolve("lib"), limits)) {
                assertEquals(6, library.importOpml(opml));
                RefreshReport report = library.refresh(List.of(), (d, t, m) -> { }, new Cancellation());
                Map<String, FeedRefreshResult> byPath = report.feeds().stream().collect(Collectors.toMap(
                        r -> r.url().substring(r.url().lastIndexOf('/')), r -> r));

                assertEquals(FeedRefreshResult.Status.OK, byPath.get("/good.xml").status());
                assertEquals(1, byPath.get("/good.xml").newArticles());
                assertError(byPath.get("/html.xml"), "html");
                assertError(byPath.get("/nothing-here.xml"), "404");
                assertError(byPath.get("/loop1"), "redirect");
                assertError(byPath.get("/huge.xml"), "larger");
                assertTrue(report.anyFailed());

                FeedRefreshResult xxe = byPath.get("/xxe.xml");
                // Either refused or parsed with the entity empty: the secret never reaches the library.
                for (Article a : allArticles(library)) {
                    assertFalse(String.valueOf(a.title()).contains("TOP-SECRET"), "XXE leaked into " + a.title());
                    assertFalse(String.valueOf(a.text()).contains("TOP-SECRET"), "XXE leaked into the text");
                }
                if (xxe.status() == FeedRefreshResult.Status.OK) {
                    assertEquals(1, xxe.pageErrors().size(), "its page 404s and the feed's text is kept instead");
                }
                for (Feed f : library.feeds()) {
                    assertFalse(String.valueOf(f.title()).contains("TOP-SECRET"));
                }

                long scriptedId = library.search(new SearchQuery("drained", 5)).hits().get(0).articleId();
                Article scripted = library.article(scriptedId).orElseThrow();
                String html = scripted.html().toLowerCase();
                for (String unsafe : List.of("<script", "onerror", "onload", "javascript:", "<iframe")) {
                    assertFalse(html.contains(unsafe), "no " + unsafe + " in " + html);
                }
                assertTrue(scripted.text().contains("paused withdrawals"));

                Feed html404 = library.feeds().stream().filter(f -> f.url().endsWith("/nothing-here.xml")).findFirst()
                        .orElseThrow();
                assertTrue(html404.lastError().contains("404"), "the error is recorded on the feed");
                assertEquals(1, html404.errorCount());
                Feed good = library.feeds().stream().filter(f -> f.url().endsWith("/good.xml")).findFirst().orElseThrow();
                assertNull(good.lastError());
            }
        }
    }

    private static List<Article> allArticles(Library library) {
        return library.articles(org.cryptosec.reader.model.ArticleFilter.ALL, 0, 100).items().stream()
                .map(s -> library.article(s.id()).orElseThrow()).toList();
    }

    private static void assertError(FeedRefreshResult r, String mentions) {
        assertEquals(FeedRefreshResult.Status.ERROR, r.status(), r.toString());
        assertTrue(r.error().toLowerCase().contains(mentions), "error '" + r.error() + "' mentions " + mentions);
    }

    private static String rss(TestServer server, String pagePath, String title) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Good feed</title><link>%1$s</link><description>d</description>
                <item><title>%2$s</title><link>%1$s</link><guid>g-1</guid>
                <pubDate>Tue, 14 Mar 2023 10:00:00 GMT</pubDate><description>Short summary</description></item>
                </channel></rss>
                """.formatted(server.url(pagePath), title);
    }
}
