package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * On every benchmark page, the page with the first pick's changes undone is the page as parsed (the relaxed pick reads
 * it instead of a second parse), and extracting with the undo after every first pick gives the same extraction.
 */
@Tag("corpus")
class PageChangesCorpusTest {

    @Test
    void everyBenchmarkPageUndoneIsThePageAsParsed() throws IOException {
        String data = System.getProperty("cryptosec.shared.data");
        Assumptions.assumeTrue(data != null && Files.isDirectory(Path.of(data, "extraction")), "no shared data");
        List<BenchmarkPage> pages = BenchmarkCorpus.load(Path.of(data, "extraction"));
        Assumptions.assumeTrue(!pages.isEmpty(), "no pages");
        String[] current = new String[2];
        int[] undone = {0, 0};
        ArticleExtractor checked = new ArticleExtractor((doc, made) -> {
            PageChangesTest.assertSameTree(HtmlText.parse(current[0], current[1]), doc);
            undone[0]++;
            undone[1] += made;
        });
        ArticleExtractor plain = new ArticleExtractor();
        for (BenchmarkPage page : pages) {
            current[0] = PageDecoder.decode(page.readBytes(), null);
            current[1] = page.url() == null ? "" : page.url();
            Object expected;
            try {
                expected = plain.extractDetailed(current[0], page.url());
            } catch (ExtractionException e) {
                continue;
            }
            assertEquals(expected, checked.extractDetailed(current[0], page.url()), page.dataset() + "/" + page.name());
        }
        assertTrue(undone[0] >= pages.size() * 9 / 10, "pages undone: " + undone[0] + " of " + pages.size());
        assertTrue(undone[1] > pages.size() * 10, "changes undone: " + undone[1]);
    }
}
