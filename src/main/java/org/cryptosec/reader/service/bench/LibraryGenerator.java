package org.cryptosec.reader.service.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.Author;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.search.ArticleIndex;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.service.LibraryException;
import org.cryptosec.reader.store.ArticleRepository;
import org.cryptosec.reader.store.AuthorRepository;
import org.cryptosec.reader.store.Database;
import org.cryptosec.reader.store.FeedRepository;
import org.cryptosec.reader.task.PooledTaskExecutor;
import org.cryptosec.reader.task.ProgressListener;
import org.cryptosec.reader.task.TaskExecutor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Builds a benchmark library by sampling sentences, titles, authors and dates from the real corpora
 * (rekt-news, divd-csirt, binance-news). The same corpus and seed give the same articles. Each source
 * is one feed; each article takes its language from the lane of its source it was drawn from
 * (rekt: en/de, divd: nl/en, binance: en) and is 300..1500 words long.
 */
public final class LibraryGenerator {

    public static final long DEFAULT_SEED = 42;
    public static final int MIN_WORDS = 300;
    public static final int MAX_WORDS = 1500;
    public static final int MAX_ARTICLES = 2_000_000;
    /** Articles per SQLite transaction. */
    static final int BATCH = 2_000;
    /** Articles per indexing task: small, so a thread writing a segment to disk holds up no others. */
    static final int INDEX_CHUNK = 100;
    private static final String FEED_BASE = "https://bench.cryptosec.invalid/";

    /** How long the writes took, split by store. */
    /**
     * {@code storeNanos}: time in SQLite; {@code indexNanos}: time indexing into Lucene (until each
     * batch's documents were all added, commits included); {@code wallNanos}: the ingest as a whole,
     * where a batch is stored while the one before is indexed, so it is less than the sum.
     * Generating the articles is not counted.
     */
    public record WriteReport(int articles, long storeNanos, long indexNanos, long wallNanos, Path dataDir) {

        public WriteReport(int articles, long storeNanos, long indexNanos, Path dataDir) {
            this(articles, storeNanos, indexNanos, storeNanos + indexNanos, dataDir);
        }

        public double articlesPerSecond() {
            return wallNanos <= 0 ? 0 : articles / (wallNanos / 1e9);
        }
    }

    /** An article not stored yet: the source key tells which feed it belongs to. */
    public record Draft(String sourceKey, String title, String lang, List<String> authors, Instant published,
            String text, int words) {
    }

    private final Corpus corpus;

    private LibraryGenerator(Corpus corpus) {
        this.corpus = corpus;
    }

    /** The corpus folder used when none is given: {@code ../shared/data/articles} from the working dir. */
    public static Path defaultCorpusDir() {
        return Path.of("..", "shared", "data", "articles");
    }

    /** @throws LibraryException when the folder is absent or a corpus file is unreadable */
    public static LibraryGenerator load(Path corpusDir) throws LibraryException {
        return new LibraryGenerator(Corpus.load(corpusDir));
    }

    /** All corpus sentences, in corpus order (the query vocabulary comes from them). */
    public List<String> sentences() {
        List<String> all = new ArrayList<>();
        for (Corpus.Source s : corpus.sources) {
            for (Corpus.Lane lane : s.lanes()) {
                all.addAll(lane.sentences());
            }
        }
        return all;
    }

