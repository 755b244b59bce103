package org.cryptosec.reader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cryptosec.reader.eval.ExtractionBench;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalExtractCommandTest {

    private static final String HEADER = "name\tsplit\tgroup\tkind\tlang\ttitle\tbyline\tdate\tbody\n";
    private static final String BODY = "The exploit drained the lending pool in a single transaction, and the team paused the"
            + " contracts within the hour, according to the post-mortem published later that week.";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void oneScrapinghubPage() throws IOException {
        Path sh = Files.createDirectories(dir.resolve("data/scrapinghub/html"));
        Files.writeString(sh.getParent().resolve("manifest.tsv"), HEADER + "p1\tdev\tx.com\treal\ten\tfalse\tfalse\tfalse\ttrue\n");
        Files.writeString(sh.getParent().resolve("ground-truth.json"),
                "{\"p1\": {\"articleBody\": \"" + BODY + "\", \"url\": \"https://x.com/2021/03/05/pool\"}}");
        Files.writeString(sh.resolve("p1.html"), "<html><head><title>Pool drained</title>"
                + "<meta name='author' content='Jane Doe'><meta property='article:published_time' content='2021-03-05T22:00:00-05:00'>"
                + "</head><body><nav><a href='/'>Home</a></nav><article><h1>Pool drained</h1><p>" + BODY + "</p><p>" + BODY
                + "</p></article></body></html>");
    }

    private int run(String... args) {
        CliContext context = new CliContext(d -> {
            throw new AssertionError("eval-extract must not open a library");
        }, dir, new PrintWriter(out), new PrintWriter(err));
        return Cli.run(context, args);
    }

    @Test
    void writesPredictionsKeyedByDatasetAndNameAndPrintsMetricsAsJson() throws IOException {
        Path predictions = dir.resolve("pred.json");
        int code = run("eval-extract", dir.resolve("data").toString(), "--predictions", predictions.toString(), "--json");
        assertEquals(0, code, err.toString());
        ObjectMapper json = new ObjectMapper();
        JsonNode p = json.readTree(predictions.toFile()).path("scrapinghub/p1");
        assertEquals("Pool drained", p.path("title").asText());
        assertEquals("Jane Doe", p.path("byline").asText());
        assertEquals("2021-03-05", p.path("published").asText());
        assertTrue(p.path("text").asText().contains("lending pool"));
        JsonNode report = json.readTree(out.toString());
        assertEquals(1, report.path("pages").asInt());
        JsonNode sh = report.path("datasets").path("scrapinghub");
        assertTrue(sh.path("bagOfWordsF1").asDouble() > 0.3, out.toString());
        assertTrue(sh.has("shingleF1"));
    }

    @Test
    void withoutPredictionsPathTheUsageIsWrong() {
        assertEquals(Cli.EXIT_USAGE, run("eval-extract", dir.resolve("data").toString()));
    }

    @Test
    void aFolderWithoutBenchmarksFailsWithOneLine() {
        int code = run("eval-extract", dir.toString(), "--predictions", dir.resolve("p.json").toString());
        assertEquals(Cli.EXIT_FAILURE, code);
        assertTrue(err.toString().contains("no benchmark set"), err.toString());
    }

    @Test
    void benchExtractReportsBothRates() throws IOException {
        int code = run("bench", "extract", dir.resolve("data").toString(), "--json");
        assertEquals(0, code, err.toString());
        JsonNode r = new ObjectMapper().readTree(out.toString());
        assertEquals(1, r.path("pages").asInt());
        assertTrue(r.path("extractPagesPerSecond").asDouble() > 0);
        assertTrue(r.path("parsePagesPerSecond").asDouble() > 0);
        assertEquals(ExtractionBench.WARM_UP_PASSES, r.path("warmUpPasses").asInt());
        assertEquals(ExtractionBench.ROUNDS, r.path("rounds").asInt());
    }

    @Test
    void benchExtractTakesItsPassesAndRoundsFromTheOptions() {
        int code = run("bench", "extract", dir.resolve("data").toString(), "--warm-up", "0", "--rounds", "1");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("one round after 0 warm-up passes"), out.toString());
    }

    @Test
    void benchExtractNamesSeveralRoundsAndOnePassInPlainWords() {
        int code = run("bench", "extract", dir.resolve("data").toString(), "--warm-up", "1", "--rounds", "2");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("best of 2 rounds after 1 warm-up pass)"), out.toString());
    }

    @Test
    void benchExtractRefusesNoMeasuredRound() {
        assertEquals(Cli.EXIT_USAGE, run("bench", "extract", dir.resolve("data").toString(), "--rounds", "0"));
        assertTrue(err.toString().contains("--rounds 1 or more"), err.toString());
    }
}
