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
}
