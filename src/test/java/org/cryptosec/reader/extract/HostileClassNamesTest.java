package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Class and id hints on hostile attribute values: linear time, whatever the value repeats. */
class HostileClassNamesTest {

    @Test
    void aHugeClassRepeatingWidgetIsJudgedInLinearTime() {
        String oneToken = "widget".repeat(200_000) + "-content";
        String manyTokens = "x-widget-wrap ".repeat(100_000) + "widget";
        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> {
            assertFalse(Hints.isNegative(oneToken), "one page-builder content token");
            assertTrue(Hints.isNegative(manyTokens), "a plain widget token among builder wrappers");
        });
    }

    @Test
    void aPageWithAHugeWidgetClassIsExtractedQuickly() {
        String html = "<html><body><div class='" + "widget".repeat(200_000) + "'>menu</div><article><h1>Bridge drained</h1>"
                + "<p>" + "The bridge lost its funds overnight, and the team paused deposits while it looked into it. ".repeat(5)
                + "</p></article></body></html>";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            String text = new ArticleExtractor().extract(html, "https://news.example/bridge").text();
            assertTrue(text.contains("paused deposits"), text);
        });
    }

    @ParameterizedTest(name = "class \"{0}\" marks boilerplate: {1}")
    @CsvSource({
        "sidebar-widget widget, true",
        "builder-widget builder-widget-text-editor, false",
        "builder-widget-wrap, false",
        "widget builder-widget-container, true",
        "field field--label-hidden, false",
        "hidden, true",
    })
    void widgetAndHiddenTokensAreJudgedByTheWholeToken(String cls, boolean negative) {
        assertTrue(Hints.isNegative(cls) == negative, cls);
    }
}
