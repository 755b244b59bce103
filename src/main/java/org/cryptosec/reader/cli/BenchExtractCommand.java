package org.cryptosec.reader.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cryptosec.reader.eval.ExtractionBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bench extract DATA_DIR}: extraction pages/s against a plain Jsoup parse of the same pages. */
@Command(name = "extract", description = "Pages per second of article extraction and of a plain HTML parse "
        + "of the benchmark pages in DATA_DIR (single thread, after a warm-up pass).")
final class BenchExtractCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "DATA_DIR", description = "Folder holding the benchmark sets")
    Path dataDir;

    @Override
    public Integer call() throws IOException {
        ExtractionBench.Result r = new ExtractionBench().run(dataDir);
        var out = out();
        if (json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("pages", r.pages());
            doc.put("extractPagesPerSecond", EvalExtractCommand.round(r.extractPagesPerSecond()));
            doc.put("parsePagesPerSecond", EvalExtractCommand.round(r.parsePagesPerSecond()));
            out.println(Json.write(doc));
        } else {
            out.printf("%d pages: extraction %.1f pages/s, plain parse %.1f pages/s (extraction costs %.2fx a parse)%n",
                    r.pages(), r.extractPagesPerSecond(), r.parsePagesPerSecond(), r.extractToParseCost());
        }
        out.flush();
        return 0;
    }
}
