package org.cryptosec.reader.extract;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The schema.org objects of a page's JSON-LD blocks, flattened (@graph, arrays, nesting) and indexed by @id. */
final class JsonLd {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLd.class);

    static final Set<String> ARTICLE_TYPES = Set.of(
            "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
            "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "techarticle", "scholarlyarticle",
            "report", "socialmediaposting", "liveblogposting", "posting", "medicalscholarlyarticle");

    private static final int MAX_BLOCK_CHARS = 2_000_000;
    private static final int MAX_OBJECTS = 2_000;

    /** Tolerant: comments, trailing commas, single quotes, raw control characters in strings are all accepted. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS,
                    JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS, JsonReadFeature.ALLOW_MISSING_VALUES)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final List<JsonNode> objects = new ArrayList<>();
    private final Map<String, JsonNode> byId = new HashMap<>();

    static JsonLd of(Document doc) {
        return of(doc.getElementsByTag("script"));
    }

    /** From the page's script elements (in page order); only JSON-LD blocks are read. */
    static JsonLd of(List<Element> scripts) {
        JsonLd ld = new JsonLd();
        for (Element script : scripts) {
            if (!script.hasAttr("type")) {
                continue;
            }
            String type = script.attr("type").trim().toLowerCase(Locale.ROOT);
            if (!type.startsWith("application/ld+json")) {
                continue;
            }
            // a block is one data node (its text as it is): read without copying it as data() does
            String json = unwrap(script.childNodeSize() == 1 && script.childNode(0) instanceof DataNode d
                    ? d.getWholeData() : script.data());
            if (json.isEmpty() || json.length() > MAX_BLOCK_CHARS) {
                continue;
            }
            try {
                JsonNode root = MAPPER.readTree(json);
                if (root != null) {
                    ld.collect(root, 0);
                }
            } catch (Exception e) { // malformed JSON-LD is common; it is ignored, never fatal
                LOG.debug("ignoring malformed JSON-LD block: {}", e.getMessage());
            }
        }
        return ld;
    }

    /**
     * The JSON of a block: trimmed, without a wrapping HTML comment or CDATA section. Worked out on indexes and cut
     * once (a block is often tens of kilobytes: trimming it step by step copied it twice, and the closing CDATA mark
     * was looked for from the end of the whole block, though only its last few characters count).
     */
    static String unwrap(String raw) {
        int start = afterWhite(raw, 0, raw.length());
        int end = beforeWhite(raw, start, raw.length());
        if (raw.startsWith("<!--", start)) {
            start += 4;
        }
        if (end - start >= 3 && raw.startsWith("-->", end - 3)) {
            end -= 3;
        }
        start = afterWhite(raw, start, end);
        end = beforeWhite(raw, start, end);
        if (raw.startsWith("//<![CDATA[", start) && end - start >= "//<![CDATA[".length()) {
            start += "//<![CDATA[".length();
        } else if (raw.startsWith("<![CDATA[", start) && end - start >= "<![CDATA[".length()) {
            start += "<![CDATA[".length();
        }
        // the last "]]>" counts only when it starts among the last 7 characters
        for (int k = end - 3; k >= start && k > end - 8; k--) {
            if (raw.startsWith("]]>", k)) {
                end = k;
                if (end - start >= 2 && raw.startsWith("//", end - 2)) {
                    end -= 2;
                }
                break;
            }
        }
        start = afterWhite(raw, start, end);
        return raw.substring(start, beforeWhite(raw, start, end));
    }

    /** The first index from {@code start} (before {@code end}) of a character that {@code String.trim} keeps, else end. */
    private static int afterWhite(String s, int start, int end) {
        while (start < end && s.charAt(start) <= ' ') {
            start++;
        }
        return start;
    }

    /** The index after the last character before {@code end} (from {@code start}) that {@code String.trim} keeps, else start. */
    private static int beforeWhite(String s, int start, int end) {
        while (end > start && s.charAt(end - 1) <= ' ') {
            end--;
        }
        return end;
    }

    private void collect(JsonNode node, int depth) {
        if (node == null || depth > 12 || objects.size() >= MAX_OBJECTS) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode child : node) {
                collect(child, depth + 1);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.has("@type")) {
            objects.add(node);
        }
        String id = node.path("@id").asText("");
        if (!id.isEmpty() && node.size() > 1) {
            byId.putIfAbsent(id, node);
        }
        if (node.has("@graph")) {
            collect(node.get("@graph"), depth + 1);
        }
        // nested typed objects (author, publisher, mainEntity...) are indexed too
        var fields = node.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            if (!e.getKey().equals("@graph") && e.getValue().isContainerNode()) {
                collectNested(e.getValue(), depth + 1);
            }
        }
    }

    private void collectNested(JsonNode node, int depth) {
        if (depth > 12) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode child : node) {
                if (child.isContainerNode()) {
                    collectNested(child, depth + 1);
                }
            }
        } else if (node.isObject()) {
            String id = node.path("@id").asText("");
            if (!id.isEmpty() && node.size() > 1) {
                byId.putIfAbsent(id, node);
            }
        }
    }

    boolean isEmpty() {
        return objects.isEmpty();
    }

    /** The first article-like object (NewsArticle, BlogPosting...), else null. */
    JsonNode article() {
        for (JsonNode n : objects) {
            if (hasType(n, ARTICLE_TYPES)) {
                return n;
            }
        }
        // a WebPage whose mainEntity is an article
        for (JsonNode n : objects) {
            JsonNode main = resolve(n.get("mainEntity"));
            if (main != null && hasType(main, ARTICLE_TYPES)) {
                return main;
            }
        }
        return null;
    }

    /** The first object (in page order) that has the field, or null. */
    JsonNode firstWith(String field) {
        for (JsonNode n : objects) {
            if (n.has(field)) {
                return n;
            }
        }
        return null;
    }

    JsonNode firstOfType(String... types) {
        Set<String> wanted = Set.of(types);
        for (JsonNode n : objects) {
            if (hasType(n, wanted)) {
                return n;
            }
        }
        return null;
    }

    List<JsonNode> allOfType(String... types) {
        Set<String> wanted = Set.of(types);
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : objects) {
            if (hasType(n, wanted)) {
                out.add(n);
            }
        }
        return out;
    }

    /** Follows an {"@id": ...} reference to the full object when the page has it. */
    JsonNode resolve(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject() && node.size() == 1 && node.has("@id")) {
            JsonNode full = byId.get(node.get("@id").asText(""));
            return full != null ? full : node;
        }
        if (node.isObject() && node.has("@id") && !node.has("name")) {
            JsonNode full = byId.get(node.get("@id").asText(""));
            if (full != null) {
                return full;
            }
        }
        return node;
    }

    static boolean hasType(JsonNode node, Set<String> lowerTypes) {
        JsonNode type = node.get("@type");
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (lowerTypes.contains(simpleType(t.asText("")))) {
                    return true;
                }
            }
            return false;
        }
        return lowerTypes.contains(simpleType(type.asText("")));
    }

    private static String simpleType(String t) {
        int slash = Math.max(t.lastIndexOf('/'), t.lastIndexOf(':'));
        return (slash >= 0 ? t.substring(slash + 1) : t).trim().toLowerCase(Locale.ROOT);
    }

    /** A text value: a string, the first string of an array, or an object's name/@value. Null when absent. */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual() || node.isNumber()) {
            String s = node.asText().trim();
            return s.isEmpty() ? null : s;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                String s = text(n);
                if (s != null) {
                    return s;
                }
            }
            return null;
        }
        if (node.isObject()) {
            String s = text(node.get("@value"));
            return s != null ? s : text(node.get("name"));
        }
        return null;
    }

    /** A URL value: a string, an ImageObject/URL object ({url}, {contentUrl}, {@id}), or the first of an array. */
    String url(JsonNode node) {
        node = resolve(node);
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            String s = node.asText().trim();
            return s.isEmpty() ? null : s;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                String s = url(n);
                if (s != null) {
                    return s;
                }
            }
            return null;
        }
        if (node.isObject()) {
            for (String key : new String[] {"url", "contentUrl", "@id"}) {
                JsonNode v = node.get(key);
                if (v != null && v.isTextual() && !v.asText().isBlank()) {
                    String s = v.asText().trim();
                    if (!key.equals("@id") || !s.contains("#")) {
                        return s;
                    }
                }
            }
        }
        return null;
    }

    /** Strings of a value that may be a string, a comma-separated string, or an array of either. */
    static List<String> strings(JsonNode node, boolean splitCommas) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                out.addAll(strings(n, splitCommas));
            }
        } else if (node.isTextual()) {
            if (splitCommas) {
                for (String part : node.asText().split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            } else if (!node.asText().isBlank()) {
                out.add(node.asText().trim());
            }
        } else if (node.isObject()) {
            String s = text(node);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }
}
