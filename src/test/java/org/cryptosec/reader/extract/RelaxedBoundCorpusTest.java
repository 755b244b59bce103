package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Over real pages, no relaxed pick scores above the bound the page index gives (the bound that skips the retry). */
@Tag("corpus")
class RelaxedBoundCorpusTest {

    private static final String BASE = "https://news.example/article";

    @Test
    void noRelaxedPickOfARealPageScoresAboveItsIndexBound() throws IOException {
        String data = System.getProperty("cryptosec.shared.data");
        Assumptions.assumeTrue(data != null && Files.isDirectory(Path.of(data, "extraction")), "no shared data");
        List<Path> pages;
        try (Stream<Path> files = Files.walk(Path.of(data, "extraction"))) {
            pages = files.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".html.gz")).sorted().toList();
        }
        Assumptions.assumeTrue(!pages.isEmpty(), "no pages");
        int checked = 0;
        for (Path page : pages) {
            String html = read(page);
            Document doc = Jsoup.parse(html, BASE);
            long bound = PageIndex.of(doc).relaxedScoreBound();
            if (bound < Integer.MAX_VALUE) {
                assertNull(ArticleExtractor.relaxedContent(html, BASE, (int) bound + 1), page + " bound " + bound);
                checked++;
            }
        }
        assertTrue(checked > 0);
    }

    private static String read(Path page) throws IOException {
        try (InputStream in = page.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(page))
                : Files.newInputStream(page)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
