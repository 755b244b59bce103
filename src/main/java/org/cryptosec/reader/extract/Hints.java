package org.cryptosec.reader.extract;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
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

    /** {@link #NEGATIVE} by the two (ASCII) characters each starts with. */
    private static final String[][][] NEGATIVE_BY_PAIR = new String[128][][];

    static {
        for (String neg : NEGATIVE) {
            String key = neg.equals(WIDGET) ? WIDGET : neg;
            char first = key.charAt(0);
            char second = key.charAt(1);
            if (NEGATIVE_BY_PAIR[first] == null) {
                NEGATIVE_BY_PAIR[first] = new String[128][];
            }
            String[] old = NEGATIVE_BY_PAIR[first][second] == null ? new String[0] : NEGATIVE_BY_PAIR[first][second];
            String[] grown = java.util.Arrays.copyOf(old, old.length + 1);
            grown[old.length] = key;
            NEGATIVE_BY_PAIR[first][second] = grown;
        }
    }

    /** Whole tokens of class/id that mark boilerplate (too short to match as substrings). */
    static final Set<String> NEGATIVE_TOKENS = Set.of(
            "ad", "ads", "adv", "adsbygoogle", "adslot", "adunit", "nav", "meta", "header", "tags", "rail", "extra",
            "hidden", "hide", "aside", "byline", "dateline", "credits", "caption-credit", "toc", "skip");

    /** The length of the longest of {@link #NEGATIVE_TOKENS}: a longer word is none of them. */
    private static final int LONGEST_TOKEN = NEGATIVE_TOKENS.stream().mapToInt(String::length).max().orElse(0);

    /** Substrings of class/id that mark content. */
    static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|tekst|artikel|inhoud|bericht"
                    + "|beitrag|inhalt|contenu|contenido|cuerpo|noticia|articolo|prose");

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

    static boolean isNegative(String classAndId) {
        if (classAndId.isEmpty()) {
            return false;
        }
        // one pass over the string, trying at each place only the words that start with its two characters
        boolean widgetSeen = false;
        for (int at = 0, n = classAndId.length() - 1; at < n; at++) {
            char c = classAndId.charAt(at);
            char d = classAndId.charAt(at + 1);
            if (c >= 128 || d >= 128 || NEGATIVE_BY_PAIR[c] == null || NEGATIVE_BY_PAIR[c][d] == null) {
                continue;
            }
            for (String neg : NEGATIVE_BY_PAIR[c][d]) {
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
        int start = -1;
        for (int i = 0; i <= classAndId.length(); i++) {
            char c = i < classAndId.length() ? classAndId.charAt(i) : ' ';
            // ASCII without the table lookup: its letters and digits are these ranges
            boolean word = c < 128 ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' : Character.isLetterOrDigit(c);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                // a word longer than every token is none of them: no substring for it
                String token = i - start > LONGEST_TOKEN ? null : classAndId.substring(start, i);
                if (token != null && NEGATIVE_TOKENS.contains(token) && !(token.equals("hidden") && afterLabel(classAndId, start))) {
                    return true;
                }
                start = -1;
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

    static boolean isPositive(String classAndId) {
        return !classAndId.isEmpty() && POSITIVE.matcher(classAndId).find();
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
