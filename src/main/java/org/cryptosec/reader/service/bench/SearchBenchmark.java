package org.cryptosec.reader.service.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cryptosec.reader.model.SearchQuery;
import org.cryptosec.reader.search.ArticleIndex;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.service.LibraryException;
import org.cryptosec.reader.store.BenchmarkQueries;
import org.cryptosec.reader.store.Database;
import org.cryptosec.reader.task.ProgressListener;

/**
 * Search benchmark: generates a library with {@link LibraryGenerator} in a work folder, measures the
 * ingest (SQLite + Lucene), the index size, and the latency of a fixed query mix on Lucene (through
 * ArticleIndex, top 20 with snippets), on an SQLite FTS5 table (bm25, snippet(), LIMIT 20) and on
 * {@code LIKE '%word%'} over the articles table. Single-threaded; never asserts anything about time.
 */
public final class SearchBenchmark {

    /** Query kinds of the mix, in the order they are interleaved. */
    public enum Kind { WORD, TWO_WORDS, PHRASE, AUTHOR, PREFIX, FUZZY, DATE_FACETS }

    /**
     * One query of the mix. {@code words} holds one word (WORD, PREFIX: the prefix, FUZZY, DATE_FACETS),
     * two, or the phrase words; {@code author} is the author, or for DATE_FACETS the month the filter starts.
     */
    public record BenchQuery(Kind kind, List<String> words, String author) {

        /** What the Lucene side runs: the text, and for DATE_FACETS the facet counts too. */
        public SearchQuery search(int limit) {
            return new SearchQuery(lucene(), limit).withFacets(kind == Kind.DATE_FACETS);
        }

        public String lucene() {
            return switch (kind) {
                case WORD -> words.get(0);
                case TWO_WORDS -> words.get(0) + " " + words.get(1);
                case PHRASE -> "\"" + String.join(" ", words) + "\"";
                case AUTHOR -> "author:\"" + author + "\"";
                case PREFIX -> words.get(0) + "*";
                case FUZZY -> words.get(0) + "~";
                case DATE_FACETS -> words.get(0) + " after:" + author;
            };
        }
    }

    /** Milliseconds. {@code queries} ran, {@code meanHits} results per query on average. */
    public record Latency(double p50, double p95, double p99, int queries, double meanHits) {
    }

    public record Report(int articles, double ingestPerSecond, double sqlitePerSecond, double lucenePerSecond,
            long indexBytes, long databaseBytes, long fts5Bytes, double fts5BuildSeconds,
            Latency lucene, Latency fts5, Latency like, Map<Kind, Latency> luceneByKind,
            Map<Kind, Latency> fts5ByKind, List<String> notes) {
    }

    public static final int QUERY_COUNT = 210;
    public static final int TOP = 20;
    /** LIKE scans the whole table per query: stop after this long (but run at least one query per kind). */
    public static final long LIKE_BUDGET_NANOS = 60_000_000_000L;

    private static final Pattern WORD = Pattern.compile("\\p{L}{4,15}");
    private static final Pattern PAIR = Pattern.compile("(?<![\\p{L}\\d])(\\p{L}{3,15}) (\\p{L}{3,15})(?![\\p{L}\\d])");

    private final LibraryGenerator generator;

    public SearchBenchmark(LibraryGenerator generator) {
        this.generator = generator;
    }

