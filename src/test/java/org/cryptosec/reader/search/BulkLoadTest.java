package org.cryptosec.reader.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.cryptosec.reader.model.SearchQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** During a bulk load segments are not merged; once the last bulk load ends they are, and nothing is lost. */
class BulkLoadTest {

    private static final int COMMITS = 30;

    @TempDir
    Path dir;

    private static void indexOnePerCommit(ArticleIndex index, int from) {
        for (int i = from; i < from + COMMITS; i++) {
            index.index(TestArticles.article(i, "en", "Bridge hack " + i, "The bridge was hacked, round " + i + ".",
                    "Rekt News", List.of("Ann Walker"), List.of("DeFi")));
            index.commit(); // one small segment each
        }
    }

    @Test
    void segmentsAreMergedOnlyAfterTheLastBulkLoadEnds() {
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            ArticleIndex.BulkLoad outer = index.bulkLoad();
            ArticleIndex.BulkLoad inner = index.bulkLoad();
            indexOnePerCommit(index, 1);
            index.settle();
            assertEquals(COMMITS, index.segmentCount(), "no merge during the bulk load");
            assertEquals(COMMITS, index.search(new SearchQuery("hacked", 50)).total(), "searchable meanwhile");

            inner.close();
            inner.close(); // closing twice counts once
            index.settle();
            assertEquals(COMMITS, index.segmentCount(), "another bulk load still runs");

            outer.close();
            index.settle();
            int merged = index.segmentCount();
            assertTrue(merged < COMMITS / 2, "merged after the bulk load: " + merged + " segments");
            assertEquals(COMMITS, index.search(new SearchQuery("hacked", 50)).total());
            assertEquals(COMMITS, index.indexedIds().size());
        }
    }

    @Test
    void withoutABulkLoadSmallSegmentsAreMergedAsTheyCome() {
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            indexOnePerCommit(index, 1);
            index.settle();
            assertFalse(index.segmentCount() >= COMMITS, "segments: " + index.segmentCount());
        }
    }

    @Test
    void aBulkLoadEndingAfterTheIndexClosedIsHarmless() {
        ArticleIndex index = ArticleIndex.open(dir);
        ArticleIndex.BulkLoad bulk = index.bulkLoad();
        indexOnePerCommit(index, 1);
        index.close();
        bulk.close();
        try (ArticleIndex reopened = ArticleIndex.open(dir)) {
            assertEquals(COMMITS, reopened.indexedIds().size());
        }
    }
}
