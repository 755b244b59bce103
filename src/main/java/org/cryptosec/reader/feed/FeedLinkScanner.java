package org.cryptosec.reader.feed;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds feed autodiscovery links ({@code <link rel="alternate" type="application/rss+xml" href=...>}) in an HTML
 * page without an HTML library: a small tokenizer that skips comments, scripts and styles, reads attributes with
 * or without quotes, honours {@code <base href>}, and ranks the site's main feed before comment feeds.
 */
public final class FeedLinkScanner {

    /** A feed link found in a page, with an absolute URL. */
    public record FeedLink(String url, String type, String title, boolean commentFeed) {
    }

    private static final int MAX_SCAN = 2 * 1024 * 1024;
    private static final Set<String> FEED_TYPES = Set.of("application/rss+xml", "application/atom+xml",
            "application/feed+json", "application/rdf+xml", "application/x-rss+xml", "application/x-atom+xml",
            "text/xml", "application/xml", "text/rss+xml", "text/atom+xml");

    private FeedLinkScanner() {
    }

    /** Feed links in document order, main feeds before comment feeds, without duplicates. */
    public static List<FeedLink> scan(String html, String pageUrl) {
        if (html == null || html.isEmpty()) {
            return List.of();
        }
        String s = html.length() > MAX_SCAN ? html.substring(0, MAX_SCAN) : html;
        URI pageBase = Urls.base(pageUrl);
        String baseHref = null;
        List<Map<String, String>> links = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            int lt = s.indexOf('<', i);
            if (lt < 0 || lt + 1 >= n) {
                break;
            }
            if (s.startsWith("<!--", lt)) {
                int end = s.indexOf("-->", lt + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            char c = s.charAt(lt + 1);
            if (c == '!' || c == '?' || c == '/') {
                int end = s.indexOf('>', lt + 1);
                i = end < 0 ? n : end + 1;
                continue;
            }
            if (!Character.isLetter(c)) {
                i = lt + 1;
                continue;
            }
            int j = lt + 1;
            while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '-' || s.charAt(j) == ':')) {
                j++;
            }
            String tag = s.substring(lt + 1, j).toLowerCase(Locale.ROOT);
            Map<String, String> attrs = new LinkedHashMap<>();
            i = readAttributes(s, j, attrs);
            switch (tag) {
                case "script", "style", "textarea", "template", "noscript" -> {
                    int close = indexOfIgnoreCase(s, "</" + tag, i);
                    i = close < 0 ? n : close;
                }
                case "base" -> {
                    // the first <base href> is the document's base, wherever the links are
                    if (baseHref == null && attrs.get("href") != null && !attrs.get("href").isBlank()) {
                        baseHref = attrs.get("href");
                    }
                }
                case "link" -> links.add(attrs);
                default -> {
                    // other tags are only tokenized, so that quoted '>' inside them cannot confuse the scan
                }
            }
        }
        URI base = baseHref == null ? pageBase : Urls.base(Urls.resolve(pageBase, baseHref));
        if (base == null) {
            base = pageBase;
        }
        List<FeedLink> main = new ArrayList<>();
        List<FeedLink> comments = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Map<String, String> attrs : links) {
            FeedLink link = feedLink(attrs, base);
            if (link != null && seen.add(link.url())) {
                (link.commentFeed() ? comments : main).add(link);
            }
        }
        main.addAll(comments);
        return main;
    }

    private static FeedLink feedLink(Map<String, String> attrs, URI base) {
        String rel = attrs.getOrDefault("rel", "").toLowerCase(Locale.ROOT);
        boolean alternate = false;
        for (String token : rel.split("\\s+")) {
            if (token.equals("alternate") || token.equals("feed")) {
                alternate = true;
            }
        }
        String type = attrs.getOrDefault("type", "").toLowerCase(Locale.ROOT);
        int semi = type.indexOf(';');
        type = (semi < 0 ? type : type.substring(0, semi)).strip();
        if (!alternate || !FEED_TYPES.contains(type)) {
            return null;
        }
        String url = Urls.resolve(base, attrs.get("href"));
        if (url == null) {
            return null;
        }
        String title = attrs.get("title");
        title = title == null || title.isBlank() ? null : title.strip();
        return new FeedLink(url, type, title, isCommentFeed(url, title));
    }

    static boolean isCommentFeed(String url, String title) {
        String u = url.toLowerCase(Locale.ROOT);
        String t = title == null ? "" : title.toLowerCase(Locale.ROOT);
        return u.contains("/comments/") || u.contains("comment") || u.contains("reacties")
                || t.contains("comment") || t.contains("reacties") || t.contains("reactions") || t.contains("kommentar");
    }

    /** Reads attributes from {@code from} up to the tag's end; returns the index after '>'. */
    private static int readAttributes(String s, int from, Map<String, String> attrs) {
        int n = s.length();
        int i = from;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '>') {
                return i + 1;
            }
            if (Character.isWhitespace(c) || c == '/') {
                i++;
                continue;
            }
            if (c == '<') {
                return i; // broken tag: let the main loop continue at the next tag
            }
            int nameStart = i;
            while (i < n && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '=' && s.charAt(i) != '>'
                    && s.charAt(i) != '/' && s.charAt(i) != '<') {
                i++;
            }
            String name = s.substring(nameStart, i).toLowerCase(Locale.ROOT);
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            String value = "";
            if (i < n && s.charAt(i) == '=') {
                i++;
                while (i < n && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i < n && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
                    char quote = s.charAt(i);
                    int end = s.indexOf(quote, i + 1);
                    if (end < 0) {
                        return n;
                    }
                    value = s.substring(i + 1, end);
                    i = end + 1;
                } else {
                    int start = i;
                    while (i < n && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '>') {
                        i++;
                    }
                    value = s.substring(start, i);
                }
            }
            if (!name.isEmpty()) {
                attrs.putIfAbsent(name, Html.decodeEntities(value));
            }
        }
        return n;
    }

    private static int indexOfIgnoreCase(String s, String needle, int from) {
        int n = s.length() - needle.length();
        for (int i = Math.max(0, from); i <= n; i++) {
            if (s.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}
