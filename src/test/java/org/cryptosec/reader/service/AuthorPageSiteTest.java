package org.cryptosec.reader.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.model.SearchQuery;
import org.cryptosec.reader.task.Cancellation;
import org.cryptosec.reader.testing.FixtureSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The author's page is read for a bio only on the article's own site, never on a host the byline merely links. */
class AuthorPageSiteTest {

    @TempDir
    Path dir;

    @Test
    void sameSiteComparesHostsByTheirRegistrablePart() {
        assertTrue(FeedRefresher.sameSite("https://www.example.com/a", "https://example.com/auteur/x/"));
        assertTrue(FeedRefresher.sameSite("https://news.example.com/a", "http://EXAMPLE.com./b"));
        assertTrue(FeedRefresher.sameSite("https://www.bbc.co.uk/news/1", "https://bbc.co.uk/people/x"));
        assertTrue(FeedRefresher.sameSite("http://127.0.0.1:8080/a", "http://127.0.0.1:9090/b"));
        assertFalse(FeedRefresher.sameSite("https://example.co.uk/a", "https://other.co.uk/a"));
        assertFalse(FeedRefresher.sameSite("https://example.com/a", "https://x.com/someone"));
        assertFalse(FeedRefresher.sameSite("https://example.com/a", "https://example.org/a"));
        assertFalse(FeedRefresher.sameSite("http://127.0.0.1/a", "http://127.0.0.2/a"));
        assertFalse(FeedRefresher.sameSite("http://127.0.0.1/a", "http://localhost/a"));
        assertFalse(FeedRefresher.sameSite("mailto:jane@example.com", "https://example.com/a"));
        assertFalse(FeedRefresher.sameSite("https://example.com/a", null));
        assertFalse(FeedRefresher.sameSite("not a url at all %%", "https://example.com/a"));
    }

    @Test
    void aBylineLinkToAnotherHostIsNotFetchedForABio() throws Exception {
        try (FixtureSite site = new FixtureSite()) {
            // the same article, its byline linking the author's page on another host name of the same machine
            String offSite = site.url(FixtureSite.AUTHOR_PATH).replace("127.0.0.1", "localhost");
            String html;
            try (InputStream in = getClass().getResourceAsStream("/site/article-no-bio.html")) {
                html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(html.contains("href=\"" + FixtureSite.AUTHOR_PATH + "\""), "fixture changed");
            site.server().serve("/elsewhere/", "text/html; charset=UTF-8",
                    html.replace("href=\"" + FixtureSite.AUTHOR_PATH + "\"", "href=\"" + offSite + "\"")
                            .getBytes(StandardCharsets.UTF_8));
            site.server().serve("/elsewhere.xml", "application/rss+xml", """
                    <?xml version="1.0"?><rss version="2.0"><channel><title>CI</title><link>%1$s</link><description>d</description>
                    <item><title>DeFi</title><link>%1$s</link><guid>elsewhere-1</guid></item></channel></rss>
                    """.formatted(site.url("/elsewhere/")).getBytes(StandardCharsets.UTF_8));
            try (Library library = Library.open(dir)) {
                Feed feed = library.subscribe(site.url("/elsewhere.xml"));
                library.refresh(List.of(feed.id()), (d, t, m) -> { }, new Cancellation());
                Article article = library.article(library.search(new SearchQuery("flash loan", 5)).hits().get(0)
                        .articleId()).orElseThrow();
                assertEquals("Timo Bult", article.authors().get(0).name());
                assertEquals(offSite, article.authors().get(0).url(), "the byline's link is still the author's page");
                assertNull(article.authors().get(0).bio(), "no bio read from another host");
                assertEquals(0, site.server().hits(FixtureSite.AUTHOR_PATH));
            }
            // the other host name does reach the page, so the refresh above would have counted a fetch
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(offSite)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals(1, site.server().hits(FixtureSite.AUTHOR_PATH));
        }
    }
}
