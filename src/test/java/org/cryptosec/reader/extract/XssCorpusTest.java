package org.cryptosec.reader.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every vector of the shared XSS corpora (H5SC, DOMPurify fixtures, the payloadbox list, RSnake) through the sanitizer. */
@Tag("corpus")
class XssCorpusTest {

    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    @Test
    void everyVectorComesOutWithinTheAllowlistAndIdempotent() throws IOException {
        Path data = Fixtures.sharedData();
        Assumptions.assumeTrue(data != null && Files.isDirectory(data.resolve("bad-input/xss")),
                "shared data folder with bad-input/xss not found (set -Dcryptosec.shared.data)");
        List<String> vectors = vectors(data);
        assertTrue(vectors.size() > 7000, "expected the full corpora, got " + vectors.size());
        for (String v : vectors) {
            String out = sanitizer.sanitize(v, "https://news.example/a/");
            Fixtures.assertSafe(out, v);
            assertEquals(out, sanitizer.sanitize(out, "https://news.example/a/"), "not idempotent for: " + v);
        }
    }

    /** Every vector of the XSS corpora under {@code data}/bad-input/xss. */
    static List<String> vectors(Path data) throws IOException {
        Path xss = data.resolve("bad-input/xss");
        List<String> vectors = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (JsonNode item : json.readTree(xss.resolve("h5sc/h5sc_items.json").toFile())) {
            vectors.add(item.path("data").asText(""));
        }
        for (JsonNode item : json.readTree(xss.resolve("dompurify/dompurify_expect.json").toFile())) {
            vectors.add(item.path("payload").asText(""));
        }
        for (String file : List.of("h5sc/h5sc_rss_vectors.txt", "payloadbox/xss-payload-list.txt", "payloadsallthethings/RSNAKE_XSS.txt")) {
            try (Stream<String> lines = Files.lines(xss.resolve(file), StandardCharsets.ISO_8859_1)) {
                lines.filter(l -> !l.isBlank()).forEach(vectors::add);
            }
        }
        return vectors;
    }
}
