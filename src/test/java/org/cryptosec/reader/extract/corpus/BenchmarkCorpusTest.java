package org.cryptosec.reader.extract.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkCorpusTest {

    private static final String HEADER = "name\tsplit\tgroup\tkind\tlang\ttitle\tbyline\tdate\tbody\n";

    @TempDir
    Path dir;

    @Test
    void scrapinghubPagesCarryTheirBodyAndUrl() throws IOException {
        Path sh = Files.createDirectories(dir.resolve("scrapinghub/html"));
        Files.writeString(sh.getParent().resolve("manifest.tsv"), HEADER + "abc\tdev\tx.com\treal\ten\tfalse\tfalse\tfalse\ttrue\n");
        Files.writeString(sh.getParent().resolve("ground-truth.json"),
                "{\"abc\": {\"articleBody\": \"Body text.\", \"url\": \"https://x.com/a\"}}");
        Files.writeString(sh.resolve("abc.html"), "<p>Body text.</p>");
        List<BenchmarkPage> pages = BenchmarkCorpus.load(dir);
        assertEquals(1, pages.size());
        BenchmarkPage p = pages.get(0);
        assertEquals("scrapinghub/abc", p.key());
        assertEquals("https://x.com/a", p.url());
        assertEquals("Body text.", p.body());
        assertNull(p.title());
        assertArrayEquals("<p>Body text.</p>".getBytes(StandardCharsets.UTF_8), p.readBytes());
    }

    @Test
    void htmldatePagesAreGunzippedAndToleratePythonNaN() throws IOException {
        Path hd = Files.createDirectories(dir.resolve("htmldate-mediacloud2020/html"));
        Files.writeString(hd.getParent().resolve("manifest.tsv"), HEADER
                + "1.html\tdev\tx\treal\t\tfalse\tfalse\ttrue\tfalse\n2.html\tdev\ty\treal\t\tfalse\tfalse\ttrue\tfalse\n");
        Files.writeString(hd.getParent().resolve("eval_mediacloud_2020.json"),
                "{\"https://x.org/a\": {\"file\": \"1.html\", \"date\": \"2020-06-07\"},"
                        + " \"https://y.org/b\": {\"file\": \"2.html\", \"date\": NaN}}");
        byte[] html = "<html>caf\u00e9</html>".getBytes(StandardCharsets.ISO_8859_1);
        for (String f : List.of("1.html.gz", "2.html.gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(hd.resolve(f)))) {
                out.write(html);
            }
        }
        List<BenchmarkPage> pages = BenchmarkCorpus.load(dir);
        assertEquals("2020-06-07", pages.get(0).date());
        assertEquals("https://x.org/a", pages.get(0).url());
        assertNull(pages.get(1).date());
        assertArrayEquals(html, pages.get(0).readBytes());
    }

    @Test
    void aFolderWithoutBenchmarksIsRefusedByName() {
        IOException e = assertThrows(IOException.class, () -> BenchmarkCorpus.load(dir));
        assertTrue(e.getMessage().contains("no benchmark set"), e.getMessage());
        IOException missing = assertThrows(IOException.class, () -> BenchmarkCorpus.load(dir.resolve("absent")));
        assertTrue(missing.getMessage().contains("not a folder"), missing.getMessage());
    }

    @Test
    void aPageNameThatLeavesTheFolderIsRefused() throws IOException {
        Path sh = Files.createDirectories(dir.resolve("scrapinghub"));
        Files.writeString(sh.resolve("manifest.tsv"), HEADER + "../../etc/passwd\tdev\tx\treal\ten\tfalse\tfalse\tfalse\ttrue\n");
        Files.writeString(sh.resolve("ground-truth.json"), "{}");
        IOException e = assertThrows(IOException.class, () -> BenchmarkCorpus.load(dir));
        assertTrue(e.getMessage().contains("bad page name"), e.getMessage());
    }

    @Test
    void aManifestWithoutItsHeaderIsRefused() throws IOException {
        Path sh = Files.createDirectories(dir.resolve("scrapinghub"));
        Files.writeString(sh.resolve("manifest.tsv"), "abc\tdev\n");
        IOException e = assertThrows(IOException.class, () -> BenchmarkCorpus.load(dir));
        assertTrue(e.getMessage().contains("header"), e.getMessage());
    }

    @Test
    void aPageMissingFromTheGroundTruthIsNamed() throws IOException {
        Path sh = Files.createDirectories(dir.resolve("scrapinghub/html"));
        Files.writeString(sh.getParent().resolve("manifest.tsv"), HEADER + "abc\tdev\tx\treal\ten\tfalse\tfalse\tfalse\ttrue\n");
        Files.writeString(sh.getParent().resolve("ground-truth.json"), "{}");
        IOException e = assertThrows(IOException.class, () -> BenchmarkCorpus.load(dir));
        assertTrue(e.getMessage().contains("abc"), e.getMessage());
    }
}
