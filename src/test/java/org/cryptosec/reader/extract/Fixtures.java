package org.cryptosec.reader.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/** Test helpers: fixture pages from the classpath, the shared data folder, and an independent safety check of HTML. */
final class Fixtures {

    /** The allowlist the tests hold the sanitizer to, written out independently of the sanitizer's own constants. */
    static final Set<String> SAFE_TAGS = Set.of(
            "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "q", "cite", "ul", "ol", "li", "dl", "dt", "dd",
            "a", "img", "figure", "figcaption", "pre", "code", "em", "strong", "b", "i", "u", "s", "sub", "sup", "small",
            "mark", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "hr", "abbr", "time", "del", "ins",
            "kbd", "samp", "var");

    static final Map<String, Set<String>> SAFE_ATTRIBUTES = Map.of(
            "a", Set.of("href", "title", "rel"),
            "img", Set.of("src", "alt", "title", "width", "height"),
            "td", Set.of("colspan", "rowspan"),
            "th", Set.of("colspan", "rowspan"),
            "time", Set.of("datetime"),
            "abbr", Set.of("title"));

    private Fixtures() {
    }

    static String resource(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared data folder, or null when this checkout has none (tests then skip). */
    static Path sharedData() {
        String prop = System.getProperty("cryptosec.shared.data");
        Path p = prop != null ? Path.of(prop) : Path.of("..", "shared", "data");
        return Files.isDirectory(p) ? p : null;
    }

    /** Fails unless every element and attribute of the HTML is allowed and every URL is http(s) (or mailto on a link). */
    static void assertSafe(String html, String input) {
        Element body = Jsoup.parseBodyFragment(html).body();
        for (Element el : body.getAllElements()) {
            if (el == body) {
                continue;
            }
            String tag = el.normalName();
            if (!SAFE_TAGS.contains(tag)) {
                fail("tag <" + tag + "> survived in " + html + "\n  from input: " + input);
            }
            Set<String> allowed = SAFE_ATTRIBUTES.getOrDefault(tag, Set.of());
            for (Attribute a : el.attributes()) {
                String name = a.getKey().toLowerCase();
                if (!allowed.contains(name)) {
                    fail("attribute " + name + " on <" + tag + "> survived in " + html + "\n  from input: " + input);
                }
                if (name.equals("href") || name.equals("src")) {
                    String v = a.getValue().toLowerCase();
                    boolean ok = v.startsWith("http://") || v.startsWith("https://") || tag.equals("a") && v.startsWith("mailto:");
                    if (!ok) {
                        fail("unsafe URL " + a.getValue() + " in " + html + "\n  from input: " + input);
                    }
                }
            }
            if (tag.equals("a")) {
                assertEquals("noopener noreferrer", el.attr("rel"), "links get rel=noopener noreferrer: " + html);
            }
        }
        String lower = html.toLowerCase();
        assertFalse(lower.contains("<script"), "no script tag: " + html);
    }
}