    /** The query mix: {@link #QUERY_COUNT} queries, kinds interleaved, drawn from the corpus with the seed. */
    public List<BenchQuery> queries(long seed) {
        List<String> sentences = generator.sentences();
        Map<String, Integer> counts = new HashMap<>();
        for (String s : sentences) {
            Matcher m = WORD.matcher(s);
            while (m.find()) {
                counts.merge(m.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        List<String> vocabulary = new ArrayList<>(counts.keySet());
        vocabulary.sort(Comparator.comparing((String w) -> -counts.get(w)).thenComparing(Function.identity()));
        // Skip the most frequent words (function words) and the hapaxes: the middle is what people type.
        int from = Math.min(100, vocabulary.size() / 10);
        int to = Math.max(from + 1, Math.min(vocabulary.size(), 3_000));
        List<String> band = vocabulary.subList(from, to);
        List<String> authors = generator.authorNames();
        Random rnd = new Random(seed ^ 0x5EA5C4L);
        List<BenchQuery> queries = new ArrayList<>(QUERY_COUNT);
        Kind[] kinds = Kind.values();
        for (int i = 0; i < QUERY_COUNT; i++) {
            Kind kind = kinds[i % kinds.length];
            String w = band.get(rnd.nextInt(band.size()));
            BenchQuery q = switch (kind) {
                case WORD -> new BenchQuery(kind, List.of(w), null);
                case TWO_WORDS -> new BenchQuery(kind, List.of(w, band.get(rnd.nextInt(band.size()))), null);
                case PHRASE -> phrase(sentences, rnd, w);
                case AUTHOR -> new BenchQuery(kind, List.of(), authors.get(rnd.nextInt(authors.size())));
                case PREFIX -> new BenchQuery(kind, List.of(w.substring(0, Math.min(w.length(), 4 + rnd.nextInt(2)))), null);
                case FUZZY -> new BenchQuery(kind, List.of(w), null);
                case DATE_FACETS -> new BenchQuery(kind, List.of(w),
                        String.format(Locale.ROOT, "%d-%02d", 2020 + rnd.nextInt(4), 1 + rnd.nextInt(12)));
            };
            queries.add(q);
        }
        return queries;
    }

    private static BenchQuery phrase(List<String> sentences, Random rnd, String fallback) {
        for (int attempt = 0; attempt < 50; attempt++) {
            String s = sentences.get(rnd.nextInt(sentences.size()));
            Matcher m = PAIR.matcher(s);
            List<String[]> pairs = new ArrayList<>();
            while (m.find()) {
                pairs.add(new String[] {m.group(1), m.group(2)});
            }
            if (!pairs.isEmpty()) {
                String[] p = pairs.get(rnd.nextInt(pairs.size()));
                return new BenchQuery(Kind.PHRASE, List.of(p[0].toLowerCase(Locale.ROOT), p[1].toLowerCase(Locale.ROOT)), null);
            }
        }
        return new BenchQuery(Kind.WORD, List.of(fallback), null);
    }

    /**
     * Generates {@code articles} articles into {@code workDir} (an empty folder) and measures everything.
     */
    public Report run(Path workDir, int articles, long seed, ProgressListener progress) throws LibraryException {
        Path dataDir = workDir;
        List<String> notes = new ArrayList<>();
        notes.add("date_facets: Lucene runs 'word after:YYYY-MM' and counts the six facets over all hits;"
                + " FTS5 and LIKE run the plain word (no date filter, no counts)");
        List<BenchQuery> queries = queries(seed);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new LibraryException("Cannot create the benchmark folder " + dataDir + ": " + e.getMessage(), e);
        }
        try (Database db = Database.open(dataDir.resolve("library.db"));
                ArticleIndex index = ArticleIndex.openOrRecreate(Library.indexDir(dataDir))) {
            LibraryGenerator.WriteReport written = generator.write(db, index, dataDir, articles, seed, progress);
            long settleStart = System.nanoTime();
            index.settle(); // queries and size measured once background merges are done
            notes.add(String.format(Locale.ROOT, "segments were merged after the ingest (not counted in it): %.1f s",
                    (System.nanoTime() - settleStart) / 1e9));
            long indexBytes = folderBytes(Library.indexDir(dataDir));
            long databaseBytes = folderBytes(dataDir) - folderBytes(dataDir.resolve("index"));

            progress.progress(0, queries.size(), "Lucene queries");
            warmUp(queries, q -> index.search(q.search(TOP)).hits().size());
            Map<Kind, List<double[]>> luceneRuns = time(queries, q -> index.search(q.search(TOP)).hits().size());

            progress.progress(0, queries.size(), "Building the FTS5 table");
            BenchmarkQueries sql = new BenchmarkQueries(db);
            long t0 = System.nanoTime();
            long fts5Bytes = sql.buildFullTextTable();
            double fts5Seconds = (System.nanoTime() - t0) / 1e9;
            notes.add("FTS5 has no fuzzy search: fuzzy~ queries ran as the plain word; author: ran as a join on authors.name_key"
                    + " (the FTS5 table covers title+text)");
            Function<BenchQuery, Integer> fts = q -> switch (q.kind()) {
                case AUTHOR -> sql.byAuthor(q.author(), TOP).size();
                case PHRASE -> sql.fullText(BenchmarkQueries.ftsPhrase(q.words()), TOP).size();
                case PREFIX -> sql.fullText(BenchmarkQueries.ftsPrefix(q.words().get(0)), TOP).size();
                case TWO_WORDS -> sql.fullText(BenchmarkQueries.ftsTerm(q.words().get(0)) + " "
                        + BenchmarkQueries.ftsTerm(q.words().get(1)), TOP).size();
                case WORD, FUZZY, DATE_FACETS -> sql.fullText(BenchmarkQueries.ftsTerm(q.words().get(0)), TOP).size();
            };
            progress.progress(0, queries.size(), "FTS5 queries");
            warmUp(queries, fts);
            Map<Kind, List<double[]>> ftsRuns = time(queries, fts);

            progress.progress(0, queries.size(), "LIKE queries");
            Function<BenchQuery, Integer> like = q -> switch (q.kind()) {
                case AUTHOR -> sql.like(List.of(), q.author(), TOP).size();
                case PHRASE -> sql.like(List.of(String.join(" ", q.words())), null, TOP).size();
                default -> sql.like(q.words(), null, TOP).size();
            };
            Map<Kind, List<double[]>> likeRuns = timeWithBudget(queries, like, LIKE_BUDGET_NANOS);
            int likeCount = count(likeRuns);
            if (likeCount < queries.size()) {
                notes.add("LIKE ran " + likeCount + " of " + queries.size() + " queries (each scans the table; "
                        + LIKE_BUDGET_NANOS / 1_000_000_000L + " s budget)");
            }
            notes.add("LIKE scans every row (all matches, newest 20 returned); prefix* ran as '%prefix%', fuzzy~ as the"
                    + " plain word, author: as authors.name LIKE");

            return new Report(articles, written.articlesPerSecond(),
                    written.articles() / Math.max(1e-9, written.storeNanos() / 1e9),
                    written.articles() / Math.max(1e-9, written.indexNanos() / 1e9),
                    indexBytes, databaseBytes, fts5Bytes, fts5Seconds,
                    latency(all(luceneRuns)), latency(all(ftsRuns)), latency(all(likeRuns)),
                    byKind(luceneRuns), byKind(ftsRuns), List.copyOf(notes));
        } catch (RuntimeException e) {
            throw new LibraryException("Search benchmark failed: " + e.getMessage(), e);
        }
    }

    /** {@link #run} in a fresh temporary folder, deleted afterwards. */
    public Report runInTemporaryFolder(int articles, long seed, ProgressListener progress) throws LibraryException {
        Path dir;
        try {
            dir = Files.createTempDirectory("cryptosec-bench-");
        } catch (IOException e) {
            throw new LibraryException("Cannot create a temporary folder for the benchmark: " + e.getMessage(), e);
        }
        try {
            return run(dir, articles, seed, progress);
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(SearchBenchmark.class).warn("could not delete benchmark folder {}: {}", dir, e.toString());
        }
    }

    private static void warmUp(List<BenchQuery> queries, Function<BenchQuery, Integer> run) {
        for (BenchQuery q : queries) {
            run.apply(q);
        }
    }

    /** Per kind: {millis, hits} per query. */
    private static Map<Kind, List<double[]>> time(List<BenchQuery> queries, Function<BenchQuery, Integer> run) {
        return timeWithBudget(queries, run, Long.MAX_VALUE);
    }

    private static Map<Kind, List<double[]>> timeWithBudget(List<BenchQuery> queries, Function<BenchQuery, Integer> run,
            long budgetNanos) {
        Map<Kind, List<double[]>> runs = new LinkedHashMap<>();
        long start = System.nanoTime();
        int minimum = Kind.values().length;
        for (int i = 0; i < queries.size(); i++) {
            if (i >= minimum && System.nanoTime() - start > budgetNanos) {
                break;
            }
            BenchQuery q = queries.get(i);
            long t0 = System.nanoTime();
            int hits = run.apply(q);
            double millis = (System.nanoTime() - t0) / 1e6;
            runs.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(new double[] {millis, hits});
        }
        return runs;
    }

    private static int count(Map<Kind, List<double[]>> runs) {
        return runs.values().stream().mapToInt(List::size).sum();
    }

    private static List<double[]> all(Map<Kind, List<double[]>> runs) {
        List<double[]> all = new ArrayList<>();
        runs.values().forEach(all::addAll);
        return all;
    }

    private static Map<Kind, Latency> byKind(Map<Kind, List<double[]>> runs) {
        Map<Kind, Latency> map = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            if (runs.containsKey(k)) {
                map.put(k, latency(runs.get(k)));
            }
        }
        return map;
    }

    /** Nearest-rank percentiles. */
    static Latency latency(List<double[]> runs) {
        if (runs.isEmpty()) {
            return new Latency(0, 0, 0, 0, 0);
        }
        double[] millis = runs.stream().mapToDouble(r -> r[0]).toArray();
        Arrays.sort(millis);
        double hits = runs.stream().mapToDouble(r -> r[1]).average().orElse(0);
        return new Latency(percentile(millis, 50), percentile(millis, 95), percentile(millis, 99), millis.length, hits);
    }

    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static long folderBytes(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // vanished while walking (e.g. a merged segment)
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + dir + ": " + e.getMessage(), e);
        }
    }
}
