package org.cryptosec.reader.ui.articles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class SnippetTextTest {

    /** Runs written as text with bold runs in [brackets]. */
    private static String render(List<SnippetText.Run> runs) {
        return runs.stream().map(r -> r.bold() ? "[" + r.text() + "]" : r.text()).collect(Collectors.joining());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Noord-Korea <b>hackt</b> opnieuw                 | Noord-Korea [hackt] opnieuw",
        "<b>Lazarus</b> en <b>DPRK</b>                     | [Lazarus] en [DPRK]",
        "<B>upper</B> case tags                            | [upper] case tags",
        "a &amp; b &lt;script&gt; &quot;q&quot; &#39;s&#39; | a & b <script> \"q\" 's'",
        "hex &#x20AC; dec &#8364;                          | hex € dec €",
        "<i>not bold</i> stays text                        | <i>not bold</i> stays text",
        "unknown &bogus; and lone & ampersand              | unknown &bogus; and lone & ampersand",
        "bad &#xZZ; and &#0; kept                          | bad &#xZZ; and &#0; kept",
        "unclosed <b>match runs to the end                 | unclosed [match runs to the end]",
        "</b>stray close                                   | stray close",
        "<b>a</b><b>b</b> merged                           | [ab] merged",
        "0x8f3a<b>wallet</b>                               | 0x8f3a[wallet]",
    })
    void snippetBecomesRunsWithMatchesBold(String snippet, String expected) {
        assertEquals(expected, render(SnippetText.parse(snippet)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void emptySnippetHasNoRuns(String snippet) {
        assertEquals(List.of(), SnippetText.parse(snippet));
        assertEquals("", SnippetText.plain(snippet));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "De <b>hack</b> bij &amp; Bybit | De hack bij & Bybit",
    })
    void plainDropsTheMarkup(String snippet, String expected) {
        assertEquals(expected, SnippetText.plain(snippet));
    }
}
