package org.cryptosec.reader.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.Author;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.search.ArticleIndex;
import org.cryptosec.reader.store.ArticleRepository;
import org.cryptosec.reader.store.AuthorRepository;
import org.cryptosec.reader.store.Database;
import org.cryptosec.reader.store.FeedRepository;
import org.cryptosec.reader.task.Cancellation;
import org.cryptosec.reader.task.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilding the index on several threads (reindex, and reconciling at start after the index was
 * lost or its version changed) gives the index one thread gives: the same ids match the same
 * queries, and progress goes up to the total.
 */
class ParallelReindexTest {

    private static final int ARTICLES = 1_300;
    private static final String[] WORDS = {"hack", "hacked", "gehackt", "hacken", "exchange", "exchanges", "beurs",
        "bridge", "stolen", "gestolen", "wallet", "bitcoin", "ether", "sancties", "sanctions", "Noord-Korea",
        "North", "Korea", "de", "the", "en", "and", "flash", "loan", "oracle", "Zürich", "café", "0xdeadbeef01",
        "validator", "koers", "stijgt", "daalt", "miljoen", "million", "protocol", "lek", "exploit"};
    private static final String[] LANGS = {"en", "nl", "", "de"};
    private static final String[] TAGS = {"DeFi", "defi", "Bridges", "CeFi", " DEFI "};
    private static final List<String> QUERIES = List.of("hack", "gehackt", "exchanges", "beurs", "\"flash loan\"",
            "\"north korea\"", "hack* ", "wallt~", "validat*", "zurich", "cafe", "0xdeadbeef01", "author:\"Ann Walker\"",
            "tag:defi", "lang:nl", "lang:de", "bitcoin -ether", "(stolen OR gestolen) AND bridge",
            "hack after:2022-06", "published:[2021-01-01 TO 2021-12-31]", "-bitcoin");

    @TempDir
    Path dir;

    @Test
    void aParallelRebuildMatchesWhatASingleThreadIndexMatches() throws Exception {
        Path data = dir.resolve("library");
        List<Article> stored = fill(data);

        // Single-thread reference index of the same rows.
        try (ArticleIndex reference = ArticleIndex.open(dir.resolve("reference"))) {
            for (Article a : stored) {
                reference.index(a);
            }
            reference.commit();
            List<long[]> expected = matches(reference);

            // Start without an index: reconciling rebuilds it in the background path.
            List<long[]> progress = new CopyOnWriteArrayList<>();
            try (Library library = Library.openWithoutReconcile(data)) {
                assertEquals(ARTICLES, library.reconcileIndex((done, total, m) -> progress.add(new long[] {done, total})));
            }
            assertRebuiltLikeTheReference(data, progress, reference, expected);

            // reindex: delete everything and rebuild on several threads.
            progress.clear();
            try (Library library = Library.open(data)) {
                assertEquals(ARTICLES, library.reindex((done, total, m) -> progress.add(new long[] {done, total}),
                        new Cancellation()));
            }
            assertRebuiltLikeTheReference(data, progress, reference, expected);
        }
    }

    @Test
    void aCancelledReindexStopsAndTheNextStartRebuildsTheRest() throws Exception {
        Path data = dir.resolve("library");
        fill(data);
        Cancellation cancellation = new Cancellation();
        try (Library library = Library.open(data)) {
            assertThrows(CancellationException.class, () -> library.reindex(stopAfterFirstProgress(cancellation), cancellation));
        }
        try (Library library = Library.open(data)) {
            assertEquals(ARTICLES, indexedCount(library));
        }
    }

    @Test
    void aCancelledReconcileKeepsWhatItIndexedAndTheNextReconcileAddsTheRest() throws Exception {
        Path data = dir.resolve("library");
        fill(data);
        Cancellation cancellation = new Cancellation();
        try (Library library = Library.openWithoutReconcile(data)) {
            assertThrows(CancellationException.class, () -> library.reconcileIndex(stopAfterFirstProgress(cancellation), cancellation));
            // the batches handed out before the stop are indexed and committed (how many depends on the cores)
            long found = indexedCount(library);
            assertTrue(found >= ParallelIndexer.PROGRESS_EVERY && found <= ARTICLES, "indexed before the stop: " + found);
            assertEquals(ARTICLES - found, library.reconcileIndex(ProgressListener.NONE, new Cancellation()));
            assertEquals(ARTICLES, indexedCount(library));
        }
    }

    @Test
    void aReconcileCancelledBeforeItStartsIndexesNothing() throws Exception {
        Path data = dir.resolve("library");
        fill(data);
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();
        try (Library library = Library.openWithoutReconcile(data)) {
            assertThrows(CancellationException.class, () -> library.reconcileIndex(ProgressListener.NONE, cancellation));
            assertEquals(0, indexedCount(library));
            assertEquals(ARTICLES, library.reconcileIndex(ProgressListener.NONE, null));
        }
    }

    /** A progress listener that cancels once {@link ParallelIndexer#PROGRESS_EVERY} articles are indexed. */
    private static ProgressListener stopAfterFirstProgress(Cancellation cancellation) {
        return (done, total, m) -> {
            if (done >= ParallelIndexer.PROGRESS_EVERY) {
                cancellation.cancel();
            }
        };
    }

