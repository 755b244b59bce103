package org.cryptosec.reader.eval;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How extracted text is scored against ground truth. Pure functions. */
public final class TextMetrics {

    /** Python's {@code \w+} with re.UNICODE, as the Zyte benchmark tokenizes. */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");
    private static final Pattern PUNCT_OR_SYMBOL = Pattern.compile("[\\p{P}\\p{S}]+");
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000]+");

    private TextMetrics() {
    }

    /** True positives, false positives and false negatives; for shingles, normalized to sum to 1 per page. */
    public record Counts(double tp, double fp, double fn) {
        public static final Counts ZERO = new Counts(0, 0, 0);

        public Counts plus(Counts o) {
            return new Counts(tp + o.tp, fp + o.fp, fn + o.fn);
        }

        public double precision() {
            return tp + fp == 0 ? 0 : tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 0 : tp / (tp + fn);
        }

        /** F1 of these counts; 0 when nothing was found or expected. */
        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** The word tokens of {@code text} as the Zyte benchmark finds them (case kept). */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Counts of the {@code n}-token shingles of {@code text} (one shorter shingle when the text has fewer tokens). */
    public static Map<String, Integer> shingles(String text, int n) {
        List<String> tokens = tokens(text);
        Map<String, Integer> counts = new HashMap<>();
        int last = Math.max(1, tokens.size() - n + 1);
        for (int i = 0; i < last; i++) {
            String shingle = String.join(" ", tokens.subList(i, Math.min(tokens.size(), i + n)));
            if (!shingle.isEmpty()) {
                counts.merge(shingle, 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * The Zyte article-extraction benchmark's per-page counts: 4-token shingle multisets compared, then
     * tp, fp, fn divided by their sum so every page weighs the same. Summed over pages, {@link Counts#f1()}
     * is the benchmark's published F1.
     */
    public static Counts shingleCounts(String expected, String predicted) {
        return normalized(overlap(shingles(expected, 4), shingles(predicted, 4)));
    }

    /** Bag-of-words F1 of one page: lower-cased word multisets; 1 when both are empty. */
    public static double bagOfWordsF1(String expected, String predicted) {
        Counts c = overlap(lowerCounts(expected), lowerCounts(predicted));
        if (c.tp() + c.fp() + c.fn() == 0) {
            return 1;
        }
        return 2 * c.tp() / (2 * c.tp() + c.fp() + c.fn());
    }

    /**
     * trafilatura's evaluation of one page: each {@code with} segment found in the text is a true positive,
     * else a false negative; each {@code without} segment found is a false positive. White space is collapsed
     * on both sides first. A null text finds nothing.
     */
    public static Counts segmentCounts(String text, List<String> with, List<String> without) {
        String hay = text == null ? null : collapse(text);
        int tp = 0;
        int fn = 0;
        int fp = 0;
        for (String s : with) {
            if (hay != null && hay.contains(collapse(s))) {
                tp++;
            } else {
                fn++;
            }
        }
        for (String s : without) {
            if (hay != null && hay.contains(collapse(s))) {
                fp++;
            }
        }
        return new Counts(tp, fp, fn);
    }

    /** A label for comparison: NFKC, lower case, punctuation and symbols as spaces, white space collapsed. */
    public static String normalizeLabel(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        n = PUNCT_OR_SYMBOL.matcher(n).replaceAll(" ");
        return SPACE.matcher(n).replaceAll(" ").trim();
    }

    /** Whether two labels agree after {@link #normalizeLabel}. */
    public static boolean sameLabel(String expected, String predicted) {
        return normalizeLabel(expected).equals(normalizeLabel(predicted));
    }

    /** Whether two dates agree on their yyyy-mm-dd part (both absent counts as agreement). */
    public static boolean sameDay(String expected, String predicted) {
        String e = day(expected);
        String p = day(predicted);
        return e == null ? p == null : e.equals(p);
    }

    private static String day(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        String d = date.trim();
        return d.length() >= 10 ? d.substring(0, 10) : d;
    }

    static String collapse(String s) {
        return SPACE.matcher(s).replaceAll(" ").trim();
    }

    private static Map<String, Integer> lowerCounts(String text) {
        Map<String, Integer> counts = new HashMap<>();
        for (String t : tokens(text)) {
            counts.merge(t.toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        return counts;
    }

    private static Counts overlap(Map<String, Integer> expected, Map<String, Integer> predicted) {
        Set<String> keys = new HashSet<>(expected.keySet());
        keys.addAll(predicted.keySet());
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (String k : keys) {
            int t = expected.getOrDefault(k, 0);
            int p = predicted.getOrDefault(k, 0);
            tp += Math.min(t, p);
            fp += Math.max(0, p - t);
            fn += Math.max(0, t - p);
        }
        return new Counts(tp, fp, fn);
    }

    private static Counts normalized(Counts c) {
        double s = c.tp() + c.fp() + c.fn();
        return s > 0 ? new Counts(c.tp() / s, c.fp() / s, c.fn() / s) : c;
    }
}
