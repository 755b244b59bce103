package org.cryptosec.reader.extract.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * One page of an extraction benchmark and its ground truth. {@code url} is the page's address where the
 * benchmark knows it (else null). Truth fields are null when the benchmark does not label them.
 */
public record BenchmarkPage(String dataset, String name, Path file, String url, String title, String byline,
                            String date, String body, List<String> with, List<String> without) {

    /** Pages larger than this (compressed or not) are refused. */
    public static final int MAX_PAGE_BYTES = 64 * 1024 * 1024;

    public BenchmarkPage {
        with = with == null ? List.of() : List.copyOf(with);
        without = without == null ? List.of() : List.copyOf(without);
    }

    /** {@code dataset/name}, the key of this page in predictions. */
    public String key() {
        return dataset + "/" + name;
    }

    /** The page's raw bytes (gunzipped when the file ends in .gz). */
    public byte[] readBytes() throws IOException {
        if (Files.size(file) > MAX_PAGE_BYTES) {
            throw new IOException("page " + file + " is larger than " + MAX_PAGE_BYTES + " bytes");
        }
        if (!file.getFileName().toString().endsWith(".gz")) {
            return Files.readAllBytes(file);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            byte[] bytes = in.readNBytes(MAX_PAGE_BYTES + 1);
            if (bytes.length > MAX_PAGE_BYTES) {
                throw new IOException("page " + file + " inflates to more than " + MAX_PAGE_BYTES + " bytes");
            }
            return bytes;
        }
    }
}
