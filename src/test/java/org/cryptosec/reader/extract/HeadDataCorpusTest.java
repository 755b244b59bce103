package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cryptosec.reader.extract.corpus.BenchmarkCorpus;
import org.cryptosec.reader.extract.corpus.BenchmarkPage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * On every benchmark page and every XSS vector (alone, and after a head with a script), the extractor's parse is
 * Jsoup's but for the script and style text {@link HeadData} leaves out, and that text is a good share of the pages.
 */
@Tag("corpus")
class HeadDataCorpusTest {

    @Test
    void everyBenchmarkPageParsesAsJsoupParsesIt() throws IOException {
        Path data = Fixtures.sharedData();
        Assumptions.assumeTrue(data != null && Files.isDirectory(data.resolve("extraction")), "no shared data");
        List<BenchmarkPage> pages = BenchmarkCorpus.load(data.resolve("extraction"));
        Assumptions.assumeTrue(!pages.isEmpty(), "no pages");
        long chars = 0;
        long skipped = 0;
        int cut = 0;
        for (BenchmarkPage page : pages) {
            String html = PageDecoder.decode(page.readBytes(), null);
            cut += HeadDataTest.assertParsesAsJsoup(html);
            chars += html.length();
            int[] ranges = HeadData.skipped(html);
            for (int i = 0; i < ranges.length; i += 2) {
                skipped += ranges[i + 1] - ranges[i];
            }
        }
        // measured: 19% of the characters, in some 3,000 elements
        assertTrue(skipped * 10 > chars, "characters left out: " + skipped + " of " + chars);
        assertTrue(cut > pages.size() * 3, "elements cut: " + cut);
    }

    @Test
    void everyXssVectorParsesAsJsoupParsesIt() throws IOException {
        Path data = Fixtures.sharedData();
        Assumptions.assumeTrue(data != null && Files.isDirectory(data.resolve("bad-input/xss")), "no shared data");
        List<String> vectors = XssCorpusTest.vectors(data);
        assertTrue(vectors.size() > 7000, "expected the full corpora, got " + vectors.size());
        int cut = 0;
        for (String v : vectors) {
            HeadDataTest.assertParsesAsJsoup(v);
            cut += HeadDataTest.assertParsesAsJsoup("<head><script>var a;</script>" + v + "<style>p{}</style>");
        }
        assertTrue(cut >= vectors.size(), "elements cut: " + cut);
    }
}