    /** Every author name the generator can pick, in corpus order. */
    public List<String> authorNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Corpus.Source s : corpus.sources) {
            for (Corpus.Lane lane : s.lanes()) {
                names.addAll(lane.authors());
            }
        }
        return List.copyOf(names);
    }

    /** A deterministic stream of drafts: the i-th call to {@link Drafts#next()} depends only on the seed. */
    public Drafts drafts(long seed) {
        return new Drafts(new Random(seed));
    }

    public final class Drafts {
        private final Random rnd;

        private Drafts(Random rnd) {
            this.rnd = rnd;
        }

        public Draft next() {
            Corpus.Source source = corpus.sources.get(rnd.nextInt(corpus.sources.size()));
            Corpus.Lane lane = source.lanes().get(rnd.nextInt(source.lanes().size()));
            String title = pick(lane.titles());
            List<String> authors = new ArrayList<>();
            authors.add(pick(lane.authors()));
            if (lane.authors().size() > 1 && rnd.nextInt(10) == 0) {
                String second = pick(lane.authors());
                if (!second.equals(authors.get(0))) {
                    authors.add(second);
                }
            }
            long day = source.dates().get(rnd.nextInt(source.dates().size()));
            Instant published = LocalDate.ofEpochDay(day).atStartOfDay(ZoneOffset.UTC).toInstant()
                    .plusSeconds(rnd.nextInt(86_400));
            int target = MIN_WORDS + rnd.nextInt(MAX_WORDS - MIN_WORDS + 1);
            StringBuilder text = new StringBuilder(target * 7);
            int words = 0;
            int inParagraph = 0;
            int paragraphLength = 3 + rnd.nextInt(4);
            while (words < target) {
                String sentence = pick(lane.sentences());
                String[] parts = sentence.split(" ");
                int room = MAX_WORDS - words;
                if (parts.length > room) {
                    sentence = String.join(" ", List.of(parts).subList(0, room));
                    parts = sentence.split(" ");
                }
                if (inParagraph == paragraphLength) {
                    text.append("\n\n");
                    inParagraph = 0;
                    paragraphLength = 3 + rnd.nextInt(4);
                } else if (text.length() > 0) {
                    text.append(' ');
                }
                text.append(sentence);
                inParagraph++;
                words += parts.length;
            }
            return new Draft(source.key(), title, lane.lang(), authors, published, text.toString(), words);
        }

        private String pick(List<String> list) {
            return list.get(rnd.nextInt(list.size()));
        }
    }

    /**
     * Writes {@code count} articles into the library in {@code dataDir} (which must hold no articles yet)
     * through the real store, in transactions of {@value #BATCH}, then indexes them through ArticleIndex.
     */
    public WriteReport write(Path dataDir, int count, long seed, ProgressListener progress) throws LibraryException {
        if (count < 1 || count > MAX_ARTICLES) {
            throw new IllegalArgumentException("--articles must be between 1 and " + MAX_ARTICLES + ", not " + count);
        }
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new LibraryException("Cannot create the data folder " + dataDir + ": " + e.getMessage(), e);
        }
        try (Database db = Database.open(dataDir.resolve("library.db"));
                ArticleIndex index = ArticleIndex.openOrRecreate(Library.indexDir(dataDir))) {
            return write(db, index, dataDir, count, seed, progress);
        } catch (RuntimeException e) {
            throw new LibraryException("Cannot generate the library in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** Like {@link #write(Path, int, long, ProgressListener)} into an open database and index. */
    public WriteReport write(Database db, ArticleIndex index, Path dataDir, int count, long seed,
            ProgressListener progress) throws LibraryException {
        ArticleRepository articles = new ArticleRepository(db);
        long existing = articles.count();
        if (existing > 0) {
            throw new LibraryException("The library in " + dataDir + " already holds " + existing
                    + " articles: generate into an empty folder", null);
        }
        FeedRepository feeds = new FeedRepository(db);
        AuthorRepository authorRepo = new AuthorRepository(db);
        Map<String, Long> feedIds = new HashMap<>();
        Map<String, String> feedTitles = new HashMap<>();
        Map<String, Author> authors = new HashMap<>();
        db.inTransaction(() -> {
            for (Corpus.Source s : corpus.sources) {
                Feed f = feeds.add(Feed.newFeed(FEED_BASE + s.key() + "/feed.xml", s.title(), s.siteUrl(), "Benchmark"));
                feedIds.put(s.key(), f.id());
                feedTitles.put(s.key(), s.title());
            }
            for (String name : authorNames()) {
                authors.put(name, authorRepo.upsert(Author.named(name)));
            }
        });
        Drafts drafts = drafts(seed);
        try (TaskExecutor indexers = new PooledTaskExecutor(INDEX_THREADS); ArticleIndex.BulkLoad bulk = index.bulkLoad()) {
            return write(db, index, articles, feedIds, feedTitles, authors, drafts, dataDir, count, seed, progress,
                    indexers);
        }
    }

    /**
     * Analysis is most of the indexing time and IndexWriter takes documents from several threads at
     * once (one in-memory segment each), so each batch is indexed by {@value #INDEX_THREADS}-ish workers.
     */
    static final int INDEX_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /**
     * Starts indexing the batch over the workers in chunks of {@value #INDEX_CHUNK} (a worker that
     * finishes early, or whose segment was not being written, takes the next chunk); {@link #await}
     * waits for it.
     */
    private static List<Future<Object>> indexInParallel(ArticleIndex index, List<Article> batch, TaskExecutor indexers) {
        List<Future<Object>> running = new ArrayList<>();
        for (int from = 0; from < batch.size(); from += INDEX_CHUNK) {
            List<Article> chunk = batch.subList(from, Math.min(batch.size(), from + INDEX_CHUNK));
            running.add(indexers.execute(() -> {
                for (Article a : chunk) {
                    index.index(a);
                }
                return null;
            }));
        }
        return running;
    }

    /**
     * Commits once at the end: the in-memory segments are first written by all workers at once
     * ({@link ArticleIndex#flushBuffers}), since a commit alone writes them from one thread.
     */
    private static void flushAndCommit(ArticleIndex index, TaskExecutor indexers) throws LibraryException {
        List<Future<Object>> flushing = new ArrayList<>();
        for (int i = 0; i < INDEX_THREADS; i++) {
            flushing.add(indexers.execute(() -> {
                index.flushBuffers();
                return null;
            }));
        }
        await(flushing);
        index.commit();
    }

    private static void await(List<Future<Object>> running) throws LibraryException {
        for (Future<Object> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LibraryException("Indexing was interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new LibraryException("Indexing failed: " + cause.getMessage(), cause);
            }
        }
    }

    private WriteReport write(Database db, ArticleIndex index, ArticleRepository articles, Map<String, Long> feedIds,
            Map<String, String> feedTitles, Map<String, Author> authors, Drafts drafts, Path dataDir, int count,
            long seed, ProgressListener progress, TaskExecutor indexers) throws LibraryException {
        long storeNanos = 0;
        long indexNanos = 0;
        long wallNanos = 0;
        int generated = 0;
        int indexed = 0;
        Instant fetchedBase = Instant.parse("2026-01-01T00:00:00Z");
        // Pipelined: batch k+1 goes into SQLite (this thread) while batch k is indexed (the workers).
        // Each step is timed from its start until both are done; generating the next batch is not timed.
        List<Article> toIndex = List.of();
        List<Article> toStore = nextBatch(drafts, authors, feedIds, feedTitles, seed, fetchedBase, generated,
                Math.min(BATCH, count));
        generated += toStore.size();
        while (!toStore.isEmpty() || !toIndex.isEmpty()) {
            long t0 = System.nanoTime();
            List<Future<Object>> indexing = toIndex.isEmpty() ? List.of() : indexInParallel(index, toIndex, indexers);
            List<Article> batch = toStore;
            List<Article> stored = batch.isEmpty() ? List.of() : db.inTransaction(() -> {
                List<Article> withIds = new ArrayList<>(batch.size());
                for (Article a : batch) {
                    withIds.add(a.withId(articles.insert(a, null, null)));
                }
                return withIds;
            });
            long t1 = System.nanoTime();
            await(indexing);
            int before = indexed;
            indexed += toIndex.size();
            if (indexed > before && indexed == count) {
                flushAndCommit(index, indexers);
            }
            long t2 = System.nanoTime();
            storeNanos += t1 - t0;
            if (!toIndex.isEmpty()) {
                indexNanos += t2 - t0;
            }
            wallNanos += t2 - t0;
            if (indexed > before) {
                progress.progress(indexed, count, "Generated " + indexed + " of " + count + " articles");
            }
            toIndex = stored;
            int n = Math.min(BATCH, count - generated);
            toStore = n <= 0 ? List.of() : nextBatch(drafts, authors, feedIds, feedTitles, seed, fetchedBase, generated, n);
            generated += toStore.size();
        }
        return new WriteReport(count, storeNanos, indexNanos, wallNanos, dataDir);
    }

    /** The next {@code n} articles, numbered after {@code done}. */
    private static List<Article> nextBatch(Drafts drafts, Map<String, Author> authors, Map<String, Long> feedIds,
            Map<String, String> feedTitles, long seed, Instant fetchedBase, int done, int n) {
        List<Article> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int number = done + i + 1;
            Draft d = drafts.next();
            List<Author> byline = new ArrayList<>();
            for (String name : d.authors()) {
                byline.add(authors.get(name));
            }
            String guid = "bench-" + seed + "-" + number;
            batch.add(new Article(0, feedIds.get(d.sourceKey()), guid, FEED_BASE + d.sourceKey() + "/" + number,
                    d.title(), feedTitles.get(d.sourceKey()), byline, d.published(), d.lang(),
                    Math.max(1, (d.words() + 199) / 200), null, List.of(), html(d.text()), d.text(),
                    fetchedBase.plusSeconds(number)));
        }
        return batch;
    }

    /** Paragraphs as escaped {@code <p>} elements. */
    static String html(String text) {
        StringBuilder b = new StringBuilder(text.length() + 64);
        for (String p : text.split("\n\n")) {
            b.append("<p>");
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                switch (c) {
                    case '<' -> b.append("&lt;");
                    case '>' -> b.append("&gt;");
                    case '&' -> b.append("&amp;");
                    case '"' -> b.append("&quot;");
                    default -> b.append(c);
                }
            }
            b.append("</p>\n");
        }
        return b.toString();
    }
}
