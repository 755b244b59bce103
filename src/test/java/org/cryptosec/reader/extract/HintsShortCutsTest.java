package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The one-pass hint tests (substrings by their first two characters, words by first character and length) give what
 * the plain way gives: a search for each substring, a regular expression for the content words, a set lookup of each
 * word.
 */
class HintsShortCutsTest {

    /** The content words as one alternation, searched anywhere. */
    private static final Pattern POSITIVE_LONG_WAY = Pattern.compile(String.join("|", Hints.POSITIVE));

    private static boolean positiveLongWay(String s) {
        return POSITIVE_LONG_WAY.matcher(s).find();
    }

    private static boolean negativeLongWay(String s) {
        for (String neg : Hints.NEGATIVE) {
            if (!neg.equals("widget") && s.contains(neg)) {
                return true;
            }
        }
        if (s.contains("widget") && !contentWidgetLongWay(s)) {
            return true;
        }
        // the words: runs of letters and digits
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean word = i < s.length() && Character.isLetterOrDigit(s.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                String token = s.substring(start, i);
                if (Hints.NEGATIVE_TOKENS.contains(token) && !(token.equals("hidden") && afterLabelLongWay(s, start))) {
                    return true;
                }
                start = -1;
            }
        }
        return false;
    }

    /** Every white-space-separated token holding "widget" is a page builder's content block, none a plain widget. */
    private static boolean contentWidgetLongWay(String s) {
        boolean content = false;
        for (String token : s.split("\\s+")) {
            if (!token.contains("widget")) {
                continue;
            }
            if (token.equals("widget")) {
                return false;
            }
            content |= token.contains("text") || token.contains("content") || token.endsWith("-wrap")
                    || token.endsWith("-container");
        }
        return content;
    }

    /** "label" right before the word, only punctuation (no white space) between. */
    private static boolean afterLabelLongWay(String s, int start) {
        int end = start;
        while (end > 0 && !Character.isLetterOrDigit(s.charAt(end - 1)) && !Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return end < start && s.substring(0, end).endsWith("label");
    }

    @Test
    void onePassVerdictsAreThoseOfTheLongWayOnRandomNames() {
        String[] parts = {"side", "bar", "sidebar", "-", "_", " ", "  ", "\t", "widget", "builder-widget-text", "-wrap",
            "content", "ad", "ads", "adv", "nav", "navbar", "hidden", "label", "field--label-", "label-", "hide", "meta",
            "tags", "tag", "toc", "skip", "extra", "x", "é", "ü", "1", "post", "article", "h-entry", "hentry", "entry",
            "page", "prose", "main", "menu", "comment", "share", "byline", "header", "text", "body", "a2a_", "sr-only",
            "promo", "teaser", "mostread", "aside", "rail", "caption-credit", "credits", "dateline", "adsbygoogle", "ar",
            "ti", "cle", "wid", "get", "Ad", "NAV"};
        Random rnd = new Random(11);
        int negatives = 0;
        int positives = 0;
        for (int k = 0; k < 20000; k++) {
            StringBuilder s = new StringBuilder();
            for (int n = rnd.nextInt(7); n >= 0; n--) {
                s.append(parts[rnd.nextInt(parts.length)]);
            }
            String name = s.toString();
            boolean negative = negativeLongWay(name);
            boolean positive = positiveLongWay(name);
            assertEquals(negative, Hints.isNegative(name), name);
            assertEquals(positive, Hints.isPositive(name), name);
            assertEquals((negative ? -25 : 0) + (positive ? 25 : 0), Hints.classWeight(name), name);
            negatives += negative ? 1 : 0;
            positives += positive ? 1 : 0;
        }
        assertTrue(negatives > 2000 && negatives < 18000 && positives > 2000 && positives < 18000,
                negatives + " negative, " + positives + " positive");
        assertEquals(false, Hints.isNegative(""));
        assertEquals(false, Hints.isPositive(""));
    }
}
