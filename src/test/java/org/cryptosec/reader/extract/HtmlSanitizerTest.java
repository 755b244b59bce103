package org.cryptosec.reader.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlSanitizerTest {

    private static final String BASE = "https://news.example/2024/story/";
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    /** The nastiest vectors: script, handlers, URL schemes with obfuscation, mXSS and namespace confusion. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)><circle r=40></circle></svg>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
        "<a href=\"  javascript:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
        "<iframe src=\"https://evil.example\" srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object><embed src=\"https://evil.example/x.swf\">",
        "<div style=\"background:url(javascript:alert(1))\">styled</div>",
        "<style>@import 'https://evil.example/x.css';</style><p>text</p>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\"><a href=\"x\">rel</a>",
        "<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(1)\">go</button></form>",
        "<math><a xlink:href=\"javascript:alert(1)\">click</a></math>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text x=20 y=20>XSS</text></a></svg>",
        "<details open ontoggle=alert(1)><summary>s</summary>d</details>",
        "<body onload=alert(1)><p>b</p></body>",
        "<input autofocus onfocus=alert(1)>",
        "<video><source onerror=\"alert(1)\"></video>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">",
        "<math><mtext><table><mglyph><style><!--</style><img title=\"--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=alert(1)&gt;\">",
        "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
        "<!--<img src=x onerror=alert(1)>--><p>after comment</p>",
        "<template><img src=x onerror=alert(1)></template><textarea><img src=x onerror=alert(1)></textarea>",
        "<a href=\"https://ok.example\" onclick=\"alert(1)\" target=\"_blank\" style=\"color:red\">ok</a>",
        "<img src=\"https://ok.example/i.png\" srcset=\"javascript:alert(1) 1x\" onload=alert(1) width=\"100\" height=\"abc\">",
        "<p title=\"</p><script>alert(1)</script>\">quoted</p>",
        "<xss:script xmlns:xss=\"http://www.w3.org/1999/xhtml\">alert(1)</xss:script>",
        "<a href=\"java\u0000script:alert(1)\">nul</a>",
        "<img src=\"`javascript:alert(1)`\">"
    })
    void nastyVectorsComeOutSafeAndStable(String vector) {
        String out = sanitizer.sanitize(vector, BASE);
        Fixtures.assertSafe(out, vector);
        assertEquals(out, sanitizer.sanitize(out, BASE), "idempotent for " + vector);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
        <p>Hello <b>world</b></p>                                   ; <p>Hello <b>world</b></p>
        <div>one</div><div>two</div>                                ; <p>one</p><p>two</p>
        <section><h2>T</h2><div><p>p</p></div></section>            ; <h2>T</h2><p>p</p>
        <span class=x>inline</span> text                            ; inline text
        <a href="/rel">r</a>                                        ; <a href="https://news.example/rel" rel="noopener noreferrer">r</a>
        <a href="other">o</a>                                       ; <a href="https://news.example/2024/story/other" rel="noopener noreferrer">o</a>
        <a href="mailto:tips@news.example">mail</a>                 ; <a href="mailto:tips@news.example" rel="noopener noreferrer">mail</a>
        <a href="#top">anchor</a>                                   ; anchor
        <a href="ftp://files.example/x">ftp</a>                     ; ftp
        <img src="//cdn.example/a.png" alt="A" class="c">           ; <img src="https://cdn.example/a.png" alt="A">
        <img src="mailto:x@y.z">                                    ; ''
        <table><tr><td colspan=2 style=x>c</td></tr></table>        ; <table><tbody><tr><td colspan="2">c</td></tr></tbody></table>
        <time datetime="2024-01-02" class=t>2 Jan</time>            ; <time datetime="2024-01-02">2 Jan</time>
        <p></p><p> </p><em></em><p>kept</p>                        ; <p>kept</p>
        """)
    void allowlistKeepsStructureAndResolvesUrls(String input, String expected) {
        assertEquals(expected, sanitizer.sanitize(input, BASE));
    }

    @Test
    void escapedTextStaysEscaped() {
        String html = "<p>1 &lt; 2 &amp;&amp; &lt;script&gt;alert(1)&lt;/script&gt;</p>";
        assertEquals(html, sanitizer.sanitize(html, BASE));
    }

    @Test
    void preformattedWhitespaceIsKept() {
        String html = "<pre><code>  x = 1;\n    y = 2;</code></pre>";
        assertEquals(html, sanitizer.sanitize(html, BASE));
    }

    @Test
    void everyAllowedTagSurvivesWithItsAllowedAttributes() {
        String html = "<h1>a</h1><h6>b</h6><blockquote><p>q</p></blockquote><q>q</q><cite>c</cite><ul><li>l</li></ul>"
                + "<ol><li>o</li></ol><dl><dt>t</dt><dd>d</dd></dl><figure><img src='https://x.example/i.png' alt='a' title='t' "
                + "width='10' height='20'><figcaption>f</figcaption></figure><pre><code>c</code></pre><p><em>e</em><strong>s</strong>"
                + "<i>i</i><u>u</u><s>s</s><sub>1</sub><sup>2</sup><small>sm</small><mark>m</mark><abbr title='T'>A</abbr><br></p><hr>"
                + "<table><thead><tr><th rowspan='2'>h</th></tr></thead><tfoot><tr><td>f</td></tr></tfoot></table>";
        String out = sanitizer.sanitize(html, BASE);
        Element body = Jsoup.parseBodyFragment(out).body();
        for (String tag : new String[] {"h1", "h6", "blockquote", "q", "cite", "ul", "ol", "li", "dl", "dt", "dd", "figure",
            "img", "figcaption", "pre", "code", "em", "strong", "i", "u", "s", "sub", "sup", "small", "mark", "abbr", "br",
            "hr", "table", "thead", "tfoot", "tr", "th", "td"}) {
            assertFalse(body.getElementsByTag(tag).isEmpty(), tag + " missing from " + out);
        }
        Element img = body.selectFirst("img");
        assertEquals("a|t|10|20", img.attr("alt") + "|" + img.attr("title") + "|" + img.attr("width") + "|" + img.attr("height"));
        assertEquals("2", body.selectFirst("th").attr("rowspan"));
        assertEquals("T", body.selectFirst("abbr").attr("title"));
        Fixtures.assertSafe(out, html);
    }

    @Test
    void withoutABaseRelativeUrlsAreDropped() {
        assertEquals("<p>x y</p>", sanitizer.sanitize("<p><a href='/a'>x</a> <img src='i.png'>y</p>", null));
    }

    @Test
    void blankOrNullInputGivesEmptyOutput() {
        assertEquals("", sanitizer.sanitize(null, BASE));
        assertEquals("", sanitizer.sanitize("   ", BASE));
        assertEquals("", sanitizer.sanitize("<script>only</script>", BASE));
    }

    @Test
    void pathologicalNestingSettlesAndStaysIdempotent() {
        String html = "<a href='https://a.example'>" + "<div><p><a href='https://b.example'><table><tr><td>x".repeat(200);
        String out = sanitizer.sanitize(html, BASE);
        Fixtures.assertSafe(out, "nested");
        assertEquals(out, sanitizer.sanitize(out, BASE));
        assertTrue(out.contains("x"));
    }
}
