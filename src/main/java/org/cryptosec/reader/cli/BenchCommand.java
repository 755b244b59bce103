package org.cryptosec.reader.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cryptosec.reader.service.bench.LibraryGenerator;
import org.cryptosec.reader.service.bench.SearchBenchmark;
import org.cryptosec.reader.task.ProgressListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench generate|search|extract}: synthetic libraries from the real corpora, the search and extraction benchmarks. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure performance: refresh (a synthetic news network), search (generated libraries) and extraction.",
        subcommands = {BenchCommand.Generate.class, BenchCommand.Search.class, BenchExtractCommand.class,
                BenchRefreshCommand.class})
final class BenchCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: generate, search, extract or refresh");
    }

    /** Options shared by both subcommands. */
    abstract static class BenchOptions extends CliCommand {
        @Option(names = "--articles", paramLabel = "N", required = true, description = "Number of articles")
        int articles;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed (default 42)")
        long seed;

        @Option(names = "--corpus", paramLabel = "DIR",
                description = "Corpus folder (default ../shared/data/articles from the working folder)")
        Path corpus;

        Path corpusDir() {
            return corpus != null ? corpus : LibraryGenerator.defaultCorpusDir();
        }

        void check() {
            if (articles < 1 || articles > LibraryGenerator.MAX_ARTICLES) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--articles must be between 1 and " + LibraryGenerator.MAX_ARTICLES);
            }
        }

        ProgressListener progress() {
            var err = err();
            return (done, total, message) -> {
                err.printf("\r%-70s", message);
                err.flush();
            };
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true, description = "Write N articles sampled from the corpora into the library in --data-dir.")
    static final class Generate extends BenchOptions {

        @Override
        public Integer call() throws Exception {
            check();
            Path dir = dataDir();
            LibraryGenerator generator = LibraryGenerator.load(corpusDir());
            LibraryGenerator.WriteReport r = generator.write(dir, articles, seed, progress());
            var ctx = context();
            ctx.err().println();
            if (json()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("articles", r.articles());
                doc.put("dataDir", dir.toAbsolutePath().normalize().toString());
                doc.put("ingestPerSecond", Math.round(r.articlesPerSecond()));
                ctx.out().println(Json.write(doc));
            } else {
                ctx.out().printf("Generated %d articles in %s (%.0f articles/s into SQLite + Lucene)%n",
                        r.articles(), dir.toAbsolutePath().normalize(), r.articlesPerSecond());
            }
            ctx.out().flush();
            return 0;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true, description = "Generate N articles in a temporary folder and benchmark Lucene, FTS5 and LIKE.")
    static final class Search extends BenchOptions {

        @Override
        public Integer call() throws Exception {
            check();
            SearchBenchmark bench = new SearchBenchmark(LibraryGenerator.load(corpusDir()));
            SearchBenchmark.Report r = bench.runInTemporaryFolder(articles, seed, progress());
            var ctx = context();
            ctx.err().println();
            if (json()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("articles", r.articles());
                doc.put("ingestPerSecond", round(r.ingestPerSecond()));
                doc.put("indexBytes", r.indexBytes());
                doc.put("lucene", latency(r.lucene()));
                doc.put("fts5", latency(r.fts5()));
                doc.put("like", latency(r.like()));
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("sqliteIngestPerSecond", round(r.sqlitePerSecond()));
                details.put("luceneIngestPerSecond", round(r.lucenePerSecond()));
                details.put("databaseBytes", r.databaseBytes());
                details.put("fts5Bytes", r.fts5Bytes());
                details.put("fts5BuildSeconds", round(r.fts5BuildSeconds()));
                details.put("queries", Map.of("lucene", r.lucene().queries(), "fts5", r.fts5().queries(),
                        "like", r.like().queries()));
                Map<String, Object> kinds = new LinkedHashMap<>();
                r.luceneByKind().forEach((k, v) -> kinds.put(k.name().toLowerCase(), latency(v)));
                details.put("luceneByKind", kinds);
                Map<String, Object> ftsKinds = new LinkedHashMap<>();
                r.fts5ByKind().forEach((k, v) -> ftsKinds.put(k.name().toLowerCase(), latency(v)));
                details.put("fts5ByKind", ftsKinds);
                details.put("notes", r.notes());
                doc.put("details", details);
                ctx.out().println(Json.write(doc));
            } else {
                var out = ctx.out();
                out.printf("Articles:        %,d%n", r.articles());
                out.printf("Ingest:          %,.0f articles/s (SQLite %,.0f/s, Lucene %,.0f/s)%n",
                        r.ingestPerSecond(), r.sqlitePerSecond(), r.lucenePerSecond());
                out.printf("Lucene index:    %,d bytes%n", r.indexBytes());
                out.printf("SQLite database: %,d bytes (FTS5 table %,d bytes, built in %.1f s)%n",
                        r.databaseBytes(), r.fts5Bytes(), r.fts5BuildSeconds());
                out.printf("%n%-8s %8s %9s %9s %9s %9s%n", "engine", "queries", "p50 ms", "p95 ms", "p99 ms", "avg hits");
                row(out, "lucene", r.lucene());
                row(out, "fts5", r.fts5());
                row(out, "like", r.like());
                out.printf("%nLucene by kind:%n");
                r.luceneByKind().forEach((k, v) -> row(out, k.name().toLowerCase(), v));
                out.printf("%nFTS5 by kind:%n");
                r.fts5ByKind().forEach((k, v) -> row(out, k.name().toLowerCase(), v));
                out.println();
                r.notes().forEach(n -> out.println("note: " + n));
            }
            ctx.out().flush();
            return 0;
        }

        private static void row(java.io.PrintWriter out, String name, SearchBenchmark.Latency l) {
            out.printf("%-10s %6d %9.2f %9.2f %9.2f %9.1f%n", name, l.queries(), l.p50(), l.p95(), l.p99(), l.meanHits());
        }

        private static Map<String, Object> latency(SearchBenchmark.Latency l) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("p50", round(l.p50()));
            m.put("p95", round(l.p95()));
            m.put("p99", round(l.p99()));
            return m;
        }

        private static double round(double v) {
            return Math.round(v * 1000) / 1000.0;
        }
    }
}
