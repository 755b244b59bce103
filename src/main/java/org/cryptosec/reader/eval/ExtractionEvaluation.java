package org.cryptosec.reader.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cryptosec.reader.extract.ArticleExtractor;
import org.cryptosec.reader.extract.ExtractedArticle;
import org.cryptosec.reader.extract.Extraction;
import org.cryptosec.reader.extract.ExtractionException;
import org.cryptosec.reader.extract.PageDecoder;
import org.cryptosec.reader.extract.corpus.BenchmarkCorpus;
import org.cryptosec.reader.extract.corpus.BenchmarkPage;
import org.cryptosec.reader.model.Author;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@link ArticleExtractor} over the extraction benchmarks and scores it per benchmark set. */
public final class ExtractionEvaluation {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractionEvaluation.class);

    /** What the extractor said about one page. {@code published} is yyyy-mm-dd as the page wrote it, {@code byline} the authors joined by ", ". */
    public record Prediction(String title, String byline, String published, String lang, String text) {
        static final Prediction NONE = new Prediction(null, null, null, null, null);
    }

    /** The scores of one benchmark set, metric name to value (F1s and accuracies in 0..1). */
    public record DatasetScore(String dataset, int pages, int failures, Map<String, Double> metrics) {
        public DatasetScore {
            metrics = Map.copyOf(metrics);
        }

        /** Metrics in a stable order (as {@link #metricNames()}). */
        public Map<String, Double> orderedMetrics() {
            Map<String, Double> m = new LinkedHashMap<>();
            for (String k : metricNames()) {
                m.put(k, metrics.get(k));
            }
            return m;
        }

        public List<String> metricNames() {
            return metrics.keySet().stream().sorted().collect(Collectors.toList());
        }

        public double metric(String name) {
            Double v = metrics.get(name);
            if (v == null) {
                throw new IllegalArgumentException("no metric " + name + " for " + dataset + " (have " + metrics.keySet() + ")");
            }
            return v;
        }
    }

    /** The whole run: predictions keyed {@code dataset/name}, scores per set, and extraction speed. */
    public record Report(Map<String, Prediction> predictions, List<DatasetScore> datasets, int pages,
                         double extractSeconds, double pagesPerSecond) {
        public Report {
            predictions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(predictions));
            datasets = List.copyOf(datasets);
        }

        public DatasetScore dataset(String name) {
            return datasets.stream().filter(d -> d.dataset().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no benchmark set " + name + " in this report"));
        }
    }

    private final ArticleExtractor extractor;

    /** With the application's own extractor. */
    public ExtractionEvaluation() {
        this(new ArticleExtractor());
    }

    public ExtractionEvaluation(ArticleExtractor extractor) {
        this.extractor = extractor;
    }

    /** Evaluates every benchmark set present in {@code dataDir}. */
    public Report run(Path dataDir) throws IOException {
        return evaluate(BenchmarkCorpus.load(dataDir));
    }

    /** Evaluates the given pages (from {@link BenchmarkCorpus}). */
    public Report evaluate(List<BenchmarkPage> pages) throws IOException {
        Map<String, Prediction> predictions = new LinkedHashMap<>();
        Map<String, List<BenchmarkPage>> byDataset = new LinkedHashMap<>();
        Map<String, Integer> failures = new LinkedHashMap<>();
        long nanos = 0;
        for (BenchmarkPage page : pages) {
            byte[] bytes = page.readBytes();
            long start = System.nanoTime();
            Prediction p;
            try {
                String html = PageDecoder.decode(bytes, null);
                p = predict(extractor.extractDetailed(html, page.url()));
            } catch (ExtractionException e) {
                LOG.warn("Extraction failed on {}: {}", page.key(), e.getMessage());
                failures.merge(page.dataset(), 1, Integer::sum);
                p = Prediction.NONE;
            }
            nanos += System.nanoTime() - start;
            predictions.put(page.key(), p);
            byDataset.computeIfAbsent(page.dataset(), k -> new ArrayList<>()).add(page);
        }
        List<DatasetScore> scores = new ArrayList<>();
        for (Map.Entry<String, List<BenchmarkPage>> e : byDataset.entrySet()) {
            scores.add(new DatasetScore(e.getKey(), e.getValue().size(), failures.getOrDefault(e.getKey(), 0),
                    score(e.getValue(), predictions)));
        }
        double seconds = nanos / 1e9;
        return new Report(predictions, scores, pages.size(), seconds, seconds == 0 ? 0 : pages.size() / seconds);
    }

    static Prediction predict(Extraction e) {
        ExtractedArticle a = e.article();
        String byline = a.authors().isEmpty() ? null
                : a.authors().stream().map(Author::name).collect(Collectors.joining(", "));
        String published = e.publishedDay() != null ? e.publishedDay().toString()
                : a.published() == null ? null : a.published().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        return new Prediction(a.title(), byline, published, a.lang(), a.text());
    }

    /** The metrics of one set's pages: only the fields the set labels are scored. */
    static Map<String, Double> score(List<BenchmarkPage> pages, Map<String, Prediction> predictions) {
        TextMetrics.Counts shingles = TextMetrics.Counts.ZERO;
        TextMetrics.Counts segments = TextMetrics.Counts.ZERO;
        double bagSum = 0;
        int bodies = 0;
        int segmentPages = 0;
        int[] title = new int[2];
        int[] byline = new int[2];
        int[] date = new int[2];
        for (BenchmarkPage page : pages) {
            Prediction p = predictions.getOrDefault(page.key(), Prediction.NONE);
            if (page.body() != null) {
                shingles = shingles.plus(TextMetrics.shingleCounts(page.body(), p.text()));
                bagSum += TextMetrics.bagOfWordsF1(page.body(), p.text());
                bodies++;
            }
            if (!page.with().isEmpty() || !page.without().isEmpty()) {
                segments = segments.plus(TextMetrics.segmentCounts(p.text(), page.with(), page.without()));
                segmentPages++;
            }
            tally(title, page.title(), p.title(), TextMetrics::sameLabel);
            tally(byline, page.byline(), p.byline(), TextMetrics::sameLabel);
            tally(date, page.date(), p.published(), TextMetrics::sameDay);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        if (bodies > 0) {
            m.put("shingleF1", shingles.f1());
            m.put("shinglePrecision", shingles.precision());
            m.put("shingleRecall", shingles.recall());
            m.put("bagOfWordsF1", bagSum / bodies);
        }
        if (segmentPages > 0) {
            m.put("segmentsF1", segments.f1());
            m.put("segmentsPrecision", segments.precision());
            m.put("segmentsRecall", segments.recall());
        }
        putAccuracy(m, "titleAccuracy", title);
        putAccuracy(m, "authorAccuracy", byline);
        putAccuracy(m, "dateAccuracy", date);
        return m;
    }

    private interface Same {
        boolean test(String expected, String predicted);
    }

    private static void tally(int[] counts, String expected, String predicted, Same same) {
        if (expected == null) {
            return;
        }
        counts[1]++;
        if (same.test(expected, predicted)) {
            counts[0]++;
        }
    }

    private static void putAccuracy(Map<String, Double> m, String name, int[] counts) {
        if (counts[1] > 0) {
            m.put(name, counts[0] / (double) counts[1]);
        }
    }
}
