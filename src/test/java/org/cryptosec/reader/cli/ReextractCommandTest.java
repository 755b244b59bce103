package org.cryptosec.reader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.task.Cancellation;
import org.cryptosec.reader.testing.FixtureSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reextract}: the stored articles of a real library (fetched from the fixture site) re-extracted offline. */
class ReextractCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CliContext context = new CliContext(Library::open, dir, new PrintWriter(out), new PrintWriter(err));
        return Cli.run(context, args);
    }

    @Test
    void reextractsEveryStoredArticleAndReportsAsJsonWithProgressOnStderr() throws Exception {
        try (FixtureSite site = new FixtureSite()) {
            try (Library library = Library.open(dir)) {
                library.subscribe(site.url("/"));
                library.refresh(List.of(), (d, t, m) -> { }, new Cancellation());
                assertEquals(2, library.articleCount());
            }
        }
        // the fixture site is gone: re-extraction works from the stored pages alone
        int code = run("--data-dir", dir.toString(), "reextract", "--json");
        assertEquals(0, code, err.toString());
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertEquals(2, report.path("articles").asInt());
        assertEquals(2, report.path("updated").asInt());
        assertEquals(0, report.path("failed").asInt());
        assertTrue(err.toString().contains("Re-extracted 2 of 2 (100%)"), err.toString());
        assertEquals(0, report.path("imagesMissing").asInt(), "the stored images are all still in the library");
    }

    @Test
    void fetchImagesReachesTheSiteOnlyForImagesTheLibraryLacks() throws Exception {
        try (FixtureSite site = new FixtureSite()) {
            try (Library library = Library.open(dir)) {
                library.subscribe(site.url("/"));
                library.refresh(List.of(), (d, t, m) -> { }, new Cancellation());
            }
            int before = site.server().totalHits();
            int code = run("--data-dir", dir.toString(), "reextract", "--fetch-images", "--json");
            assertEquals(0, code, err.toString());
            JsonNode report = new ObjectMapper().readTree(out.toString());
            assertEquals(0, report.path("imagesFetched").asInt(), out.toString());
            assertEquals(before, site.server().totalHits(), "every image was already stored: no request");
        }
    }
}
