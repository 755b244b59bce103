package org.cryptosec.reader.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.CatalogueEntry;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.model.SearchQuery;
import org.cryptosec.reader.net.FetchLimits;
import org.cryptosec.reader.net.HttpFetcher;
import org.cryptosec.reader.search.ArticleIndex;
import org.cryptosec.reader.store.Database;
import org.cryptosec.reader.task.Cancellation;
import org.cryptosec.reader.task.PooledTaskExecutor;
import org.cryptosec.reader.testing.FixtureSite;
import org.cryptosec.reader.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An author page that failed is not remembered forever: a later refresh reads it again. */
class AuthorPageRetryTest {

    @TempDir
    Path dir;

    @Test
    void aFailedAuthorPageIsTriedAgainAtALaterRefresh() throws Exception {
        RefreshScheduleTest.HandClock clock = new RefreshScheduleTest.HandClock();
        FetchLimits limits = new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(10), 5_000_000, 5, "test");
        try (FixtureSite site = new FixtureSite();
             Library library = new Library(dir, Database.open(dir.resolve("library.db")),
                     ArticleIndex.openOrRecreate(Library.indexDir(dir)), new HttpFetcher(limits), new HttpFetcher(limits),
                     new PooledTaskExecutor(2), new PooledTaskExecutor(8), clock)) {
            byte[] authorPage;
            byte[] articlePage;
            try (InputStream a = getClass().getResourceAsStream("/site/author-timo-bult.html");
                 InputStream b = getClass().getResourceAsStream("/site/article-no-bio.html")) {
                authorPage = a.readAllBytes();
                articlePage = b.readAllBytes();
            }
            AtomicBoolean up = new AtomicBoolean(false);
            site.server().route(FixtureSite.AUTHOR_PATH, ex -> TestServer.send(ex, up.get() ? 200 : 500,
                    "text/html; charset=UTF-8", up.get() ? authorPage : new byte[] {'x'}));
            site.server().serve("/copy/", "text/html; charset=UTF-8", articlePage);
            site.server().serve("/one.xml", "application/rss+xml", feed("one", site.url(FixtureSite.SECOND_PATH)));
            site.server().serve("/two.xml", "application/rss+xml", feed("two", site.url("/copy/")));
            List<Feed> feeds = library.subscribeAll(List.of(new CatalogueEntry("1", site.url("/one.xml"), null, null),
                    new CatalogueEntry("2", site.url("/two.xml"), null, null)));

            library.refresh(List.of(feeds.get(0).id()), (d, t, m) -> { }, new Cancellation());
            assertEquals(1, site.server().hits(FixtureSite.AUTHOR_PATH));

            up.set(true);
            clock.now = clock.now.plus(Duration.ofHours(1));
            library.refresh(List.of(feeds.get(1).id()), (d, t, m) -> { }, new Cancellation());
            assertEquals(2, site.server().hits(FixtureSite.AUTHOR_PATH), "the failure was not cached forever");
            long id = library.search(new SearchQuery("flash loan", 5)).hits().stream()
                    .map(h -> library.article(h.articleId()).orElseThrow())
                    .filter(a -> a.feedId() == feeds.get(1).id()).findFirst().orElseThrow().id();
            Article article = library.article(id).orElseThrow();
            assertTrue(article.authors().get(0).bio() != null
                    && article.authors().get(0).bio().startsWith("Timo is hoofdredacteur"), article.authors().toString());
        }
    }

    private static byte[] feed(String guid, String link) {
        return ("<rss version=\"2.0\"><channel><title>CI</title><link>" + link + "</link><description>d</description>"
                + "<item><title>DeFi " + guid + "</title><link>" + link + "</link><guid>" + guid + "</guid></item>"
                + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
    }
}
