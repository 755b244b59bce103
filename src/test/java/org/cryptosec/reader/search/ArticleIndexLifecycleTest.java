package org.cryptosec.reader.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.SearchQuery;
import org.cryptosec.reader.model.SearchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleIndexLifecycleTest {

    @TempDir
    Path dir;

    private static long total(ArticleIndex index, String q) {
        return index.search(new SearchQuery(q, 10)).total();
    }

    @Test
    void openCreatesMissingFolders() {
        Path nested = dir.resolve("a/b/index/v1");
        try (ArticleIndex index = ArticleIndex.open(nested)) {
            assertTrue(Files.isDirectory(nested));
            assertEquals(Set.of(), index.indexedIds());
            assertEquals(0, total(index, "anything"));
        }
    }

    @Test
    void articlesAreVisibleOnlyAfterCommit() {
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            index.index(TestArticles.seed());
            assertEquals(0, total(index, "kernwapens"));
            index.commit();
            assertEquals(1, total(index, "kernwapens"));
        }
    }

    @Test
    void reindexingAnArticleReplacesIt() {
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            Article seed = TestArticles.seed();
            index.index(seed);
            index.commit();
            index.index(TestArticles.article(seed.id(), "en", "Renamed headline about ransomware", "Body.",
                    "Other", List.of("Someone"), List.of()));
            index.index(TestArticles.article(seed.id(), "en", "Renamed headline about ransomware", "Body.",
                    "Other", List.of("Someone"), List.of()));
            index.commit();
            assertEquals(0, total(index, "kernwapens"));
            SearchResult r = index.search(new SearchQuery("ransomware", 10));
            assertEquals(1, r.total());
            assertEquals("Renamed headline about ransomware", r.hits().get(0).title());
            assertEquals(Set.of(seed.id()), index.indexedIds());
        }
    }

    @Test
    void deleteRemovesOnlyThatArticle() {
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            TestArticles.corpus().forEach(index::index);
            index.commit();
            index.delete(TestArticles.SEED);
            index.delete(999_999);
            index.commit();
            assertEquals(0, total(index, "kernwapens"));
            assertEquals(Set.of(2L, 3L, 4L, 5L), index.indexedIds());
        }
    }

    @Test
    void deleteAllEmptiesTheIndex() {
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            TestArticles.corpus().forEach(index::index);
            index.commit();
            index.deleteAll();
            index.commit();
            assertEquals(Set.of(), index.indexedIds());
            assertEquals(0, total(index, "*:*"));
            index.index(TestArticles.seed());
            index.commit();
            assertEquals(Set.of(TestArticles.SEED), index.indexedIds());
        }
    }

    @Test
    void reopeningKeepsCommittedArticles() {
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            TestArticles.corpus().forEach(index::index);
            index.commit();
        }
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            assertEquals(Set.of(1L, 2L, 3L, 4L, 5L), index.indexedIds());
            assertEquals(1, total(index, "hacken kernwapens"));
        }
    }

    @Test
    void closeCommitsPendingChanges() {
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            index.index(TestArticles.seed());
        }
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            assertEquals(Set.of(TestArticles.SEED), index.indexedIds());
        }
    }

    @Test
    void secondOpenOfTheSameFolderFailsWithAClearMessage() {
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ArticleIndex.open(dir));
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
        }
    }

    @Test
    void openOnAFileFailsWithAClearMessage() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ArticleIndex.open(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void corruptIndexFailsWithAClearMessageAndCanBeRecreated() throws Exception {
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            index.index(TestArticles.seed());
            index.commit();
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(p, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            }
        }
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ArticleIndex.open(dir));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("unreadable"), e.getMessage());
        Path unrelated = Files.writeString(dir.resolve("notes.txt"), "keep me");
        try (ArticleIndex recreated = ArticleIndex.openOrRecreate(dir)) {
            assertEquals(Set.of(), recreated.indexedIds());
            recreated.index(TestArticles.seed());
            recreated.commit();
            assertEquals(1, total(recreated, "kernwapens"));
        }
        assertTrue(Files.exists(unrelated), "only Lucene's files are deleted");
    }

    @Test
    void openOrRecreateDoesNotWipeAnIndexThatIsMerelyLocked() {
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            index.index(TestArticles.seed());
            index.commit();
            assertThrows(UncheckedIOException.class, () -> ArticleIndex.openOrRecreate(dir));
            assertEquals(1, total(index, "kernwapens"));
        }
    }

    @Test
    void unstoredArticleIsRejected() {
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            Article unsaved = TestArticles.seed().withId(0);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> index.index(unsaved));
            assertTrue(e.getMessage().contains("id 0"), e.getMessage());
            assertThrows(NullPointerException.class, () -> index.index(null));
        }
    }

    @Test
    void articleWithNullFieldsIsIndexed() {
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            index.index(new Article(7, 1, null, null, null, null, null, null, null, 0, null, null, null,
                    "alleen tekst over gehackte beurzen", null));
            index.commit();
            SearchResult r = index.search(new SearchQuery("hacken", 10));
            assertEquals(1, r.total(), r.toString());
            assertEquals("", r.hits().get(0).title());
            assertEquals(List.of(), r.hits().get(0).authors());
            assertEquals(null, r.hits().get(0).published());
        }
    }

    @Test
    void useAfterCloseIsAnIllegalState() {
        ArticleIndex index = ArticleIndex.open(dir);
        index.close();
        index.close();
        assertThrows(IllegalStateException.class, () -> index.search(new SearchQuery("x", 1)));
        assertThrows(IllegalStateException.class, () -> index.index(TestArticles.seed()));
        assertThrows(IllegalStateException.class, index::commit);
        assertThrows(IllegalStateException.class, index::indexedIds);
        assertFalse(isLocked(dir), "close releases the write lock");
    }

    private static boolean isLocked(Path dir) {
        try (ArticleIndex again = ArticleIndex.open(dir)) {
            return false;
        } catch (UncheckedIOException e) {
            return true;
        }
    }
}
