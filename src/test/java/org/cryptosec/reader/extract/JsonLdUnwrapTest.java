package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link JsonLd#unwrap}, worked out on indexes and cut once, gives what trimming and cutting the block step by step
 * gives (the long way, kept here), and a block read from its one data node is read as {@code data()} reads it.
 */
class JsonLdUnwrapTest {

    /** The long way: each step on a copy. */
    private static String unwrapStepByStep(String raw) {
        String s = raw.trim();
        if (s.startsWith("<!--")) {
            s = s.substring(4);
        }
        if (s.endsWith("-->")) {
            s = s.substring(0, s.length() - 3);
        }
        s = s.trim();
        if (s.startsWith("//<![CDATA[")) {
            s = s.substring("//<![CDATA[".length());
        } else if (s.startsWith("<![CDATA[")) {
            s = s.substring("<![CDATA[".length());
        }
        int end = s.lastIndexOf("]]>");
        if (end >= 0 && end > s.length() - 8) {
            s = s.substring(0, end);
            if (s.endsWith("//")) {
                s = s.substring(0, s.length() - 2);
            }
        }
        return s.trim();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "", " ", "{}", "  {\"a\":1}\n", "<!-- {\"a\":1} -->", "<!--{}-->", "<!---->", "<!--->", "<!-->",
        "//<![CDATA[\n{}\n//]]>", "<![CDATA[{}]]>", "<![CDATA[ {} ]]>  ", "{\"x\":\"]]>\"}", "{} ]]>", "{}]]> x",
        "{} ]]>1234", "{} ]]>12345", "<!--//<![CDATA[{}//]]>-->", "]]>", "//]]>", "<![CDATA[", "//<![CDATA[",
        "<!--<![CDATA[-->", "\u0000{}\u001f", "<!--\n//<![CDATA[\n{\"@type\":\"NewsArticle\"}\n//]]>\n-->"
    })
    void unwrapsAsTheLongWay(String raw) {
        assertEquals(unwrapStepByStep(raw), JsonLd.unwrap(raw));
    }

    @Test
    void unwrapsRandomBlocksAsTheLongWay() {
        String[] pieces = {" ", "\n", "\t", "<!--", "-->", "//", "<![CDATA[", "//<![CDATA[", "]]>", "{", "}", "a", "-",
            "]", ">", "<", "!", "/"};
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(9); k > 0; k--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String raw = sb.toString();
            assertEquals(unwrapStepByStep(raw), JsonLd.unwrap(raw), raw);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"A &amp; B\"}</script>",
        "<script type=\"application/ld+json\"></script>",
        "<script type=\"application/ld+json\"><!-- {\"@type\":\"NewsArticle\",\"headline\":\"C\"} --></script>"
    })
    void readsABlockAsItsData(String html) {
        Document doc = Jsoup.parse(html);
        Element script = doc.selectFirst("script");
        JsonLd ld = JsonLd.of(java.util.List.of(script));
        String expected = unwrapStepByStep(script.data());
        assertEquals(expected.isEmpty(), ld.isEmpty());
        if (!expected.isEmpty()) {
            assertEquals(expected.contains("\"C\"") ? "C" : "A &amp; B", ld.article().get("headline").asText());
        }
    }
}
