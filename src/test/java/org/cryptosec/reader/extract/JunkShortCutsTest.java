package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * removeJunk's junk test, which looks each name up in the element's attribute keys (no iterator, and the value only
 * of a name it finds), gives what the element's own lookups give (attr and hasAttr, which ignore the case of the name
 * and take the first of a name).
 */
class JunkShortCutsTest {

    /** The junk test written as lookups of each attribute. */
    private static boolean junkLongWay(Element el, String tag) {
        String style = el.hasAttr("style") ? el.attr("style").toLowerCase(Locale.ROOT).replace(" ", "") : "";
        return ContentExtractor.REMOVE_ALWAYS.contains(tag) || tag.indexOf(':') >= 0 || el.hasAttr("hidden")
                || "true".equalsIgnoreCase(el.attr("aria-hidden")) && !tag.equals("img")
                || ContentExtractor.REMOVE_ROLES.contains(el.attr("role").toLowerCase(Locale.ROOT))
                || style.contains("display:none") || style.contains("visibility:hidden")
                || tag.equals("form") && el.text().length() < 400;
    }

    @Test
    void theKeyLookupsJudgeAsTheElementLookupsOnRandomElements() {
        String[] tags = {"div", "img", "p", "span", "form", "section", "nav", "svg"};
        String[][] attributes = {
            {"hidden", ""}, {"HIDDEN", ""}, {"aria-hidden", "true"}, {"aria-hidden", "TRUE"}, {"Aria-Hidden", "true"},
            {"aria-hidden", "false"}, {"role", "navigation"}, {"ROLE", "Banner"}, {"role", "main"}, {"role", ""},
            {"style", "display: none"}, {"Style", "DISPLAY:NONE"}, {"style", "visibility : hidden"},
            {"style", "color: red"}, {"style", "display:block"}, {"class", "hidden"}, {"id", "x"}, {"data-x", "hidden"},
            {"title", "role"}, {"alt", "style"}, {"width", "1"}};
        Random rnd = new Random(5);
        int junk = 0;
        int kept = 0;
        for (int k = 0; k < 5000; k++) {
            String tag = tags[rnd.nextInt(tags.length)];
            Element el = Jsoup.parse("<body></body>").body().appendElement(tag);
            el.appendText(rnd.nextBoolean() ? "short" : "a long text ".repeat(40));
            for (int n = rnd.nextInt(4); n > 0; n--) {
                String[] a = attributes[rnd.nextInt(attributes.length)];
                // put keeps names that differ in case apart: the first of a name (ignoring case) is the one read
                el.attributes().put(a[0], a[1]);
            }
            boolean expected = junkLongWay(el, tag);
            assertEquals(expected, ContentExtractor.isJunk(el, tag), el.outerHtml());
            junk += expected ? 1 : 0;
            kept += expected ? 0 : 1;
        }
        assertTrue(junk > 500 && kept > 500, junk + " junk, " + kept + " kept");
    }
}
