package org.cryptosec.reader.extract.corpus;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.cryptosec.reader.extract.HtmlText;

/**
 * Reads the extraction benchmarks in a data folder laid out as {@code readability/}, {@code scrapinghub/},
 * {@code trafilatura/}, {@code htmldate-mediacloud2020/}, each with a {@code manifest.tsv}
 * (name, split, group, kind, lang, then which of title, byline, date, body are labelled).
 */
public final class BenchmarkCorpus {

    public static final String READABILITY = "readability";
    public static final String SCRAPINGHUB = "scrapinghub";
    public static final String TRAFILATURA = "trafilatura";
    public static final String HTMLDATE = "htmldate-mediacloud2020";
    public static final List<String> DATASETS = List.of(READABILITY, SCRAPINGHUB, TRAFILATURA, HTMLDATE);

    /** Readability.js's tests use this address for every page. */
    static final String READABILITY_BASE_URL = "http://fakehost/test/page.html";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final long MAX_JSON_BYTES = 64L * 1024 * 1024;

    private BenchmarkCorpus() {
    }

    /** The benchmark sets present in {@code dataDir} (in the order of {@link #DATASETS}). */
    public static List<String> datasetsIn(Path dataDir) {
        List<String> present = new ArrayList<>();
        for (String d : DATASETS) {
            if (Files.isRegularFile(dataDir.resolve(d).resolve("manifest.tsv"))) {
                present.add(d);
            }
        }
        return present;
    }

