package org.cryptosec.reader.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextMetricsTest {

    private static final double EPS = 1e-9;

    @Test
    void identicalTextsScoreOneOnShinglesAndWords() {
        String t = "The quick brown fox jumps over the lazy dog";
        TextMetrics.Counts c = TextMetrics.shingleCounts(t, t);
        assertEquals(1.0, c.tp(), EPS);
        assertEquals(1.0, c.f1(), EPS);
        assertEquals(1.0, TextMetrics.bagOfWordsF1(t, t), EPS);
    }

    @Test
    void shinglesAreFourTokenWindowsWithPunctuationDropped() {
        Map<String, Integer> s = TextMetrics.shingles("a b, c d! e", 4);
        assertEquals(Map.of("a b c d", 1, "b c d e", 1), s);
        // fewer tokens than the window: one short shingle, as the Zyte benchmark does
        assertEquals(Map.of("x y", 1), TextMetrics.shingles("x y", 4));
        assertEquals(Map.of(), TextMetrics.shingles("  ...  ", 4));
    }

    @Test
    void shingleCountsAreNormalisedPerPage() {
        // expected 6 tokens -> 3 shingles; predicted = first 5 tokens -> 2 shingles, both in expected
        TextMetrics.Counts c = TextMetrics.shingleCounts("one two three four five six", "one two three four five");
        assertEquals(2 / 3.0, c.tp(), EPS);
        assertEquals(0, c.fp(), EPS);
        assertEquals(1 / 3.0, c.fn(), EPS);
        assertEquals(1.0, c.precision(), EPS);
        assertEquals(2 / 3.0, c.recall(), EPS);
        assertEquals(0.8, c.f1(), EPS);
    }

    @Test
    void summedCountsGiveEveryPageTheSameWeight() {
        TextMetrics.Counts perfectShort = TextMetrics.shingleCounts("a b c d", "a b c d");
        TextMetrics.Counts missedLong = TextMetrics.shingleCounts(
                "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20", "");
        TextMetrics.Counts sum = perfectShort.plus(missedLong);
        assertEquals(1.0, sum.precision(), EPS);
        assertEquals(0.5, sum.recall(), EPS);
        assertEquals(2 / 3.0, sum.f1(), EPS);
    }

    @ParameterizedTest(name = "[{index}] {0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "a b c d | a b c d | 1.0",
            "a b c d | a b | 0.6666666666666666",        // tp 2, fn 2 -> 4/6
            "a b | a b c d e f | 0.5",                   // tp 2, fp 4 -> 4/8
            "The cat | the CAT | 1.0",                    // case is ignored
            "a a b | a b b | 0.6666666666666666",        // multisets: tp 2, fp 1, fn 1
            "x y | p q | 0.0",
    })
    void bagOfWordsF1IsTheMultisetOverlap(String expected, String predicted, double f1) {
        assertEquals(f1, TextMetrics.bagOfWordsF1(expected, predicted), EPS);
    }

    @Test
    void bagOfWordsOfTwoEmptyTextsIsPerfectAndOfNullPredictionIsZero() {
        assertEquals(1.0, TextMetrics.bagOfWordsF1("", null), EPS);
        assertEquals(0.0, TextMetrics.bagOfWordsF1("some words", null), EPS);
    }

    @Test
    void segmentsCountFoundWithAsHitsAndFoundWithoutAsFalsePositives() {
        String body = "First paragraph of the story.\n\nSecond   paragraph ends here.";
        TextMetrics.Counts c = TextMetrics.segmentCounts(body,
                List.of("paragraph of the story", "Second paragraph ends", "missing sentence"),
                List.of("Share this", "ends here"));
        assertEquals(2, c.tp(), EPS);
        assertEquals(1, c.fn(), EPS);
        assertEquals(1, c.fp(), EPS);
        assertEquals(2 / 3.0, c.precision(), EPS);
        assertEquals(2 / 3.0, c.recall(), EPS);
        assertEquals(2 / 3.0, c.f1(), EPS);
    }

    @Test
    void noTextFindsNoSegment() {
        TextMetrics.Counts c = TextMetrics.segmentCounts(null, List.of("a", "b"), List.of("c"));
        assertEquals(new TextMetrics.Counts(0, 0, 2), c);
        assertEquals(0.0, c.f1(), EPS);
    }

    @ParameterizedTest(name = "[{index}] {0} ~ {1}")
    @CsvSource(delimiter = '|', value = {
            "JSON parsing: simdjson vs. JSON for Modern C++ | json parsing simdjson vs json for modern c",
            "  Daniel   Lemire | daniel lemire",
            "Derek Jarman · The Garden | derek jarman the garden",
            "„Zitat“ – Überschrift | zitat überschrift",
    })
    void labelsAreComparedWithoutCasePunctuationOrExtraSpace(String a, String b) {
        assertTrue(TextMetrics.sameLabel(a, b));
    }

    @Test
    void differentLabelsDoNotMatch() {
        assertFalse(TextMetrics.sameLabel("Daniel Lemire", "Daniel Lemire, Jane Doe"));
        assertFalse(TextMetrics.sameLabel("A title", null));
        assertTrue(TextMetrics.sameLabel("", null));
    }

    @ParameterizedTest(name = "[{index}] {0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "2019-08-02 | 2019-08-02 | true",
            "2019-08-02T10:00:00Z | 2019-08-02 | true",
            "2019-08-02 | 2019-08-03 | false",
            "2019-08-02 | NULL | false",
            "NULL | NULL | true",
    })
    void datesAgreeOnTheirDay(String expected, String predicted, boolean same) {
        assertEquals(same, TextMetrics.sameDay(expected, predicted));
    }
}
