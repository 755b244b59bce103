package org.cryptosec.reader.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cryptosec.reader.eval.ExtractionBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bench extract DATA_DIR}: extraction pages/s against a plain Jsoup parse of the same pages. */
@Command(name = "extract", description = "Pages per second of article extraction and of a plain HTML parse "
        + "of the benchmark pages in DATA_DIR (single thread, CPU time, warm: the best of several rounds after "
        + "warm-up passes).")
final class BenchExtractCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "DATA_DIR", description = "Folder holding the benchmark sets")
    Path dataDir;

    @Option(names = "--warm-up", paramLabel = "N", defaultValue = "" + ExtractionBench.WARM_UP_PASSES,
            description = "Unmeasured passes over the pages first (default ${DEFAULT-VALUE})")
    int warmUps;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "" + ExtractionBench.ROUNDS,
            description = "Measured rounds; the best counts (default ${DEFAULT-VALUE})")
    int rounds;

    @Override
    public Integer call() throws IOException {
        if (warmUps < 0 || rounds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--warm-up must be 0 or more and --rounds 1 or more, not " + warmUps + " and " + rounds);
        }
        ExtractionBench.Result r = new ExtractionBench().run(dataDir, warmUps, rounds);
        var out = out();
        if (json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("pages", r.pages());
            doc.put("warmUpPasses", warmUps);
            doc.put("rounds", rounds);
            doc.put("extractPagesPerSecond", EvalExtractCommand.round(r.extractPagesPerSecond()));
            doc.put("parsePagesPerSecond", EvalExtractCommand.round(r.parsePagesPerSecond()));
            out.println(Json.write(doc));
        } else {
            out.printf("%d pages: extraction %.1f pages/s, plain parse %.1f pages/s (extraction costs %.2fx a parse; %s after %s)%n",
                    r.pages(), r.extractPagesPerSecond(), r.parsePagesPerSecond(), r.extractToParseCost(),
                    rounds == 1 ? "one round" : "best of " + rounds + " rounds",
                    warmUps == 1 ? "1 warm-up pass" : warmUps + " warm-up passes");
        }
        out.flush();
        return 0;
    }
}
