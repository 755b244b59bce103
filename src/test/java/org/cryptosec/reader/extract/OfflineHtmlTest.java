package org.cryptosec.reader.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfflineHtmlTest {

    private static final String PNG = "data:image/png;base64,iVBORw0KGgo=";

    @Test
    void imagesBecomeDataUrisAndMissingOnesAreRemoved() {
        String html = "<figure><img src=\"https://x.example/a.png\" alt=\"A\"><figcaption>cap</figcaption></figure>"
                + "<p>t <img src=\"https://x.example/missing.png\"></p>";
        List<String> asked = new ArrayList<>();
        String out = OfflineHtml.render(html, url -> {
            asked.add(url);
            return Map.of("https://x.example/a.png", PNG).get(url);
        });
        assertEquals(List.of("https://x.example/a.png", "https://x.example/missing.png"), asked);
        Element body = Jsoup.parseBodyFragment(out).body();
        assertEquals(1, body.select("img").size());
        assertEquals(PNG, body.selectFirst("img").attr("src"));
        assertEquals("A", body.selectFirst("img").attr("alt"));
        assertEquals("cap", body.select("figcaption").text());
    }

    @Test
    void linksStayAsTheyAre() {
        String html = "<p><a href=\"https://x.example/page\" rel=\"noopener noreferrer\">link</a></p>";
        assertEquals(html, OfflineHtml.render(html, url -> null));
    }

    @Test
    void nothingThatLoadsFromTheNetworkSurvives() {
        String html = "<img src=\"https://x.example/a.png\" srcset=\"https://x.example/b.png 2x\" sizes=\"100vw\" style=\"background:url(https://t.example)\">"
                + "<video poster=\"https://x.example/p.png\"><source src=\"https://x.example/v.mp4\"></video>"
                + "<iframe src=\"https://x.example\"></iframe><link rel=stylesheet href=\"https://x.example/s.css\">"
                + "<p background=\"https://x.example/bg.png\" onclick=\"x()\">t</p><script src=\"https://x.example/s.js\"></script>"
                + "<picture><source srcset=\"https://x.example/c.webp\"><img src=\"https://x.example/c.png\"></picture>"
                + "<svg><image href=\"https://x.example/s.png\"></image></svg><object data=\"https://x.example/o\"></object>";
        String out = OfflineHtml.render(html, url -> PNG);
        assertFalse(out.contains("x.example/b.png") || out.contains("t.example") || out.contains("https://x.example/"), out);
        for (Element el : Jsoup.parseBodyFragment(out).body().getAllElements()) {
            for (var a : el.attributes()) {
                assertFalse(a.getValue().startsWith("http"), "attribute " + a.getKey() + " still loads: " + out);
            }
        }
        assertTrue(out.contains(PNG));
    }

    @Test
    void nonImageOrSvgDataUrisFromTheFunctionAreRefused() {
        assertEquals("", OfflineHtml.render("<img src=\"https://x.example/a\">", url -> "data:text/html,<script>alert(1)</script>"));
        assertEquals("", OfflineHtml.render("<img src=\"https://x.example/a\">", url -> "data:image/svg+xml,<svg onload=alert(1)>"));
        assertEquals("", OfflineHtml.render("<img src=\"https://x.example/a\">", url -> {
            throw new IllegalStateException("store down");
        }));
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        assertEquals("", OfflineHtml.render(null, url -> PNG));
        assertEquals("", OfflineHtml.render("", url -> PNG));
    }
}