    /** Articles the library's search index holds (all match a query of only an excluded word). */
    private static long indexedCount(Library library) {
        return library.search(new org.cryptosec.reader.model.SearchQuery("-zzzznothing", 1)).total();
    }

    @Test
    void aFailingArticleFailsTheRebuildWithItsReason() {
        try (ArticleIndex index = ArticleIndex.open(dir.resolve("i"));
                ParallelIndexer indexer = new ParallelIndexer(index, 2, 3, null, "Indexed", null)) {
            indexer.add(article(1, new Random(1)));
            indexer.add(article(0, new Random(2))); // id 0: never stored, the index refuses it
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, indexer::finish);
            assertTrue(e.getMessage().contains("stored before indexing"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> new ParallelIndexer(index, 0, 0, null, "Indexed", null));
        }
    }

    /** The progress climbed to the total, and the library's rebuilt index holds and matches what the reference does. */
    private static void assertRebuiltLikeTheReference(Path data, List<long[]> progress, ArticleIndex reference,
            List<long[]> expected) {
        assertProgressClimbsToTheTotal(progress);
        try (ArticleIndex rebuilt = ArticleIndex.open(Library.indexDir(data))) {
            assertEquals(reference.indexedIds(), rebuilt.indexedIds());
            assertSameMatches(expected, matches(rebuilt));
        }
    }

    private static void assertProgressClimbsToTheTotal(List<long[]> progress) {
        assertTrue(progress.size() >= 2, "progress reported: " + progress.size());
        long last = -1;
        for (long[] p : progress) {
            assertTrue(p[0] >= last, "progress never goes back");
            last = p[0];
        }
        long[] end = progress.get(progress.size() - 1);
        assertEquals(ARTICLES, end[0]);
        assertEquals(ARTICLES, end[1]);
    }

    private static List<long[]> matches(ArticleIndex index) {
        List<long[]> out = new ArrayList<>();
        for (String q : QUERIES) {
            long[] ids = index.matchingIds(q);
            Arrays.sort(ids);
            out.add(ids);
        }
        return out;
    }

    private static void assertSameMatches(List<long[]> expected, List<long[]> actual) {
        int nonEmpty = 0;
        for (int i = 0; i < QUERIES.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), QUERIES.get(i));
            nonEmpty += expected.get(i).length > 0 ? 1 : 0;
        }
        assertTrue(nonEmpty >= QUERIES.size() - 2, "queries that match something: " + nonEmpty);
    }

    /** Stores {@value #ARTICLES} made-up articles; returns them with their ids. */
    private static List<Article> fill(Path data) {
        List<Article> out = new ArrayList<>();
        try (Database db = Database.open(data.resolve("library.db"))) {
            FeedRepository feeds = new FeedRepository(db);
            AuthorRepository authors = new AuthorRepository(db);
            ArticleRepository articles = new ArticleRepository(db);
            db.inTransaction(() -> {
                Feed feed = feeds.add(Feed.newFeed("https://example.org/feed.xml", "Example", "https://example.org/", "Test"));
                Map<String, Author> people = new HashMap<>();
                for (String name : List.of("Ann Walker", "Timo Bult", "Joe Smith")) {
                    people.put(name, authors.upsert(Author.named(name)));
                }
                Random rnd = new Random(7);
                for (int i = 1; i <= ARTICLES; i++) {
                    Article a = article(0, rnd);
                    Article withFeed = new Article(0, feed.id(), "g" + i, "https://example.org/a/" + i, a.title(),
                            a.source(), List.of(people.get(List.of("Ann Walker", "Timo Bult", "Joe Smith").get(i % 3))),
                            a.published(), a.lang(), 1, null, a.tags(), "<p>" + a.text() + "</p>", a.text(), a.fetched());
                    out.add(withFeed.withId(articles.insert(withFeed, null, null)));
                }
                return null;
            });
        }
        return out;
    }

    private static Article article(long id, Random rnd) {
        StringBuilder text = new StringBuilder();
        for (int w = 0, n = 20 + rnd.nextInt(120); w < n; w++) {
            text.append(WORDS[rnd.nextInt(WORDS.length)]).append(rnd.nextInt(9) == 0 ? ". " : " ");
        }
        String title = WORDS[rnd.nextInt(WORDS.length)] + " " + WORDS[rnd.nextInt(WORDS.length)];
        Instant published = Instant.parse("2020-01-01T00:00:00Z").plusSeconds(rnd.nextInt(4 * 365) * 86_400L);
        return new Article(id, 1, "g" + id, "https://example.org/x/" + id, title, rnd.nextBoolean() ? "Rekt News" : "rekt news",
                List.of(Author.named("Ann Walker")), published, LANGS[rnd.nextInt(LANGS.length)], 1, null,
                List.of(TAGS[rnd.nextInt(TAGS.length)]), "", text.toString(), Instant.parse("2024-01-01T00:00:00Z"));
    }
}
