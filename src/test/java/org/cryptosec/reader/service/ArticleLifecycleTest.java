package org.cryptosec.reader.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cryptosec.reader.model.ArticleFilter;
import org.cryptosec.reader.model.ArticleSummary;
import org.cryptosec.reader.model.CatalogueEntry;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.model.SearchQuery;
import org.cryptosec.reader.task.Cancellation;
import org.cryptosec.reader.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleted articles stay deleted; a changed feed item updates its article instead of adding another. */
class ArticleLifecycleTest {

    @TempDir
    Path dir;

    /** guid → (title, link path) of the items the feed lists now. */
    private final Map<String, String[]> items = new ConcurrentHashMap<>();

    private TestServer server() throws Exception {
        TestServer server = new TestServer();
        server.route("/feed.xml", ex -> {
            StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel><title>Lifecycle</title>"
                    + "<link>http://x/</link><description>d</description>");
            items.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> xml.append("<item><guid>")
                    .append(e.getKey()).append("</guid><title>").append(e.getValue()[0]).append("</title><link>")
                    .append(server.url(e.getValue()[1])).append("</link><description>About ").append(e.getValue()[0])
                    .append("</description></item>"));
            TestServer.send(ex, 200, "application/rss+xml", xml.append("</channel></rss>").toString()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
        for (String path : List.of("/a.html", "/b.html")) {
            server.route(path, ex -> {
                String title = items.values().stream().filter(v -> v[1].equals(path)).map(v -> v[0]).findFirst()
                        .orElse("Gone");
                TestServer.send(ex, 200, "text/html; charset=UTF-8", ("<html lang=\"en\"><head><title>" + title
                        + "</title></head><body><article><h1>" + title + "</h1><p>" + title
                        + " happened on a crypto exchange this week, investigators said, while the stolen funds moved"
                        + " through several mixers before reaching a bridge.</p></article></body></html>")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            });
        }
        return server;
    }

    private static RefreshReport refresh(Library library, Feed feed) {
        return library.refresh(List.of(feed.id()), (d, t, m) -> { }, new Cancellation());
    }

    private static List<ArticleSummary> all(Library library) {
        return library.articles(ArticleFilter.ALL, 0, 100).items();
    }

    @Test
    void aDeletedArticleDoesNotComeBackOnTheNextRefresh() throws Exception {
        items.put("guid-a", new String[] {"Bridge exploit", "/a.html"});
        items.put("guid-b", new String[] {"Exchange hack", "/b.html"});
        try (TestServer server = server(); Library library = Library.open(dir)) {
            Feed feed = library.subscribeAll(List.of(new CatalogueEntry("f", server.url("/feed.xml"), null, null))).get(0);
            assertEquals(2, refresh(library, feed).newArticles());
            long bridge = library.search(new SearchQuery("bridge exploit", 5)).hits().get(0).articleId();

            assertTrue(library.deleteArticle(bridge));
            assertFalse(library.deleteArticle(bridge), "already gone");
            assertTrue(library.article(bridge).isEmpty());
            assertTrue(library.search(new SearchQuery("\"bridge exploit\"", 5)).hits().isEmpty(), "gone from the index");

            assertEquals(0, refresh(library, feed).newArticles());
            assertEquals(List.of("Exchange hack"), all(library).stream().map(ArticleSummary::title).toList());
            assertEquals(1, server.hits("/a.html"), "its page is not fetched again");

            // the feed gives the same story a new GUID: its URL still marks it deleted
            items.remove("guid-a");
            items.put("guid-a2", new String[] {"Bridge exploit", "/a.html"});
            assertEquals(0, refresh(library, feed).newArticles());
            assertEquals(1, all(library).size());

            // and after a restart
            library.close();
            try (Library reopened = Library.open(dir)) {
                assertEquals(0, refresh(reopened, feed).newArticles());
                assertEquals(1, all(reopened).size());
            }
        }
    }

    @Test
    void aChangedItemUpdatesItsArticleAndKeepsTheReadersState() throws Exception {
        items.put("guid-b", new String[] {"Exchange hack", "/b.html"});
        try (TestServer server = server(); Library library = Library.open(dir)) {
            Feed feed = library.subscribeAll(List.of(new CatalogueEntry("f", server.url("/feed.xml"), null, null))).get(0);
            assertEquals(1, refresh(library, feed).newArticles());
            long id = all(library).get(0).id();
            library.markStarred(id, true);

            assertEquals(0, refresh(library, feed).newArticles(), "unchanged: nothing stored");
            assertEquals(1, server.hits("/b.html"), "unchanged: its page is not fetched again");

            items.put("guid-b", new String[] {"Exchange hack: losses revised to 40 million", "/b.html"});
            assertEquals(0, refresh(library, feed).newArticles(), "changed: updated, not added");
            List<ArticleSummary> after = all(library);
            assertEquals(1, after.size());
            assertEquals(id, after.get(0).id());
            assertEquals("Exchange hack: losses revised to 40 million", library.article(id).orElseThrow().title());
            assertTrue(library.state(id).orElseThrow().starred(), "the reader's state is kept");
            assertEquals(id, library.search(new SearchQuery("revised", 5)).hits().get(0).articleId());
        }
    }
}
