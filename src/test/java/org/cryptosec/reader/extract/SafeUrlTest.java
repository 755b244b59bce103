package org.cryptosec.reader.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.internal.StringUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Relative links are made absolute exactly as jsoup's resolver makes them, and only http(s) survives. */
class SafeUrlTest {

    private static final List<String> BASES = List.of(
            "https://news.example/a/b.html?x=1#f", "http://user:pw@h.example:8080/d/e/", "https://[::1]/x/y",
            "https://news.example", "https://h.example/../a/", "https:/\n/h.example/p/q?r", "ftp://files.example/a/",
            "HTTP://Upper.Example:443/p?q#r", "https://h.example:80", "http:/no-host/p", "https://xn--bcher-kva.example/");

    private static final List<String> RELATIVE = List.of(
            "?q=1", "../../x", "/./a", "/../a", "/../../../b/c", "./", ".", "..", "x?y#z", "/a/./b/../c", "a#b#c",
            "\u00e9t\u00e9/\u00fc", "/p?q=\u00e4", "?", "story", "/2024/05/story.html", "img/a.png?w=300&h=200",
            // paths from the root, written without parsing unless they hold a dot segment
            "/", "/a?x=/.", "/a#b?c", "/a?b?c#d#e", "/a/b/..", "/a/b/.", "/a.b/c.d", "/a|b%20c", "/a:b", "/#", "/?",
            "//other.example/x", "////x", "/\u00fc/\u6f22?\u00e4#\u00f6");

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (String base : BASES) {
            for (String relative : RELATIVE) {
                pairs.add(Arguments.of(base, relative));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "[{index}] {0} + {1}")
    @MethodSource("pairs")
    void relativeLinksResolveAsJsoupResolvesThem(String base, String relative) {
        String resolved = StringUtil.resolve(base, relative);
        String scheme = resolved.indexOf(':') > 0 ? resolved.substring(0, resolved.indexOf(':')) : "";
        String expected = scheme.equals("http") || scheme.equals("https") ? resolved : null;
        assertEquals(expected, HtmlSanitizer.safeUrl(relative, base, true));
        // the same base again: now parsed once and kept
        assertEquals(expected, HtmlSanitizer.safeUrl(relative, base, false));
    }

    static Stream<Arguments> raw() {
        return Stream.of(
                Arguments.of(" https://a.example/x y ", "https://a.example/x%20y"),
                Arguments.of("https://a.example/x%20%20", "https://a.example/x"),
                Arguments.of("java\tscript:alert(1)", null),
                Arguments.of("\u0000https://a.example/\u007f", "https://a.example/"),
                Arguments.of("HTTPS://A.example/P", "HTTPS://A.example/P"),
                Arguments.of("mailto:a@b.example", "mailto:a@b.example"),
                Arguments.of("#top", null),
                Arguments.of("", null));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("raw")
    void controlCharactersAndSpacesAreTakenOutBeforeTheSchemeIsJudged(String raw, String expected) {
        assertEquals(expected, HtmlSanitizer.safeUrl(raw, "https://news.example/a/", true));
    }
}