    /** Every page of every benchmark set present in {@code dataDir}. */
    public static List<BenchmarkPage> load(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            throw new IOException("not a folder: " + dataDir);
        }
        List<String> present = datasetsIn(dataDir);
        if (present.isEmpty()) {
            throw new IOException("no benchmark set (" + String.join(", ", DATASETS) + " with a manifest.tsv) in "
                    + dataDir);
        }
        List<BenchmarkPage> pages = new ArrayList<>();
        for (String d : present) {
            pages.addAll(load(dataDir, d));
        }
        return pages;
    }

    /** The pages of one benchmark set. */
    public static List<BenchmarkPage> load(Path dataDir, String dataset) throws IOException {
        Path dir = dataDir.resolve(dataset);
        List<ManifestRow> rows = manifest(dir.resolve("manifest.tsv"));
        return switch (dataset) {
            case READABILITY -> readability(dir, rows);
            case SCRAPINGHUB -> scrapinghub(dir, rows);
            case TRAFILATURA -> trafilatura(dir, rows);
            case HTMLDATE -> htmldate(dir, rows);
            default -> throw new IllegalArgumentException("unknown benchmark set: " + dataset
                    + " (known: " + String.join(", ", DATASETS) + ")");
        };
    }

    record ManifestRow(String name, boolean title, boolean byline, boolean date, boolean body) {
    }

    static List<ManifestRow> manifest(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith("name\t")) {
            throw new IOException("manifest " + file + " does not start with a 'name<TAB>...' header");
        }
        String[] header = lines.get(0).split("\t", -1);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            col.put(header[i].trim(), i);
        }
        for (String needed : List.of("title", "byline", "date", "body")) {
            if (!col.containsKey(needed)) {
                throw new IOException("manifest " + file + " has no column '" + needed + "'");
            }
        }
        List<ManifestRow> rows = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < header.length) {
                throw new IOException("manifest " + file + " line " + (n + 1) + " has " + f.length
                        + " columns, expected " + header.length);
            }
            String name = f[0].trim();
            if (name.isEmpty() || name.contains("..") || name.contains("/") || name.contains("\\")) {
                throw new IOException("manifest " + file + " line " + (n + 1) + " has a bad page name: " + name);
            }
            rows.add(new ManifestRow(name, flag(f[col.get("title")]), flag(f[col.get("byline")]),
                    flag(f[col.get("date")]), flag(f[col.get("body")])));
        }
        return rows;
    }

    private static boolean flag(String s) {
        return "true".equalsIgnoreCase(s.trim());
    }

    private static List<BenchmarkPage> readability(Path dir, List<ManifestRow> rows) throws IOException {
        List<BenchmarkPage> pages = new ArrayList<>();
        for (ManifestRow r : rows) {
            Path pageDir = dir.resolve(r.name());
            JsonNode meta = readJson(pageDir.resolve("expected-metadata.json"));
            String body = null;
            if (r.body()) {
                body = HtmlText.textOf(Files.readString(pageDir.resolve("expected.html"), StandardCharsets.UTF_8));
            }
            pages.add(new BenchmarkPage(READABILITY, r.name(), pageDir.resolve("source.html"), READABILITY_BASE_URL,
                    r.title() ? text(meta, "title") : null, r.byline() ? text(meta, "byline") : null,
                    r.date() ? text(meta, "publishedTime") : null, body, List.of(), List.of()));
        }
        return pages;
    }

    private static List<BenchmarkPage> scrapinghub(Path dir, List<ManifestRow> rows) throws IOException {
        JsonNode truth = readJson(dir.resolve("ground-truth.json"));
        List<BenchmarkPage> pages = new ArrayList<>();
        for (ManifestRow r : rows) {
            JsonNode t = truth.path(r.name());
            if (t.isMissingNode()) {
                throw new IOException("scrapinghub ground truth has no entry for " + r.name());
            }
            pages.add(new BenchmarkPage(SCRAPINGHUB, r.name(), pageFile(dir.resolve("html"), r.name() + ".html"),
                    text(t, "url"), null, null, null, r.body() ? text(t, "articleBody") : null, List.of(), List.of()));
        }
        return pages;
    }

    private static List<BenchmarkPage> trafilatura(Path dir, List<ManifestRow> rows) throws IOException {
        Map<String, Map.Entry<String, JsonNode>> byFile = byFile(readJson(dir.resolve("evaldata.json")));
        List<BenchmarkPage> pages = new ArrayList<>();
        for (ManifestRow r : rows) {
            Map.Entry<String, JsonNode> e = byFile.get(r.name());
            if (e == null) {
                throw new IOException("trafilatura evaldata.json has no entry for file " + r.name());
            }
            JsonNode t = e.getValue();
            pages.add(new BenchmarkPage(TRAFILATURA, r.name(), pageFile(dir.resolve("html"), r.name()), urlOrNull(e.getKey()),
                    r.title() ? text(t, "title") : null, r.byline() ? text(t, "author") : null,
                    r.date() ? text(t, "date") : null, null, strings(t.path("with")), strings(t.path("without"))));
        }
        return pages;
    }

    private static List<BenchmarkPage> htmldate(Path dir, List<ManifestRow> rows) throws IOException {
        Path normalized = dir.resolve("eval_mediacloud_2020.normalized.json");
        JsonNode all = readJson(Files.isRegularFile(normalized) ? normalized : dir.resolve("eval_mediacloud_2020.json"));
        Map<String, Map.Entry<String, JsonNode>> byFile = byFile(all);
        List<BenchmarkPage> pages = new ArrayList<>();
        for (ManifestRow r : rows) {
            Map.Entry<String, JsonNode> e = byFile.get(r.name());
            if (e == null) {
                throw new IOException("htmldate eval data has no entry for file " + r.name());
            }
            pages.add(new BenchmarkPage(HTMLDATE, r.name(), pageFile(dir.resolve("html"), r.name()), urlOrNull(e.getKey()),
                    null, null, r.date() ? text(e.getValue(), "date") : null, null, List.of(), List.of()));
        }
        return pages;
    }

    private static Map<String, Map.Entry<String, JsonNode>> byFile(JsonNode all) {
        Map<String, Map.Entry<String, JsonNode>> byFile = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String file = e.getValue().path("file").asText("");
            if (!file.isEmpty()) {
                byFile.putIfAbsent(file, e);
            }
        }
        return byFile;
    }

    /** The page file, plain or gzipped. */
    private static Path pageFile(Path htmlDir, String fileName) throws IOException {
        Path plain = htmlDir.resolve(fileName);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gz = htmlDir.resolve(fileName + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new IOException("page file missing: " + plain + " (nor .gz)");
    }

    private static String urlOrNull(String key) {
        return key.startsWith("http://") || key.startsWith("https://") ? key : null;
    }

    private static JsonNode readJson(Path file) throws IOException {
        if (Files.size(file) > MAX_JSON_BYTES) {
            throw new IOException("ground truth " + file + " is larger than " + MAX_JSON_BYTES + " bytes");
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot read ground truth " + file + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isArray()) {
            return String.join("; ", strings(v));
        }
        return v.isNull() || v.isMissingNode() || (v.isNumber() && Double.isNaN(v.asDouble())) ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            if (n.isTextual()) {
                out.add(n.asText());
            }
        }
        return out;
    }
}
