package org.cryptosec.reader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchRefreshCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CliContext context = new CliContext(d -> {
            throw new AssertionError("bench refresh uses a temporary library of its own");
        }, dir, new PrintWriter(out), new PrintWriter(err));
        return Cli.run(context, args);
    }

    @Test
    void printsExactlyTheDocumentedJsonShape() throws Exception {
        int code = run("bench", "refresh", "--feeds", "3", "--items", "2", "--latency-ms", "1", "--json");
        assertEquals(0, code, err.toString());
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertEquals(List.of("feeds", "items", "first", "second"), fieldNames(doc));
        assertEquals(3, doc.path("feeds").asInt());
        assertEquals(2, doc.path("items").asInt());
        assertEquals(List.of("seconds", "articlesPerSecond", "peakHeapMb"), fieldNames(doc.path("first")));
        assertEquals(List.of("seconds"), fieldNames(doc.path("second")));
        assertTrue(doc.path("first").path("articlesPerSecond").asDouble() > 0);
    }

    @Test
    void outOfRangeSizesAreAUsageError() {
        assertEquals(2, run("bench", "refresh", "--feeds", "0"));
        assertTrue(err.toString().contains("feeds must be between"), err.toString());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
