package org.cryptosec.reader.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cryptosec.reader.eval.ExtractionEvaluation;
import org.cryptosec.reader.eval.ExtractionEvaluation.DatasetScore;
import org.cryptosec.reader.eval.ExtractionEvaluation.Prediction;
import org.cryptosec.reader.eval.ExtractionEvaluation.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eval-extract DATA_DIR --predictions OUT.json}: score the article extractor on the extraction benchmarks. */
@Command(name = "eval-extract", description = "Run the article extractor over the extraction benchmarks in DATA_DIR "
        + "(readability/, scrapinghub/, trafilatura/, htmldate-mediacloud2020/), write its predictions and print "
        + "the metrics per benchmark set.")
final class EvalExtractCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "DATA_DIR", description = "Folder holding the benchmark sets")
    Path dataDir;

    @Option(names = "--predictions", paramLabel = "OUT.json", required = true,
            description = "Where to write the predictions, keyed dataset/name")
    Path predictions;

    @Override
    public Integer call() throws IOException {
        Report report = new ExtractionEvaluation().run(dataDir);
        Files.writeString(predictions, Json.write(predictionsJson(report.predictions())), StandardCharsets.UTF_8);
        if (json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("pages", report.pages());
            doc.put("pagesPerSecond", round(report.pagesPerSecond()));
            Map<String, Object> sets = new LinkedHashMap<>();
            for (DatasetScore s : report.datasets()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("pages", s.pages());
                m.put("failures", s.failures());
                s.orderedMetrics().forEach((k, v) -> m.put(k, round(v)));
                sets.put(s.dataset(), m);
            }
            doc.put("datasets", sets);
            doc.put("predictions", predictions.toString());
            printJson(doc);
        } else {
            var out = out();
            for (DatasetScore s : report.datasets()) {
                out.printf("%s: %d pages%s%n", s.dataset(), s.pages(),
                        s.failures() == 0 ? "" : " (" + s.failures() + " failed)");
                s.orderedMetrics().forEach((k, v) -> out.printf("  %-18s %.4f%n", k, v));
            }
            out.printf("%d pages at %.1f pages/s; predictions in %s%n", report.pages(), report.pagesPerSecond(),
                    predictions);
        }
        out().flush();
        return 0;
    }

    private static Map<String, Object> predictionsJson(Map<String, Prediction> predictions) {
        Map<String, Object> doc = new LinkedHashMap<>();
        predictions.forEach((key, p) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", p.title());
            m.put("byline", p.byline());
            m.put("published", p.published());
            m.put("lang", p.lang());
            m.put("text", p.text());
            doc.put(key, m);
        });
        return doc;
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

}
