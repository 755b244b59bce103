package org.cryptosec.reader.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cryptosec.reader.model.SearchQuery;
import org.cryptosec.reader.model.SearchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleIndexConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void searchesWhileIndexingAndCommittingSeeConsistentResults() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            index.index(TestArticles.seed());
            index.commit();
            List<Future<?>> work = new ArrayList<>();
            work.add(pool.submit(() -> {
                for (int i = 0; i < 300; i++) {
                    index.index(TestArticles.article(100 + i, "en", "Bridge exploit " + i, "The bridge was hacked.",
                            "S", List.of("A"), List.of()));
                    if (i % 25 == 0) {
                        index.commit();
                    }
                }
                index.commit();
                return null;
            }));
            for (int t = 0; t < 3; t++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        SearchResult seed = index.search(new SearchQuery("hacken kernwapens", 5));
                        assertEquals(1, seed.total());
                        SearchResult bridges = index.search(new SearchQuery("bridge", 5));
                        assertTrue(bridges.total() >= bridges.hits().size());
                        index.indexedIds();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertEquals(301, index.indexedIds().size());
            assertEquals(300, index.search(new SearchQuery("bridge", 5)).total());
        } finally {
            pool.shutdownNow();
        }
    }
}
