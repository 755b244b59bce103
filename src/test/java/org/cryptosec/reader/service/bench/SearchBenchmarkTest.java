package org.cryptosec.reader.service.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cryptosec.reader.model.ArticleFilter;
import org.cryptosec.reader.model.ArticleSummary;
import org.cryptosec.reader.model.SearchQuery;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.service.LibraryException;
import org.cryptosec.reader.task.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("corpus")
class SearchBenchmarkTest {

    private static Path corpus;

    @BeforeAll
    static void findCorpus() {
        String shared = System.getProperty("cryptosec.shared.data");
        corpus = shared == null ? null : Path.of(shared, "articles");
        assumeTrue(corpus != null && Files.isDirectory(corpus), "shared corpus absent: " + corpus);
    }

    private static List<String> titles(LibraryGenerator generator, long seed, int n) {
        LibraryGenerator.Drafts drafts = generator.drafts(seed);
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            titles.add(drafts.next().title());
        }
        return titles;
    }

    @Test
    void sameSeedGivesTheSameTitlesAndAnotherSeedOthers() throws Exception {
        LibraryGenerator a = LibraryGenerator.load(corpus);
        LibraryGenerator b = LibraryGenerator.load(corpus);
        assertEquals(titles(a, 42, 200), titles(b, 42, 200));
        assertNotEquals(titles(a, 42, 200), titles(a, 7, 200));
        assertEquals(new SearchBenchmark(a).queries(42), new SearchBenchmark(b).queries(42));
    }

    @Test
    void draftsAreRealisticLengthsInSeveralLanguagesFromEverySource() throws Exception {
        LibraryGenerator.Drafts drafts = LibraryGenerator.load(corpus).drafts(42);
        java.util.Set<String> langs = new java.util.HashSet<>();
        java.util.Set<String> sources = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            LibraryGenerator.Draft d = drafts.next();
            assertTrue(d.words() >= LibraryGenerator.MIN_WORDS && d.words() <= LibraryGenerator.MAX_WORDS, d.words() + " words");
            assertEquals(d.words(), d.text().split("\\s+").length);
            assertFalse(d.authors().isEmpty());
            langs.add(d.lang());
            sources.add(d.sourceKey());
        }
        assertTrue(langs.containsAll(List.of("nl", "en")), langs.toString());
        assertEquals(java.util.Set.of("rekt-news", "divd-csirt", "binance-news"), sources);
    }

    @Test
    void generatedLibraryIsReadableByTheAppAndTitlesFollowTheSeed(@TempDir Path dir) throws Exception {
        LibraryGenerator generator = LibraryGenerator.load(corpus);
        LibraryGenerator.WriteReport report = generator.write(dir.resolve("one"), 200, 42, ProgressListener.NONE);
        generator.write(dir.resolve("two"), 200, 42, ProgressListener.NONE);
        assertEquals(200, report.articles());
        try (Library one = Library.open(dir.resolve("one")); Library two = Library.open(dir.resolve("two"))) {
            assertEquals(200, one.articleCount());
            assertEquals(3, one.feeds().size());
            List<String> t1 = one.articles(ArticleFilter.ALL, 0, 200).items().stream().map(ArticleSummary::title).toList();
            List<String> t2 = two.articles(ArticleFilter.ALL, 0, 200).items().stream().map(ArticleSummary::title).toList();
            assertEquals(t1, t2);
            String firstWord = java.util.Arrays.stream(t1.get(0).split("[^\\p{L}]+"))
                    .max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
            assertTrue(one.search(new SearchQuery("title:" + firstWord.toLowerCase(), 5)).total() > 0, firstWord);
        }
    }

    @Test
    void aPipelinedWriteOverSeveralBatchesIndexesEveryStoredArticle(@TempDir Path dir) throws Exception {
        LibraryGenerator generator = LibraryGenerator.load(corpus);
        int count = 2 * LibraryGenerator.BATCH + 500; // two full batches and a short one
        LibraryGenerator.WriteReport report = generator.write(dir, count, 7, ProgressListener.NONE);
        assertTrue(report.wallNanos() > 0 && report.wallNanos() <= report.storeNanos() + report.indexNanos(),
                "stored while indexing: the whole is at most the sum of its parts");
        try (Library library = Library.openWithoutReconcile(dir)) {
            assertEquals(count, library.articleCount());
            assertEquals(0, library.reconcileIndex(ProgressListener.NONE), "the index holds exactly the stored articles");
        }
    }

    @Test
    void generatingIntoALibraryThatHoldsArticlesIsRefused(@TempDir Path dir) throws Exception {
        LibraryGenerator generator = LibraryGenerator.load(corpus);
        generator.write(dir, 10, 42, ProgressListener.NONE);
        LibraryException e = assertThrows(LibraryException.class, () -> generator.write(dir, 10, 42, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("already holds 10 articles"), e.getMessage());
    }

    @Test
    void benchmarkReturnsSaneNumbers(@TempDir Path dir) throws Exception {
        SearchBenchmark.Report r = new SearchBenchmark(LibraryGenerator.load(corpus))
                .run(dir, 200, 42, ProgressListener.NONE);
        assertEquals(200, r.articles());
        assertTrue(r.ingestPerSecond() > 0);
        assertTrue(r.indexBytes() > 0);
        assertTrue(r.fts5Bytes() > 0);
        for (SearchBenchmark.Latency l : List.of(r.lucene(), r.fts5(), r.like())) {
            assertTrue(l.p50() > 0, l.toString());
            assertTrue(l.p50() <= l.p95() && l.p95() <= l.p99(), l.toString());
            assertEquals(SearchBenchmark.QUERY_COUNT, l.queries(), l.toString());
            assertTrue(l.meanHits() > 1, "queries drawn from the corpus find articles: " + l);
        }
        assertEquals(SearchBenchmark.Kind.values().length, r.luceneByKind().size());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("date_facets")), r.notes().toString());
        assertTrue(r.luceneByKind().get(SearchBenchmark.Kind.DATE_FACETS).meanHits() > 0, "the date filter finds articles");
    }

    @Test
    void aMissingCorpusFolderIsAClearError(@TempDir Path dir) {
        LibraryException e = assertThrows(LibraryException.class, () -> LibraryGenerator.load(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("does not exist") && e.getMessage().contains("--corpus"), e.getMessage());
    }

    @Test
    void percentilesUseTheNearestRank() {
        double[] sorted = new double[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        assertEquals(50, SearchBenchmark.percentile(sorted, 50));
        assertEquals(95, SearchBenchmark.percentile(sorted, 95));
        assertEquals(99, SearchBenchmark.percentile(sorted, 99));
        assertEquals(7, SearchBenchmark.percentile(new double[] {7}, 99));
    }

    @Test
    void csvKeepsQuotedCommasNewlinesAndQuotes() {
        List<List<String>> rows = Corpus.Csv.parse("Date,Description\n2024-01-01,\"a, \"\"b\"\"\nc\"\r\n");
        assertEquals(List.of(List.of("Date", "Description"), List.of("2024-01-01", "a, \"b\"\nc")), rows);
    }
}
