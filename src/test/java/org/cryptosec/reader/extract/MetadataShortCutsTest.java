package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @ParameterizedTest
    @ValueSource(strings = {"© 2021 Jane Doe", "(c) Jane", "(C) 2020", "Copyright Jane", "COPYRIGHT", "all copyrights",
        "xcopyright", "cOpYrIgHt 2019", "text (c)", "((c)", "(c(C)", "(c"})
    void everyCopyrightLineFoundByTheRegexPassesTheCheapTest(String s) {
        if (ArticleExtractor.COPYRIGHT_HINT.matcher(s).find()) {
            assertTrue(ArticleExtractor.mayHoldCopyright(s), s);
        }
    }

    @Test
    void randomTextsTheRegexTakesPassTheCheapTest() {
        Random rnd = new Random(13);
        String[] pieces = {"c", "C", "o", "O", "p", "P", "y", "Y", "r", "R", "i", "I", "ı", "İ", "g", "h", "t", "T", "(", ")",
            "©", " ", "copy", "right", "COPY", "RIGHT", "(c", "c)", "yr"};
        int found = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = rnd.nextInt(8); k >= 0; k--) {
                sb.append(pieces[rnd.nextInt(pieces.length)]);
            }
            String s = sb.toString();
            if (ArticleExtractor.COPYRIGHT_HINT.matcher(s).find()) {
                found++;
                assertTrue(ArticleExtractor.mayHoldCopyright(s), s);
            }
        }
        assertTrue(found > 1000, "too few random copyright lines: " + found);
    }
}
