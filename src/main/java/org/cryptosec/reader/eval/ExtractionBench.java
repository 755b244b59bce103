package org.cryptosec.reader.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cryptosec.reader.extract.ArticleExtractor;
import org.cryptosec.reader.extract.ExtractionException;
import org.cryptosec.reader.extract.HtmlText;
import org.cryptosec.reader.extract.PageDecoder;
import org.cryptosec.reader.extract.corpus.BenchmarkCorpus;
import org.cryptosec.reader.extract.corpus.BenchmarkPage;

/**
 * Throughput of extraction against a bare Jsoup parse of the same pages (the floor), single thread, in CPU time of
 * the measuring thread (pages per CPU second on one core) so that other load on the machine does not skew the
 * figures. Pages are read and decoded before timing starts. Both are measured warm: after {@link #WARM_UP_PASSES}
 * passes of each, then the best of several measured rounds, which alternate extraction and parse. The JIT compiler
 * keeps speeding extraction up for some 25 passes over the 502 benchmark pages (session 12: 3.4x a parse in the
 * first pass, 2.14x in the eleventh, 2.05x in the sixteenth, 2.00-2.03x from the twenty-fifth on): the methods that
 * run once per page are compiled fully only after some 5,000 calls, that is in passes 10 to 19, while the parse's
 * few hot methods are ready within three passes. Sessions 5 to 11 measured after 10 passes.
 */
public final class ExtractionBench {

    /** Pages per second of the full extractor and of a plain parse. */
    public record Result(int pages, double extractPagesPerSecond, double parsePagesPerSecond) {
        /** How many times the cost of a bare parse extraction takes. */
        public double extractToParseCost() {
            return extractPagesPerSecond == 0 ? Double.POSITIVE_INFINITY : parsePagesPerSecond / extractPagesPerSecond;
        }
    }

    private record Page(String html, String url) {
    }

    private final ArticleExtractor extractor;

    /** With the application's own extractor. */
    public ExtractionBench() {
        this(new ArticleExtractor());
    }

    public ExtractionBench(ArticleExtractor extractor) {
        this.extractor = extractor;
    }

    /** Warm-up passes before the measured rounds by default. */
    public static final int WARM_UP_PASSES = 30;
    /**
     * Measured rounds by default: 15 since session 14 (5 before). The best of 5 moved with the machine's noise (the
     * same jar measured 1.99x and 2.05x a parse in two runs); runs of the best of 15 of one jar spread 0.05-0.06x.
     */
    public static final int ROUNDS = 15;

    /** {@link #WARM_UP_PASSES} warm-up passes, then the best of {@link #ROUNDS} measured rounds. */
    public Result run(Path dataDir) throws IOException {
        return run(dataDir, WARM_UP_PASSES, ROUNDS);
    }

    /**
     * {@code warmUps} passes of extraction and of the parse, then the best of {@code rounds} measured rounds (the
     * machine's noise only slows a round).
     */
    public Result run(Path dataDir, int warmUps, int rounds) throws IOException {
        if (warmUps < 0) {
            throw new IllegalArgumentException("warm-up passes must be at least 0, not " + warmUps);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, not " + rounds);
        }
        List<Page> pages = new ArrayList<>();
        for (BenchmarkPage p : BenchmarkCorpus.load(dataDir)) {
            pages.add(new Page(PageDecoder.decode(p.readBytes(), null), p.url()));
        }
        for (int i = 0; i < warmUps; i++) {
            extractPass(pages);
            parsePass(pages);
        }
        long bestExtract = Long.MAX_VALUE;
        long bestParse = Long.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            long t0 = now();
            extractPass(pages);
            long t1 = now();
            parsePass(pages);
            long t2 = now();
            bestExtract = Math.min(bestExtract, t1 - t0);
            bestParse = Math.min(bestParse, t2 - t1);
        }
        return new Result(pages.size(), rate(pages.size(), bestExtract), rate(pages.size(), bestParse));
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * The measuring thread's CPU time where the JVM offers it (so other work on a shared machine does not count
     * against a round), else wall-clock time.
     */
    private static long now() {
        if (THREADS.isCurrentThreadCpuTimeSupported()) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            if (cpu >= 0) {
                return cpu;
            }
        }
        return System.nanoTime();
    }

    private long extractPass(List<Page> pages) {
        long chars = 0;
        for (Page p : pages) {
            try {
                String text = extractor.extract(p.html(), p.url()).text();
                chars += text == null ? 0 : text.length();
            } catch (ExtractionException e) {
                chars--;
            }
        }
        return chars;
    }

    private long parsePass(List<Page> pages) {
        long elements = 0;
        for (Page p : pages) {
            elements += HtmlText.parseOnly(p.html(), p.url());
        }
        return elements;
    }

    private static double rate(int pages, long nanos) {
        return nanos <= 0 ? 0 : pages / (nanos / 1e9);
    }
}
