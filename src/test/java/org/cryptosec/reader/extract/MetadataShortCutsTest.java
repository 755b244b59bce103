package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain scans of the title and date stages give what the regex calls they replaced gave. */
class MetadataShortCutsTest {

    private static String random(Random rnd, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/2019/10/22/story", "http://example.org", "https://example.org?x=1",
        "ftp://host/a/b", "HTTPS://Host.example/x", "://no-scheme/x", "1http://x/y", "http:/x/y", "https//x/y",
        "mailto:jane@example.org", "/2019/10/22/story", "https://", "a://", "a:///", "x-y://host/p", "é://host/p", ""})
    void theSchemeAndHostAreCutAsTheRegexCutThem(String url) {
        assertEquals(url.replaceFirst("^[a-zA-Z]+://[^/]*", ""), VisibleDates.withoutSchemeAndHost(url), url);
    }

    @Test
    void randomUrlsLoseWhatTheRegexCut() {
        Random rnd = new Random(5);
        String alphabet = "aZhtps:/?.-_1é ";
        for (int i = 0; i < 100_000; i++) {
            String url = random(rnd, alphabet, rnd.nextInt(14));
            assertEquals(url.replaceFirst("^[a-zA-Z]+://[^/]*", ""), VisibleDates.withoutSchemeAndHost(url), url);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "a", " a", "a ", "a b", "a  b", " a b ", "a b c", "a b c   ", "  a", "a\tb c"})
    void spacePartsCountsWhatSplitOnASpaceGives(String s) {
        assertEquals(s.split(" ").length, ArticleExtractor.spaceParts(s), "[" + s + "]");
    }

    @Test
    void randomTextsHaveAsManySpacePartsAsSplitGives() {
        Random rnd = new Random(9);
        for (int i = 0; i < 100_000; i++) {
            String s = random(rnd, "ab \t", rnd.nextInt(12));
            assertEquals(s.split(" ").length, ArticleExtractor.spaceParts(s), "[" + s + "]");
        }
    }
}
