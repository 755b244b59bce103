package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The boilerplate verdict on a class and an id judged apart (the class memoised) is the verdict on the two joined. */
class NegativeNamesTest {

    @ParameterizedTest(name = "class \"{0}\" id \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "entry-content|''|false",
        "sidebar-left|''|true",
        "''|footer|true",
        "post|comments|true",
        "ad|''|true",
        "''|nav|true",
        "main wrap|page|false",
        "field--label-hidden|''|false",
        "field hidden|''|true",
        "label|hidden|true",
        // a "widget" is judged over all its places: a content widget in the class and a widget in the id
        "builder-widget-text-editor|main-widget|false",
        "builder-widget-text-editor|widget|true",
        "widget|builder-widget-post-content|true",
        "builder-widget-wrap|''|false",
        "''|my-widget|true",
        "text|my-widget|true"})
    void classAndIdAreJudgedApartAsTheyAreJoined(String cls, String id, boolean negative) {
        Map<String, Boolean> memo = new HashMap<>();
        assertEquals(negative, Hints.isNegative((cls + " " + id).trim().isEmpty() ? "" : cls + " " + id));
        assertEquals(negative, ContentExtractor.isNegative(cls, id, memo));
        // asked again, the class's verdict comes from the memo and stays the same
        assertEquals(negative, ContentExtractor.isNegative(cls, id, memo));
    }
}
