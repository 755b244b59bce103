package org.cryptosec.reader.extract;

import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/** Class/id hints (several languages) that tell content from boilerplate. */
final class Hints {

    /** Substrings of class/id that mark boilerplate (plain substrings: String.contains beats a long regex alternation). */
    static final String[] NEGATIVE = {
        "comment", "disqus", "reacties", "respond", "sidebar", "side-bar", "footer", "share", "sharing", "social",
        "related", "teaser", "promo", "widget", "newsletter", "nieuwsbrief", "cookie", "advert", "banner", "sponsor",
        "skyscraper", "popup", "modal", "breadcrumb", "pagination", "pager", "masthead", "outbrain", "taboola",
        "subscribe", "signup", "authorbox", "author-box", "authorbio", "author-bio", "authorinfo", "author-info",
        "aboutauthor", "about-author", "saboxplugin", "gdpr", "consent", "recommend", "popular", "trending", "mostread",
        "most-read", "meestgelezen", "meest-gelezen", "netbinnen", "net-binnen", "leesook", "lees-ook", "read-more",
        "readmore", "gerelateerd", "menu", "navbar", "navigation", "toolbar", "tagcloud", "tag-cloud", "tags-links",
        "post-tags", "posttags", "entry-tags", "screen-reader", "sr-only", "jp-relatedposts", "yarpp", "addtoany",
        "a2a_", "sharedaddy", "shariff", "anzeige", "werbung", "publicite", "publicidad", "reklame", "login", "paywall",
        "donate", "print-only", "lightbox", "ticker", "marquee", "livecoinwatch"};

    private static final String WIDGET = "widget";

    /** {@link #NEGATIVE} by the two (ASCII) characters each starts with ({@code first << 7 | second}). */
    private static final String[][] NEGATIVE_BY_PAIR = byPair(NEGATIVE);

    /** Whole tokens of class/id that mark boilerplate (too short to match as substrings). */
    static final Set<String> NEGATIVE_TOKENS = Set.of(
            "ad", "ads", "adv", "adsbygoogle", "adslot", "adunit", "nav", "meta", "header", "tags", "rail", "extra",
            "hidden", "hide", "aside", "byline", "dateline", "credits", "caption-credit", "toc", "skip");

    /** The length of the longest of {@link #NEGATIVE_TOKENS}: a longer word is none of them. */
    private static final int LONGEST_TOKEN = NEGATIVE_TOKENS.stream().mapToInt(String::length).max().orElse(0);

    /** {@link #NEGATIVE_TOKENS} by first (ASCII) character and length ({@code first * (LONGEST_TOKEN + 1) + length}). */
    private static final String[][] TOKENS_BY_FIRST_AND_LENGTH = new String[128 * (LONGEST_TOKEN + 1)][];

    static {
        for (String token : NEGATIVE_TOKENS) {
            TOKENS_BY_FIRST_AND_LENGTH[token.charAt(0) * (LONGEST_TOKEN + 1) + token.length()] =
                    grown(TOKENS_BY_FIRST_AND_LENGTH[token.charAt(0) * (LONGEST_TOKEN + 1) + token.length()], token);
        }
    }

