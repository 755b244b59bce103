package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HintsTest {

    @ParameterizedTest(name = "\"{0}\" without modifiers is \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "without-sidebar | ''",
        "layout without-sidebar | layout",
        "entry without-comments has-thumbnail | entry",
        "post-without-sidebar | post-without-sidebar",
        "without | without",
    })
    void theWithoutPrefixIsAModifierToo(String classAndId, String expected) {
        assertEquals(expected, Hints.withoutModifiers(classAndId));
    }

    @ParameterizedTest(name = "a paragraph inside class \"{0}\" is in boilerplate: {1}")
    @CsvSource(delimiter = '|', value = {
        "layout without-sidebar | false",
        "without-related-posts | false",
        "layout with-sidebar | false",
        "sidebar | true",
        "layout sidebar without-comments | true",
    })
    void aLayoutThatSaysWhatItLacksIsNotBoilerplate(String wrapperClass, boolean expected) {
        Element body = Jsoup.parse("<div class='" + wrapperClass + "'><div><p id='x'>Made-up text.</p></div></div>").body();
        assertEquals(expected, Hints.inBoilerplate(body.getElementById("x")));
    }

    @ParameterizedTest(name = "\"{0}\" marks boilerplate: {1}")
    @CsvSource(delimiter = '|', value = {
        "sidebar-left | true",
        "post-content | false",
        "sharing-buttons | true",
        "leader | false",
        "main header | true",
        "zzzsubscribezzz | true",
        "a2a_kit | true",
        "widget | true",
        "builder-widget builder-widget-text-editor | false",
        "builder-widget-wrap | false",
        "builder-widget-text-editor widget | true",
        "x-widget-text-editor y-widget | false",
        "x-widget y-widget-text | false",
        "x-widget y-widget-text z-widget share | true",
        "field--label-hidden | false",
        "'' | false",
    })
    void classWordsThatMarkBoilerplate(String classAndId, boolean expected) {
        assertEquals(expected, Hints.isNegative(classAndId));
    }
}
