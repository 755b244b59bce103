package org.cryptosec.reader.store;

import static org.cryptosec.reader.store.Fixtures.T0;
import static org.cryptosec.reader.store.Fixtures.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.cryptosec.reader.model.ArticleFilter;
import org.cryptosec.reader.model.ArticleSummary;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.model.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A folder filter lists the articles of every feed in that folder (category), and only those. */
class ArticleFolderFilterTest {

    @TempDir
    Path dir;
    Database db;
    FeedRepository feeds;
    ArticleRepository articles;
    long hacksA;
    long hacksB;
    long scams;
    long loose;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("library.db"));
        feeds = new FeedRepository(db);
        articles = new ArticleRepository(db);
        hacksA = feeds.add(Feed.newFeed("https://a.example/feed", "A", null, "Hacks")).id();
        hacksB = feeds.add(Feed.newFeed("https://b.example/feed", "B", null, " Hacks ")).id();
        scams = feeds.add(Feed.newFeed("https://c.example/feed", "C", null, "Scams")).id();
        loose = feeds.add(Feed.newFeed("https://d.example/feed", "D", null, null)).id();
        articles.insert(article(hacksA, "a1", T0.minusSeconds(400)), null, "h-a1");
        articles.insert(article(hacksB, "b1", T0.minusSeconds(300)), null, "h-b1");
        articles.insert(article(scams, "c1", T0.minusSeconds(200)), null, "h-c1");
        articles.insert(article(loose, "d1", T0.minusSeconds(100)), null, "h-d1");
        articles.insert(article(hacksA, "a2", T0.minusSeconds(50)), null, "h-a2");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static List<String> guids(Page<ArticleSummary> page) {
        return page.items().stream().map(s -> s.title().replace("Title ", "")).toList();
    }

    @Test
    void aFolderListsTheArticlesOfAllItsFeedsNewestFirst() {
        Page<ArticleSummary> page = articles.list(ArticleFilter.folder("Hacks"), 0, 10);
        assertEquals(List.of("a2", "b1", "a1"), guids(page));
        assertEquals(3, page.total());
    }

    @ParameterizedTest(name = "folder {0}: {1} articles")
    @CsvSource({"Scams, 1", "Hacks, 3", "'  Hacks  ', 3", "Nowhere, 0", "hacks, 0"})
    void theCountMatchesTheFolder(String folder, int expected) {
        assertEquals(expected, articles.list(ArticleFilter.folder(folder), 0, 10).total());
    }

    @Test
    void aFolderCombinesWithUnreadAndStarred() {
        long a2 = articles.list(ArticleFilter.folder("Hacks"), 0, 1).items().get(0).id();
        articles.setRead(a2, true);
        Page<ArticleSummary> unread = articles.list(new ArticleFilter(null, true, false, "Hacks"), 0, 10);
        assertEquals(List.of("b1", "a1"), guids(unread));
        assertEquals(2, unread.total());
        articles.setStarred(a2, true);
        Page<ArticleSummary> starred = articles.list(new ArticleFilter(null, false, true, "Hacks"), 0, 10);
        assertEquals(List.of("a2"), guids(starred));
        assertEquals(1, starred.total());
        assertEquals(0, articles.list(new ArticleFilter(null, false, true, "Scams"), 0, 10).total());
    }

    @Test
    void theFolderListPagesLikeAnyOther() {
        Page<ArticleSummary> second = articles.list(ArticleFilter.folder("Hacks"), 1, 1);
        assertEquals(List.of("b1"), guids(second));
        assertEquals(3, second.total());
    }

    @Test
    void aBlankFolderNameIsRejectedAndTheOldConstructorHasNoFolder() {
        assertThrows(IllegalArgumentException.class, () -> ArticleFilter.folder("  "));
        assertEquals(null, new ArticleFilter(1L, true, false).folder());
        assertEquals(null, new ArticleFilter(null, false, false, " ").folder());
    }
}