    /** Whether an ASCII character is a letter or digit (what {@code Character.isLetterOrDigit} tells of it). */
    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_WORD[c] = Character.isLetterOrDigit(c);
        }
    }

    /** Substrings of class/id that mark content. */
    static final String[] POSITIVE = {
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text", "blog", "story", "tekst",
        "artikel", "inhoud", "bericht", "beitrag", "inhalt", "contenu", "contenido", "cuerpo", "noticia", "articolo",
        "prose"};

    /** {@link #POSITIVE}, found in one pass by the two characters each starts with. */
    private static final Words POSITIVE_WORDS = new Words(POSITIVE);

    /** The words (ASCII, two characters or more) by the two characters each starts with ({@code first << 7 | second}). */
    private static String[][] byPair(String[] words) {
        String[][] table = new String[128 * 128][];
        for (String word : words) {
            // "widget" is the constant itself: isNegative tells it by identity
            String key = word.equals(WIDGET) ? WIDGET : word;
            int pair = key.charAt(0) << 7 | key.charAt(1);
            table[pair] = grown(table[pair], key);
        }
        return table;
    }

    private static String[] grown(String[] old, String word) {
        String[] grown = old == null ? new String[1] : java.util.Arrays.copyOf(old, old.length + 1);
        grown[grown.length - 1] = word;
        return grown;
    }

    private Hints() {
    }

    static String classAndId(Element el) {
        String cls = el.className();
        String id = el.id();
        if (cls.isEmpty() && id.isEmpty()) {
            return "";
        }
        return (cls + " " + id).toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a class and id (lower case) hold one of {@link #NEGATIVE} (a "widget" only when it is no page builder's
     * content block) or a word (letters and digits) that is one of {@link #NEGATIVE_TOKENS}, "hidden" not after "label".
     */
    static boolean isNegative(String classAndId) {
        // one pass over the string: at each place only the substrings that start with its two characters are tried,
        // and each word, where it ends, only against the tokens of its first character and length
        boolean widgetSeen = false;
        int start = -1;
        for (int at = 0, n = classAndId.length(); at <= n; at++) {
            char c = at < n ? classAndId.charAt(at) : ' ';
            if (c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c)) {
                if (start < 0) {
                    start = at;
                }
            } else if (start >= 0) {
                if (isToken(classAndId, start, at)) {
                    return true;
                }
                start = -1;
            }
            char d;
            String[] candidates;
            if (at + 1 >= n || c >= 128 || (d = classAndId.charAt(at + 1)) >= 128
                    || (candidates = NEGATIVE_BY_PAIR[c << 7 | d]) == null) {
                continue;
            }
            for (String neg : candidates) {
                if (!classAndId.startsWith(neg, at)) {
                    continue;
                }
                if (neg != WIDGET) {
                    return true;
                }
                // a "widget" is judged once, from its first place (as a search for it would find it)
                if (!widgetSeen && !isContentWidget(classAndId, at)) {
                    return true;
                }
                widgetSeen = true;
            }
        }
        return false;
    }

    /** Whether the word from {@code start} to {@code end} is one of {@link #NEGATIVE_TOKENS} ("hidden" after "label" is not). */
    private static boolean isToken(String classAndId, int start, int end) {
        int length = end - start;
        char first = classAndId.charAt(start);
        if (length > LONGEST_TOKEN || first >= 128) {
            return false;
        }
        String[] tokens = TOKENS_BY_FIRST_AND_LENGTH[first * (LONGEST_TOKEN + 1) + length];
        if (tokens == null) {
            return false;
        }
        for (String token : tokens) {
            if (classAndId.startsWith(token, start)) {
                return !(token.equals("hidden") && afterLabel(classAndId, start));
            }
        }
        return false;
    }

    /**
     * Whether the element's "widget" tokens name a page builder's text or content block ("builder-widget
     * builder-widget-text-editor", "builder-widget-post-content") or the wrapper around its blocks
     * ("builder-widget-wrap", "builder-widget-container"): such blocks hold the article itself. A plain "widget"
     * token (a sidebar's, a form field's) always marks boilerplate.
     */
    private static boolean isContentWidget(String classAndId, int first) {
        boolean content = false;
        // each token is judged once: the next search starts after it (a token repeating "widget" stays linear)
        for (int at = first, end; at >= 0; at = classAndId.indexOf("widget", end)) {
            int start = at;
            while (start > 0 && !Character.isWhitespace(classAndId.charAt(start - 1))) {
                start--;
            }
            end = at;
            while (end < classAndId.length() && !Character.isWhitespace(classAndId.charAt(end))) {
                end++;
            }
            String token = classAndId.substring(start, end);
            if (token.equals("widget")) {
                return false; // a plain widget (a sidebar's, a form field's)
            }
            if (token.contains("text") || token.contains("content") || token.endsWith("-wrap")
                    || token.endsWith("-container")) {
                content = true;
            }
        }
        return content;
    }

    /** Whether the word at {@code start} follows "label" ("field--label-hidden": the field shows, its label does not). */
    private static boolean afterLabel(String classAndId, int start) {
        int end = start;
        while (end > 0 && !Character.isLetterOrDigit(classAndId.charAt(end - 1)) && !Character.isWhitespace(classAndId.charAt(end - 1))) {
            end--;
        }
        return end < start && end >= 5 && classAndId.startsWith("label", end - 5);
    }

    /** Whether a class and id (lower case) hold one of {@link #POSITIVE}. */
    static boolean isPositive(String classAndId) {
        return POSITIVE_WORDS.in(classAndId) != 0;
    }

    /** Readability's class weight: +25 for a content hint, -25 for a boilerplate hint. */
    static int classWeight(Element el) {
        return classWeight(classAndId(el));
    }

    /** As {@link #classWeight(Element)}, given the element's {@link #classAndId}. */
    static int classWeight(String s) {
        int w = 0;
        if (isNegative(s)) {
            w -= 25;
        }
        if (isPositive(s)) {
            w += 25;
        }
        return w;
    }

    /**
     * Class and id without layout modifier classes ("has-sidebar", "no-comments", "with-sidebar", "without-sidebar"): those describe
     * what is around an element, not what it is.
     */
    static String withoutModifiers(String classAndId) {
        if (classAndId.indexOf('-') < 0 || !(classAndId.contains("has-") || classAndId.contains("no-")
                || classAndId.contains("with-") || classAndId.contains("without-") || classAndId.contains("hasnt-")
                || classAndId.contains("not-"))) {
            return classAndId;
        }
        StringBuilder kept = new StringBuilder(classAndId.length());
        for (String token : classAndId.split(" ")) {
            if (!token.startsWith("has-") && !token.startsWith("no-") && !token.startsWith("with-")
                    && !token.startsWith("without-") && !token.startsWith("hasnt-") && !token.startsWith("not-")) {
                kept.append(token).append(' ');
            }
        }
        return kept.toString().trim();
    }

    /** Whether a tag is page furniture (nav, aside, footer). */
    static boolean isFurnitureTag(String tag) {
        return tag.equals("nav") || tag.equals("aside") || tag.equals("footer");
    }

    /** Whether an element sits inside page furniture (aside, nav, footer, or a boilerplate-classed ancestor). */
    static boolean inBoilerplate(Element el) {
        for (Element e = el; e != null; e = e.parent()) {
            String tag = e.normalName();
            if (tag.equals("body") || tag.equals("html")) {
                return false;
            }
            if (isFurnitureTag(tag)) {
                return true;
            }
            String s = withoutModifiers(classAndId(e));
            if (!s.isEmpty() && (s.contains("sidebar") || s.contains("widget") || s.contains("teaser")
                    || s.contains("related") || s.contains("popular") || s.contains("comment") || s.contains("footer")
                    || s.contains("recommend") || s.contains("meest-gelezen") || s.contains("most-read"))) {
                return true;
            }
        }
        return false;
    }

    /** Tells which of a few lower-case ASCII words (of two characters or more) a string holds, in one pass over it. */
    static final class Words {
        private final String[] words;
        /** By a word's first two characters: the positions of the words starting with them. */
        private final int[][] byPair = new int[128 * 128][];

        Words(String... words) {
            if (words.length > 64) {
                throw new IllegalArgumentException("at most 64 words");
            }
            this.words = words.clone();
            for (int w = 0; w < words.length; w++) {
                String word = words[w];
                if (word.length() < 2 || word.charAt(0) >= 128 || word.charAt(1) >= 128) {
                    throw new IllegalArgumentException("not a word of two ASCII characters or more: " + word);
                }
                int pair = word.charAt(0) << 7 | word.charAt(1);
                int[] old = byPair[pair] == null ? new int[0] : byPair[pair];
                int[] grown = java.util.Arrays.copyOf(old, old.length + 1);
                grown[old.length] = w;
                byPair[pair] = grown;
            }
        }

        /** The words {@code s} holds: bit i set when it holds the i-th word. */
        long in(String s) {
            long found = 0;
            for (int at = 0, n = s.length() - 1; at < n; at++) {
                char c = s.charAt(at);
                char d = s.charAt(at + 1);
                int[] candidates = c < 128 && d < 128 ? byPair[c << 7 | d] : null;
                if (candidates != null) {
                    for (int w : candidates) {
                        if (s.startsWith(words[w], at)) {
                            found |= 1L << w;
                        }
                    }
                }
            }
            return found;
        }

        /** The bits of {@code some} of the words. */
        long mask(String... some) {
            long mask = 0;
            for (String word : some) {
                int w = java.util.Arrays.asList(words).indexOf(word);
                if (w < 0) {
                    throw new IllegalArgumentException("not one of the words: " + word);
                }
                mask |= 1L << w;
            }
            return mask;
        }
    }
}
