package org.cryptosec.reader.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the main content of a page by scoring candidate blocks (Readability's idea: paragraphs vote for their
 * ancestors, weighted by length, commas, link density and class/id hints), merges good sibling blocks, and then
 * removes the boilerplate left inside (share bars, inline teasers, ads, pixels, author boxes, title repeats).
 */
final class ContentExtractor {

    static final Set<String> REMOVE_ALWAYS = Lookup.setOf(
            "script", "style", "link", "meta", "template", "svg", "canvas", "iframe", "object", "embed", "applet",
            "button", "input", "select", "textarea", "nav", "dialog", "aside", "footer", "header", "noscript", "audio",
            "video", "map", "menu");

    static final Set<String> REMOVE_ROLES = Lookup.setOf(
            "dialog", "alertdialog", "navigation", "complementary", "banner", "contentinfo", "search", "menu", "menubar");

    private static final Set<String> BLOCK_CHILDREN = Lookup.setOf(
            "a_never", "blockquote", "dl", "div", "img_never", "ol", "p", "pre", "table", "ul", "section", "article",
            "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "aside", "form");

    private static final Set<String> AD_LABELS = Set.of(
            "advertentie", "advertenties", "advertisement", "advertisements", "ad", "ads", "anzeige", "werbung",
            "publicité", "publicite", "publicidad", "pubblicità", "sponsored", "gesponsord", "gesponsorde inhoud",
            "sponsored content", "paid content", "partner content", "reclame", "reklama",
            // navigation and list labels left inside articles, the same set of meanings in each language:
            // back, print, read more / see also, related, back to top
            "back", "print", "read more", "see also", "read also", "you may also like", "related articles",
            "more on this topic", "filed under", "back to top", "back to list", "back to overview",
            "terug naar overzicht", "zurück zur liste", "retour à la liste", "volver al listado",
            "terug", "afdrukken", "printen", "lees meer", "lees ook", "zie ook", "meer over dit onderwerp", "naar boven",
            "zurück", "zurück zur übersicht", "drucken", "weiterlesen", "mehr lesen", "lesen sie auch", "siehe auch",
            "mehr zum thema", "mehr themen", "beitragsbild", "nach oben", "zum seitenanfang",
            "retour", "imprimer", "lire la suite", "lire aussi", "à lire aussi", "voir aussi", "haut de page",
            "volver", "imprimir", "leer más", "ver más", "lea también", "ver también", "le puede interesar",
            "voltar", "leia mais", "leia também", "veja também", "saiba mais",
            "indietro", "stampa", "leggi anche", "leggi di più", "vedi anche",
            "powrót", "wstecz", "drukuj", "czytaj więcej", "czytaj także", "zobacz także", "na górę");

    /** The longest of {@link #AD_LABELS} (lower-casing keeps the length of these labels). */
    private static final int LONGEST_LABEL = AD_LABELS.stream().mapToInt(String::length).max().orElse(0);
    /**
     * By count of letters and digits ({@code Character.isLetterOrDigit}): the ASCII characters that the
     * {@link #AD_LABELS} of that many start with, and those they end with, as bit sets of two words (see
     * {@link #mayBeAdLabel}).
     */
    private static final long[][] AD_LABEL_FIRSTS = new long[LONGEST_LABEL + 1][2];
    private static final long[][] AD_LABEL_LASTS = new long[LONGEST_LABEL + 1][2];
    static {
        for (String label : AD_LABELS) {
            int letters = 0;
            char first = 0;
            char last = 0;
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    first = letters++ == 0 ? c : first;
                    last = c;
                }
            }
            if (first < 128) {
                AD_LABEL_FIRSTS[letters][first >> 6] |= 1L << first;
            }
            if (last < 128) {
                AD_LABEL_LASTS[letters][last >> 6] |= 1L << last;
            }
        }
    }

    /** A short line that only credits an image ("iStock.com", "Getty Images", "AFP / Jane Doe", "(crédito: ...)"). */
    static final Pattern CREDIT_LINE = Pattern.compile(
            "(?i)^[(\\[]?(?:©|\\(c\\)|foto|fotos|bild|photo|photos|image|credit|credits|crédito|créditos|crédit|beeld)\\s*:.{0,40}"
                    + "|^[(\\[]?(?:getty\\s*images|istock(?:photo)?(?:\\.com)?|shutterstock|imago(?:\\s*images)?|unsplash)[)\\]]?\\.?$"
                    + "|^(?:afp|dpa|ap|reuters|epa|anp)\\s*/\\s*[\\p{L} .\\-]{2,40}$");

    /**
     * The characters a {@link #CREDIT_LINE} can start with: after an optional "(" or "[", "©", "(" or the first letter
     * of one of its words (ASCII letters, matched in either case: the pattern is case-blind for ASCII only).
     */
    private static final String CREDIT_LINE_FIRSTS = "([©fbpicgsuadre";
    /** The first letters of the {@link #SHARE_LABEL} words. */
    private static final String SHARE_LABEL_FIRSTS = "dstapc";

    /**
     * False only when a text cannot match a pattern whose every match starts with one of {@code firsts} (lower-case
     * ASCII letters standing for both cases, other characters for themselves): a quick test before the matcher.
     */
    static boolean mayStartWith(String text, String firsts) {
        if (text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        return firsts.indexOf(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) >= 0;
    }

    /** Whether a trimmed text is a {@link #CREDIT_LINE}, the pattern only tried on a text that may be one. */
    static boolean isCreditLine(String text) {
        return mayStartWith(text, CREDIT_LINE_FIRSTS) && (text.indexOf(':') >= 0 || text.indexOf('/') >= 0
                || endsLikeAgency(text)) && CREDIT_LINE.matcher(text).matches();
    }

    /** The last letters of the agency names a {@link #CREDIT_LINE} may be alone ("Getty Images", "iStock.com"). */
    private static final String[] AGENCY_ENDS = {"images", "stock", "photo", ".com", "imago", "unsplash"};

    /**
     * Whether a text may be an agency's name alone, as {@link #CREDIT_LINE} matches one (the whole text): it ends
     * (before a '.', and a ')' or ']' before that, each if any) with one of {@link #AGENCY_ENDS} in any case. A credit
     * line of another form holds a ':' or a '/'.
     */
    private static boolean endsLikeAgency(String text) {
        int end = text.length();
        if (end > 0 && text.charAt(end - 1) == '.') {
            end--;
        }
        if (end > 0 && (text.charAt(end - 1) == ')' || text.charAt(end - 1) == ']')) {
            end--;
        }
        for (String last : AGENCY_ENDS) {
            if (text.regionMatches(true, end - last.length(), last, 0, last.length())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a trimmed text is a {@link #SHARE_LABEL}, the pattern only tried on a text that may start one. */
    static boolean isShareLabel(String text) {
        return mayStartWith(text, SHARE_LABEL_FIRSTS) && SHARE_LABEL.matcher(text).matches();
    }

    /**
     * The first letters of the {@link #READ_ALSO} phrases, and its "à" (matched as it is: the pattern is case-blind for
     * ASCII only).
     */
    private static final String READ_ALSO_FIRSTS = "lbomrasà";

    /** Whether a trimmed text is a {@link #READ_ALSO} line, the pattern only tried on a text that may start one. */
    static boolean isReadAlso(String text) {
        return mayStartWith(text, READ_ALSO_FIRSTS) && READ_ALSO.matcher(text).matches();
    }

    /** Whether a trimmed text is a {@link #FILED_UNDER} line, which always holds a colon. */
    static boolean isFiledUnder(String text) {
        return text.indexOf(':') >= 0 && FILED_UNDER.matcher(text).matches();
    }

    static final Pattern SHARE_LABEL = Pattern.compile(
            "^(deel dit (artikel|bericht)|delen|deel|share( this( article| story| post)?)?|share on|teilen|artikel teilen"
                    + "|partager|partagez|compartir|compartilhe|condividi)\\b[:\\s]*.*", Pattern.CASE_INSENSITIVE);

    static final Pattern READ_ALSO = Pattern.compile(
            "^(lees ook|lees meer|bekijk ook|ook interessant|meer lezen|read also|also read|read more|related|see also"
                    + "|recommended|lesen sie auch|auch interessant|mehr zum thema|lire aussi|à lire aussi|a lire aussi"
                    + "|leer también|lee también|leia também|leggi anche)\\b.*", Pattern.CASE_INSENSITIVE);

    /** A line that files the article under categories or tags ("Category: News", "Schlagwörter: ..."). */
    static final Pattern FILED_UNDER = Pattern.compile(
            "(?i)^(?:categor(?:y|ies)|kategorie(?:n)?|rubrik|catégories?|categorías?|categorias?|categorie(?:ën)?|tags?"
                    + "|schlagw(?:ö|oe)rter|stichw(?:ö|oe)rter|trefwoorden|étiquettes|etiquetas|filed under|posted in|abgelegt unter)"
                    + "\\s*:.{0,100}$");

    /** A reader asked to subscribe, sign up, join or pay: the same set of calls in each language. */
    private static final Pattern CALL_TO_ACTION = Pattern.compile(
            "(?i)\\b(?:subscribe (?:now|today|here|to our)|sign up (?:here|now)"
                    + "|become a (?:member|subscriber)|download (?:our|the) .{0,30}apps?\\b"
                    + "|werden sie (?:jetzt )?mitglied|jetzt (?:kostenlos )?(?:anmelden|abonnieren|registrieren)|kostenlos anmelden"
                    + "|newsletter abonnieren|abonnieren sie|abonneer (?:je|u) |word (?:nu )?lid|schrijf je in"
                    + "|abonnez-vous|inscrivez-vous|suscr[ií]b(?:ete|ase)|reg[ií]strate|assine (?:já|agora)|abbonati)");

    /** Stems one of which every {@link #CALL_TO_ACTION} holds (lower case): a cheap test before the expression. */
    private static final String[] CALL_TO_ACTION_STEMS = {"subscri", "sign up", "become a", "download",
        "mitglied", "anmelden", "abonn", "registr", "regístr", "lid", "schrijf", "inscri", "suscr", "assine", "abbonati"};

    private static boolean mayCallToAction(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String stem : CALL_TO_ACTION_STEMS) {
            if (lower.contains(stem)) {
                return true;
            }
        }
        return false;
    }

    private static final List<String> SHARE_URLS = List.of(
            "facebook.com/sharer", "facebook.com/share", "twitter.com/intent", "twitter.com/share", "x.com/intent",
            "linkedin.com/share", "linkedin.com/cws/share", "wa.me/", "api.whatsapp.com/send", "whatsapp://",
            "t.me/share", "telegram.me/share", "reddit.com/submit", "pinterest.com/pin/create", "mailto:?",
            "getpocket.com/save", "news.ycombinator.com/submitlink", "flipboard.com/bookmarklet");

    private static final List<String> TRACKER_HINTS = List.of(
            "facebook.com/tr", "google-analytics.com", "googletagmanager.com", "doubleclick.net", "scorecardresearch.com",
            "quantserve.com", "pixel.", "/pixel", "stats.wp.com", "/collect?", "/beacon", "analytics.", "/tracking",
            "bat.bing.com", "ads.", "/ad/", "adservice.", "amazon-adsystem.com", "moatads.com", "chartbeat.net",
            "hotjar.com", "matomo", "piwik", "counter.", "/hit?", "sb.scorecardresearch", "mc.yandex", "t.co/i/adsct");

    private ContentExtractor() {
    }

    // ---------------------------------------------------------------- images

    /** Makes every img's src the real, absolute image (lazy-loading attributes, srcset, noscript fallbacks). */
    static void resolveImages(Document doc) {
        resolveImages(doc.body().getElementsByTag("img"), doc.body().getElementsByTag("noscript"), new ArrayList<>());
    }


    /**
     * As {@link #resolveImages(Document)}, each noscript element it removes added to {@code removed} with its former parent, given the body's img and noscript elements in page order (the
     * page not changed since they were listed).
     */
    static void resolveImages(List<Element> bodyImages, List<Element> bodyNoscripts, List<Element[]> removed) {
        resolveImages(bodyImages, bodyNoscripts, removed, PageChanges.UNLOGGED);
    }

    /** As {@link #resolveImages(List, List, List)}, each change made through {@code changes}. */
    static void resolveImages(List<Element> bodyImages, List<Element> bodyNoscripts, List<Element[]> removed,
                              PageChanges changes) {
        for (Element img : bodyImages) {
            String best = bestImageSource(img);
            if (best == null) {
                Element fallback = noscriptFallback(img);
                if (fallback != null) {
                    best = absolute(fallback, fallback.attr("src"));
                }
            }
            if (best == null) {
                // a picture element's source may be the only real one
                Element parent = img.parent();
                if (parent != null && parent.normalName().equals("picture")) {
                    for (Element source : parent.getElementsByTag("source")) {
                        String cand = bestFromSrcset(source, source.hasAttr("srcset") ? source.attr("srcset") : source.attr("data-srcset"));
                        if (cand != null) {
                            best = cand;
                            break;
                        }
                    }
                }
            }
            if (changesSource(img, best)) {
                changes.changingAttributes(img);
            }
            if (best != null) {
                img.attr("src", best);
            } else {
                img.removeAttr("src");
            }
            img.removeAttr("srcset");
            img.removeAttr("data-srcset");
        }
        // the noscript copies are now redundant where a resolved image sits beside them; else they are the image
        for (Element noscript : bodyNoscripts) {
            if (noscript.parent() == null) {
                continue;
            }
            boolean hasImg = firstWithTag(noscript, "img") != null;
            Element parent = noscript.parent();
            boolean resolvedSibling = false;
            // without an image inside, the noscript goes whatever its siblings hold
            for (int k = 0, n = hasImg ? parent.childNodeSize() : 0; k < n && !resolvedSibling; k++) {
                if (!(parent.childNode(k) instanceof Element sib) || sib == noscript) {
                    continue;
                }
                resolvedSibling = showsResolvedImage(sib);
            }
            if (hasImg && !resolvedSibling) {
                for (Element i : noscript.getElementsByTag("img")) {
                    String src = absolute(i, i.attr("src"));
                    if (src != null) {
                        if (changesSource(i, src)) {
                            changes.changingAttributes(i);
                        }
                        i.attr("src", src);
                    }
                }
                changes.unwrap(noscript);
            } else {
                removed.add(new Element[] {noscript, parent});
                changes.remove(noscript);
            }
        }
    }

    /**
     * Whether giving an image the source {@code src} (none when null) and taking out its srcset and data-srcset may
     * change its attributes: false only when it has exactly that source, under the exact key, and neither srcset in
     * any case ({@code attr} and {@code removeAttr} match keys case-blind, and set the key's case).
     */
    private static boolean changesSource(Element img, String src) {
        return src == null || src.isEmpty() || img.hasAttr("srcset") || img.hasAttr("data-srcset")
                || !img.attributes().hasKey("src") || !img.attributes().get("src").equals(src);
    }

    private static String bestImageSource(Element img) {
        for (String attr : new String[] {"data-src", "data-lazy-src", "data-original", "data-orig-file", "data-url",
            "data-hi-res-src", "data-full-src", "data-large-file", "data-lazyload", "data-echo"}) {
            String v = img.attr(attr);
            if (!v.isBlank() && !isPlaceholder(v)) {
                String abs = absolute(img, v);
                if (abs != null) {
                    return abs;
                }
            }
        }
        String fromSet = bestFromSrcset(img, img.hasAttr("data-srcset") ? img.attr("data-srcset")
                : img.hasAttr("data-lazy-srcset") ? img.attr("data-lazy-srcset") : "");
        if (fromSet != null) {
            return fromSet;
        }
        String src = img.attr("src");
        if (!src.isBlank() && !isPlaceholder(src)) {
            String abs = absolute(img, src);
            if (abs != null) {
                return abs;
            }
        }
        return bestFromSrcset(img, img.attr("srcset"));
    }

    private static boolean isPlaceholder(String src) {
        String s = src.trim().toLowerCase(Locale.ROOT);
        return s.startsWith("data:") || s.contains("placeholder") || s.contains("blank.gif") || s.contains("spacer.gif")
                || s.contains("lazy.gif") || s.contains("lazy-load") || s.contains("transparent.gif") || s.contains("1x1.")
                || s.equals("about:blank") || s.startsWith("#");
    }

    /** The candidate with the largest width (w) or density (x) descriptor of a srcset. */
    static String bestFromSrcset(Element el, String srcset) {
        if (srcset == null || srcset.isBlank()) {
            return null;
        }
        String best = null;
        double bestSize = -1;
        for (String part : splitSrcset(srcset)) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int space = indexOfWhitespace(p);
            String url = space < 0 ? p : p.substring(0, space);
            String descriptor = space < 0 ? "" : p.substring(space).trim().toLowerCase(Locale.ROOT);
            double size = 1;
            try {
                if (descriptor.endsWith("w")) {
                    size = Double.parseDouble(descriptor.substring(0, descriptor.length() - 1));
                } else if (descriptor.endsWith("x")) {
                    size = Double.parseDouble(descriptor.substring(0, descriptor.length() - 1)) * 1000;
                }
            } catch (NumberFormatException e) {
                size = 1;
            }
            if (isPlaceholder(url)) {
                continue;
            }
            String abs = absolute(el, url);
            if (abs != null && size > bestSize) {
                best = abs;
                bestSize = size;
            }
        }
        return best;
    }

    /** Splits a srcset on the commas between candidates (not the commas inside URLs). */
    private static List<String> splitSrcset(String srcset) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < srcset.length(); i++) {
            if (srcset.charAt(i) == ',' && (i + 1 >= srcset.length() || Character.isWhitespace(srcset.charAt(i + 1)))) {
                parts.add(srcset.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(srcset.substring(start));
        return parts;
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static Element noscriptFallback(Element img) {
        Element next = img.nextElementSibling();
        if (next != null && next.normalName().equals("noscript")) {
            Element inner = firstWithTag(next, "img", "src");
            if (inner != null && !isPlaceholder(inner.attr("src"))) {
                return inner;
            }
        }
        return null;
    }

    static String absolute(Element context, String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.trim();
        String base = context.baseUri();
        String abs = HtmlSanitizer.safeUrl(u, base, false);
        return abs;
    }

    /**
     * The number of child elements, counting no further than {@code atMost + 1}: unlike {@code childrenSize()} it
     * builds no list.
     */
    static int childElements(Element el, int atMost) {
        int n = 0;
        for (int i = 0, size = el.childNodeSize(); i < size && n <= atMost; i++) {
            if (el.childNode(i) instanceof Element) {
                n++;
            }
        }
        return n;
    }

    // ---------------------------------------------------------------- statistics

    /** Text length, link text length and long-paragraph count of an element, computed for all elements in one pass. */
    static final class Stats {
        int text;
        int link;
        int longParagraphs;
        /** Commas (and their CJK forms, semicolons) in the text. */
        int commas;
        /** Position in document order (start tags). */
        int order;
        /** The position in document order of the element's last descendant (its own when it has none), as walked. */
        int end;
        /** Whether a text node inside the element held a digit when it was walked (removals do not change it). */
        boolean digit;
        /** The a elements among the element and those inside it. */
        int links;

        double linkDensity() {
            return text == 0 ? 0 : Math.min(1.0, (double) link / text);
        }
    }

    static Map<Element, Stats> stats(Element root) {
        return stats(root, 32);
    }

    /** As {@link #stats(Element)}, sized for about {@code expectedElements} elements (no rehashing on the way). */
    static Map<Element, Stats> stats(Element root, int expectedElements) {
        return walked(root, expectedElements).stats();
    }

    /** The statistics builder after a walk over {@code root}'s subtree (its statistics in order, and by element). */
    static StatsBuilder walked(Element root, int expectedElements) {
        StatsBuilder builder = new StatsBuilder(expectedElements);
        // the index's walk: the builder changes nothing in the tree
        PageIndex.walk(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                builder.head(node);
            }

            @Override
            public void tail(Node node, int depth) {
                builder.tail(node);
            }
        }, root);
        return builder;
    }

    /**
     * Builds the statistics of a subtree from a walk over it (head and tail of each node, in document order), so a
     * walk that collects other things can compute them on the way. Also bounds the length of any rendering of the
     * subtree's text (see {@link #renderBound()}).
     */
    static final class StatsBuilder {
        /** The statistics by element, made from the walk on the first {@link #stats()} (after the walk). */
        private StatsMap map;
        /** The walked elements in document order (the first {@link #order} cells). */
        private Element[] elements;
        /**
         * By position: the parent's position (-1 for the walk's root) and that of the element's last descendant (its
         * own when it has none), what {@link StatsMap} finds elements with.
         */
        private int[] parentAt;
        private int[] endAt;
        /** The statistics of the open elements, by depth. */
        private Stats[] open = new Stats[64];
        private int linkDepth;
        private int preDepth;
        private int order;
        private long renderBound;
        /** Per open element: a bound on its {@code text()} length, and the sum of those of its relaxed text-block children. */
        private long[] textBounds = new long[64];
        private long[] blockBounds = new long[64];
        /** Per open element: whether the relaxed pick drops it (see {@link #dropFromRelaxed}); how many open ones it drops. */
        private boolean[] relaxedDropped = new boolean[64];
        private int relaxedDroppedOpen;
        /**
         * Per open element: a floor on the summed {@code text()} length of the links inside it on the relaxed pick's
         * page, so that a text block mostly of links bounds the relaxed score by what it can add (see
         * {@link #relaxedScoreBound}).
         */
        private long[] linkFloors = new long[64];
        /** The depths of the open links, innermost last ({@link #linkDepth} of them): a link's text counts from its own. */
        private int[] linkAt = new int[8];
        private int depth;
        private int preserveDepth;
        private long relaxedScoreBound;
        /** The statistics in document order: the one at position {@code order}. */
        private final List<Stats> ordered;

        StatsBuilder(int expectedElements) {
            int size = Math.max(32, expectedElements);
            elements = new Element[size];
            parentAt = new int[size];
            endAt = new int[size];
            ordered = new ArrayList<>(size);
        }

        void head(Node node) {
            if (node instanceof Element el) {
                Stats s = new Stats();
                if (order == elements.length) {
                    elements = java.util.Arrays.copyOf(elements, order * 2);
                    parentAt = java.util.Arrays.copyOf(parentAt, order * 2);
                    endAt = java.util.Arrays.copyOf(endAt, order * 2);
                }
                elements[order] = el;
                parentAt[order] = depth > 0 ? open[depth - 1].order : -1;
                s.order = order++;
                ordered.add(s);
                if (depth == textBounds.length) {
                    open = java.util.Arrays.copyOf(open, depth * 2);
                    textBounds = java.util.Arrays.copyOf(textBounds, depth * 2);
                    blockBounds = java.util.Arrays.copyOf(blockBounds, depth * 2);
                    relaxedDropped = java.util.Arrays.copyOf(relaxedDropped, depth * 2);
                    linkFloors = java.util.Arrays.copyOf(linkFloors, depth * 2);
                }
                textBounds[depth] = 2; // text() adds at most a space before and after an element
                blockBounds[depth] = 0;
                relaxedDropped[depth] = false;
                linkFloors[depth] = 0;
                open[depth] = s;
                depth++;
                if (el.tag().preserveWhitespace()) {
                    preserveDepth++;
                }
                String tag = el.normalName();
                if (tag.equals("a")) {
                    if (linkDepth == linkAt.length) {
                        linkAt = java.util.Arrays.copyOf(linkAt, linkDepth * 2);
                    }
                    linkAt[linkDepth++] = depth - 1;
                    s.links = 1;
                } else if (tag.equals("pre")) {
                    preDepth++;
                } else if (tag.equals("br") || tag.equals("td") || tag.equals("th")) {
                    renderBound++; // a line break or a cell's tab
                }
            } else if (node instanceof TextNode t && depth > 0) {
                String whole = t.getWholeText();
                int textBefore = open[depth - 1].text;
                int shape = addFigures(whole, open[depth - 1], linkDepth > 0);
                if (linkDepth > 0 && relaxedDroppedOpen == 0 && (shape & NBSP_OR_ZERO_WIDTH) == 0
                        && whole.indexOf('\u00AD') < 0) {
                    // the text collapsed, which text() keeps whole unless it holds a character it leaves out (a
                    // zero-width space or soft hyphen); it counts for the innermost link and what holds it, not for
                    // an element inside the link (whose own links do not hold it)
                    linkFloors[linkAt[linkDepth - 1]] += open[depth - 1].text - textBefore;
                }
                boolean blank = (shape & BLANK) != 0;
                // collapsed text is never longer than the raw text; each text adds at most two breaks before it, and
                // white space alone (outside pre) at most one space
                renderBound += preDepth == 0 && blank ? Math.min(1, whole.length()) : whole.length() + 2;
                textBounds[depth - 1] += textBound(whole, preserveDepth > 0 || t instanceof CDataNode, shape,
                        open[depth - 1].text - textBefore);
            }
        }

        /**
         * A bound on what a text node gives its element's {@code text()}, from the figures' pass over it ({@code shape},
         * and its {@code collapsed} length).
         */
        private static int textBound(String whole, boolean keptWhole, int shape, int collapsed) {
            if (keptWhole) {
                return whole.length(); // inside a preserving element, or CDATA (SVG, MathML): text() keeps it as it is
            }
            if ((shape & BLANK) != 0 && (shape & NBSP_OR_ZERO_WIDTH) == 0) {
                return Math.min(1, whole.length()); // HTML white space only: one space at most
            }
            if ((shape & OTHER_WHITE) == 0) {
                // the figures collapse what text() collapses: its collapsed length and a space at each end
                return Math.min(whole.length(), collapsed + 2);
            }
            return whole.length(); // white space text() keeps, which the figures collapse
        }

        void tail(Node node) {
            if (node instanceof Element el) {
                Stats s = open[depth - 1];
                s.end = order - 1;
                endAt[s.order] = s.end;
                String tag = el.normalName();
                depth--;
                if (el.tag().preserveWhitespace()) {
                    preserveDepth--;
                }
                if (relaxedDroppedOpen == 0) {
                    relaxedScoreBound = Math.max(relaxedScoreBound, blockBounds[depth]);
                }
                if (relaxedDropped[depth]) {
                    relaxedDroppedOpen--; // neither it nor anything inside it is in the relaxed pick's page
                } else if (depth > 0) {
                    textBounds[depth - 1] += textBounds[depth];
                    linkFloors[depth - 1] += linkFloors[depth];
                    if (ArticleExtractor.isRelaxedBlock(tag)) {
                        // the relaxed pick scores a block's text less its links', nothing when links are half of it
                        long links = linkFloors[depth];
                        blockBounds[depth - 1] += links * 2 >= textBounds[depth] ? 0 : textBounds[depth] - links;
                    }
                }
                if (tag.equals("a")) {
                    linkDepth--;
                } else if (tag.equals("pre")) {
                    preDepth--;
                }
                if (tag.equals("p") && isLongParagraph(s)) {
                    s.longParagraphs++;
                }
                Stats parent = depth > 0 ? open[depth - 1] : null;
                if (parent != null) {
                    parent.text += s.text;
                    parent.link += s.link;
                    parent.longParagraphs += s.longParagraphs;
                    parent.commas += s.commas;
                    parent.digit |= s.digit;
                    parent.links += s.links;
                }
            }
        }

        /** The statistics by element, made on first use (once the walk is over) and kept; callers may update it. */
        StatsMap stats() {
            if (map == null) {
                map = new StatsMap(elements, ordered, parentAt, endAt, order);
            }
            return map;
        }

        /** The statistics of the walked elements in document order (the one at {@code order}), live as {@link #stats()}. */
        List<Stats> inOrder() {
            return ordered;
        }

        /**
         * Marks the element whose head was walked last as one the relaxed pick drops with all inside it (see
         * {@link ArticleExtractor#relaxedDrops}): its text counts toward no relaxed bound.
         */
        void dropFromRelaxed() {
            relaxedDropped[depth - 1] = true;
            relaxedDroppedOpen++;
        }

        /**
         * Whether the walk is inside a part marked with {@link #dropFromRelaxed} (the element whose head was walked
         * last counts only when it was marked itself).
         */
        boolean inRelaxedDropped() {
            return relaxedDroppedOpen > 0;
        }

        /** The statistics of the innermost element open in the walk (a text node's parent), or null. */
        Stats current() {
            return depth > 0 ? open[depth - 1] : null;
        }

        /**
         * An upper bound on the length of {@link TextRenderer#render} of any part of the walked subtree, however
         * cleaned or sanitized (those only remove text or wrap it in blocks).
         */
        long renderBound() {
            return renderBound;
        }

        /**
         * An upper bound on the score {@link ArticleExtractor#relaxedContent} gives any element of the walked subtree
         * when the same page is parsed again: the largest sum, over an element's text-block children, of a bound on
         * their {@code text()} length less a floor on their links' (the relaxed pick only removes parts, and scores
         * no more than that text less the links', nothing for a block whose links are half its text). The parts
         * marked with {@link #dropFromRelaxed} count for nothing: the relaxed pick removes them.
         */
        long relaxedScoreBound() {
            return relaxedScoreBound;
        }
    }

    /** The text's length with white space collapsed in the high 32 bits, its commas in the low 32, in one pass. */
    static long textFigures(String s) {
        Stats figures = new Stats();
        addFigures(s, figures, false);
        return ((long) figures.text << 32) | figures.commas;
    }

    /** Whether {@code TextRenderer.collapsesToSpace} holds for a text, and whether it holds a no-break or zero-width space, as the figures' pass tells them. */
    static boolean[] textShape(String s) {
        int shape = addFigures(s, new Stats(), false);
        return new boolean[] {(shape & BLANK) != 0, (shape & NBSP_OR_ZERO_WIDTH) != 0};
    }

    /** {@link #addFigures} tells of a text that {@code TextRenderer.collapsesToSpace} holds for it. */
    private static final int BLANK = 1;
    /** {@link #addFigures} tells of a text that it holds a no-break or zero-width space. */
    private static final int NBSP_OR_ZERO_WIDTH = 2;
    /** {@link #addFigures} tells of a text that it holds white space other than HTML's and the no-break space. */
    private static final int OTHER_WHITE = 4;

    /**
     * Adds a text's figures to its element's: its length with white space collapsed (to the link text too when
     * {@code linked}), its commas, and whether it holds a digit; in one pass, which also tells
     * {@link #BLANK} and {@link #NBSP_OR_ZERO_WIDTH}.
     */
    static int addFigures(String s, Stats into, boolean linked) {
        // each character's class from one table for every char, so the loop has no branch at all (the mix of letters
        // and spaces in prose made the counts unpredictable, and a test for ASCII first cost a quarter of the loop)
        int len = 0;
        int commas = 0;
        int space = FIG_WHITE; // a run of white space has begun (or the text has not)
        int seen = 0;
        byte[] classes = FIGURES;
        for (int i = 0, n = s.length(); i < n; i++) {
            int t = classes[s.charAt(i)];
            len += ~(t & space) & 1; // white space after white space adds nothing, anything else one
            space = t & FIG_WHITE;
            seen |= t;
            commas += (t >> 1) & 1; // FIG_COMMA
        }
        int collapsed = space != 0 && len > 0 ? len - 1 : len;
        into.text += collapsed;
        if (linked) {
            into.link += collapsed;
        }
        into.commas += commas;
        into.digit |= (seen & FIG_DIGIT) != 0;
        return ((seen & FIG_NOT_BLANK) == 0 ? BLANK : 0) | ((seen & FIG_NBSP_OR_ZERO_WIDTH) != 0 ? NBSP_OR_ZERO_WIDTH : 0)
                | ((seen & FIG_OTHER_WHITE) != 0 ? OTHER_WHITE : 0);
    }

    /** A character's class for {@link #addFigures}: collapsed as white space, a comma, a digit, and so on. */
    private static final int FIG_WHITE = 1;
    private static final int FIG_COMMA = 2;
    private static final int FIG_DIGIT = 4;
    /** Not HTML white space nor one passed over as blank ({@code TextRenderer.collapsesToSpace} fails for it). */
    private static final int FIG_NOT_BLANK = 8;
    private static final int FIG_NBSP_OR_ZERO_WIDTH = 16;
    /** White space the figures collapse and {@code text()} keeps (neither HTML's nor the no-break space). */
    private static final int FIG_OTHER_WHITE = 32;
    /** The {@link #figureClass} of every char (64 KB, of which prose touches a few cache lines). */
    private static final byte[] FIGURES = new byte[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            FIGURES[c] = (byte) figureClass((char) c);
        }
    }

    /** The class of one character (see {@link #FIG_WHITE}), with the plain lookups. */
    private static int figureClass(char c) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            return FIG_WHITE; // HTML white space: collapsed, and what collapsesToSpace passes over
        }
        if (c == '\u00A0') {
            return FIG_WHITE | FIG_NBSP_OR_ZERO_WIDTH; // collapsed as white space, passed over as blank
        }
        if (Character.isWhitespace(c)) {
            return FIG_WHITE | FIG_NOT_BLANK | FIG_OTHER_WHITE;
        }
        if (c == '\u200B') {
            return FIG_NBSP_OR_ZERO_WIDTH; // counted, but passed over by collapsesToSpace
        }
        int t = FIG_NOT_BLANK;
        if (c == ',' || c == ';' || c == '，' || c == '、') {
            t |= FIG_COMMA;
        }
        if (Character.isDigit(c)) {
            t |= FIG_DIGIT;
        }
        return t;
    }

    // ---------------------------------------------------------------- junk removal

    /**
     * Takes a removed element's figures out of its ancestors' statistics (a paragraph that falls under the long
     * paragraph length stops counting as one), so the statistics stay those of the page without it. Call it before
     * removing the element; an element no longer in the page is ignored.
     */
    static void subtract(Map<Element, Stats> stats, Element removed, Element root) {
        subtract(stats, removed, removed.parent(), root);
    }

    /** As {@link #subtract(Map, Element, Element)} for an element already removed from {@code formerParent}. */
    static void subtract(Map<Element, Stats> stats, Element removed, Element formerParent, Element root) {
        // an element already taken out is looked for among its former parent's children, having no parent of its own
        Stats s = stats instanceof StatsMap walked && removed.parent() == null ? walked.formerChild(formerParent, removed)
                : stats.get(removed);
        if (s == null) {
            return;
        }
        boolean inRoot = false;
        for (Element p = formerParent; p != null; p = p.parent()) {
            if (p == root) {
                inRoot = true;
                break;
            }
        }
        if (!inRoot) {
            return;
        }
        int text = s.text;
        int link = s.link;
        int longParagraphs = s.longParagraphs;
        int commas = s.commas;
        int links = s.links;
        for (Element p = formerParent; p != null; p = p.parent()) {
            Stats ps = stats.get(p);
            if (ps == null) {
                break;
            }
            boolean paragraph = p.normalName().equals("p");
            boolean wasLong = paragraph && isLongParagraph(ps);
            ps.text -= text;
            ps.link -= link;
            ps.longParagraphs -= longParagraphs;
            ps.commas -= commas;
            ps.links -= links;
            if (wasLong && !isLongParagraph(ps)) {
                ps.longParagraphs--;
                longParagraphs++;
            }
            if (p == root) {
                break;
            }
        }
    }

    private static boolean isLongParagraph(Stats s) {
        return s.text >= 100 && s.link * 2 < s.text;
    }

    /**
     * Removes what is never content: scripts, forms, hidden elements, page furniture, boilerplate-classed blocks; a
     * boilerplate-classed element around the page's {@code headline} (a layout wrapper named after the sidebar beside
     * it, "content-with-sidebar-right") is not removed. {@code stats} are the body's current statistics, kept up to
     * date. Without a walk of the page: over the body's elements as the page index listed them ({@code listed}, the body first; their statistics in {@code stats} and, in page order,
     * {@code ordered}; their names in {@code names}), the page changed since only by removing or unwrapping some
     * of them. Returns the body's elements left, in page order (what {@code body.getAllElements()} gives).
     */
    static List<Element> removeJunk(Document doc, Map<Element, Stats> stats, Element headline, List<Element> listed,
                                    List<Stats> ordered, ClassIds names) {
        return removeJunk(doc, stats, headline, listed, ordered, names, PageChanges.UNLOGGED);
    }

    /**
     * As {@link #removeJunk(Document, Map, Element, List, List, ClassIds)}, each removal made through {@code changes}.
     */
    static List<Element> removeJunk(Document doc, Map<Element, Stats> stats, Element headline, List<Element> listed,
                                    List<Stats> ordered, ClassIds names, PageChanges changes) {
        Element body = doc.body();
        if (listed.isEmpty() || listed.get(0) != body || ordered.size() != listed.size() || !names.describe(listed)) {
            throw new IllegalArgumentException("not the body's listed elements");
        }
        Set<Element> aroundHeadline = VisibleDates.headlineAndAncestors(headline);
        List<Element> remove = new ArrayList<>();
        // the positions of the elements a class or id may mark as boilerplate, judged once the junk is out
        int[] classed = new int[64];
        int classedCount = 0;
        for (int i = 1, n = listed.size(); i < n; ) {
            Element el = listed.get(i);
            int next = nextListed(el, ordered.get(i), i);
            if (next != i) {
                i = next; // no longer in the page
                continue;
            }
            String tag = el.normalName();
            if (isJunk(el, tag)) {
                remove.add(el);
                i = ordered.get(i).end + 1; // not descended into
                continue;
            }
            // the names first: nearly every element without a class or id is ruled out without counting attributes
            if (!tag.equals("a") && !tag.equals("main") && !(names.className(i).isEmpty() && names.id(i).isEmpty())
                    && el.attributesSize() > 0) {
                if (classedCount == classed.length) {
                    classed = java.util.Arrays.copyOf(classed, classedCount * 2);
                }
                classed[classedCount++] = i;
            }
            i++;
        }
        removeAll(body, stats, remove, changes);

        Stats whole = stats.get(body);
        int docLong = whole.longParagraphs;
        int docProse = whole.text - whole.link;
        // an element inside a part taken out for its class goes with it: its own class need not be judged (its
        // figures are no ancestor's, and no later element is its ancestor, so the others' verdicts stay)
        int outUntil = -1;
        for (int k = 0; k < classedCount; k++) {
            int i = classed[k];
            if (i <= outUntil) {
                continue;
            }
            Element el = listed.get(i);
            if (names.isNegative(i) && !"articleBody".equals(el.attr("itemprop"))
                    && !isWrapper(el, stats.get(el), aroundHeadline, docLong, docProse)) {
                if (el.parent() != null) {
                    subtract(stats, el, body);
                    changes.remove(el);
                }
                outUntil = ordered.get(i).end;
            }
        }
        List<Element> left = new ArrayList<>(listed.size());
        for (int i = 0, n = listed.size(); i < n; ) {
            Element el = listed.get(i);
            int next = i == 0 ? i : nextListed(el, ordered.get(i), i);
            if (next == i) {
                left.add(el);
                next++;
            }
            i = next;
        }
        return left;
    }

    /**
     * Where a walk of listed elements goes on from {@code el} at {@code i} when it was taken out of the page since it
     * was listed: past its part when it was removed, past itself alone when it was unwrapped (it has no children
     * left, they stayed in the page); {@code i} when it is still in the page (its listed ancestors are: the walk
     * skipped the parts of those taken out).
     */
    private static int nextListed(Element el, Stats s, int i) {
        if (el.parent() != null) {
            return i;
        }
        return el.childNodeSize() == 0 ? i + 1 : s.end + 1;
    }

    /** Whether removeJunk takes out an element (and all inside it) for its tag or attributes, before class hints. */
    static boolean isJunk(Element el, String tag) {
        if (REMOVE_ALWAYS.contains(tag) || tag.indexOf(':') >= 0) {
            return true;
        }
        if (el.attributesSize() > 0 && hasJunkAttribute(el, tag)) {
            return true;
        }
        // some CMSs wrap the whole page in a form: only small forms (search, newsletter) go
        return tag.equals("form") && el.text().length() < 400;
    }

    /**
     * Whether the element is hidden (hidden, aria-hidden="true" but for an img, a display:none or visibility:hidden
     * style) or has a role of page furniture: each name looked up in the element's few keys as {@code attr} and
     * {@code hasAttr} look (ignoring case, the first of a name counting), with no iterator and no Attribute object for
     * every attribute of every element.
     */
    private static boolean hasJunkAttribute(Element el, String tag) {
        org.jsoup.nodes.Attributes a = el.attributes();
        if (a.hasKeyIgnoreCase("hidden")) {
            return true;
        }
        if (!tag.equals("img") && "true".equalsIgnoreCase(a.getIgnoreCase("aria-hidden"))) {
            return true;
        }
        String role = a.getIgnoreCase("role");
        if (!role.isEmpty() && REMOVE_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
            return true;
        }
        String style = a.getIgnoreCase("style");
        return !style.isEmpty() && isHiddenByStyle(style);
    }

    /**
     * Takes the junk out of the page ({@code remove}, in page order, none inside another), keeping {@code stats} up to
     * date, through {@code changes}.
     */
    static void removeAll(Element body, Map<Element, Stats> stats, List<Element> remove, PageChanges changes) {
        for (Element el : remove) {
            subtract(stats, el, body);
            changes.remove(el);
        }
    }

    /**
     * Whether a boilerplate-classed element is a layout wrapper ("page-with-sidebar") around the headline or holding
     * most of the article ({@code docLong} long paragraphs, {@code docProse} characters of unlinked text in the body).
     */
    static boolean isWrapper(Element el, Stats s, Set<Element> aroundHeadline, int docLong, int docProse) {
        return aroundHeadline.contains(el) || s != null && (s.longParagraphs >= 3 && s.longParagraphs * 10 >= docLong * 6
                || s.text - s.link >= 500 && (s.text - s.link) * 2 >= docProse && s.linkDensity() < 0.3);
    }

    private static boolean isHiddenByStyle(String style) {
        String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return s.contains("display:none") || s.contains("visibility:hidden");
    }

    private static void removeOutermost(List<Element> elements, PageChanges changes) {
        for (Element el : elements) {
            changes.remove(el); // nothing when it went with a part taken out before
        }
    }

    // ---------------------------------------------------------------- scoring

    /**
     * The element holding the article: the best-scored candidate merged with its good siblings, given the body's
     * statistics as they are now and the body's elements in page order ({@code body.getAllElements()})
     * and, when {@code stats} come from the page index, the classes and ids of the index's body elements
     * ({@code names}, by the statistics' order; else null).
     */
    static Element mainContent(Document doc, Map<Element, Stats> stats, List<Element> bodyElements, ClassIds names) {
        return mainContent(doc, stats, bodyElements, names, PageChanges.UNLOGGED);
    }

    /**
     * As {@link #mainContent(Document, Map, List, ClassIds)}, the siblings that join the best block moved through
     * {@code changes}.
     */
    static Element mainContent(Document doc, Map<Element, Stats> stats, List<Element> bodyElements, ClassIds names,
                               PageChanges changes) {
        Element body = doc.body();
        Map<Element, double[]> scores = new IdentityHashMap<>();
        List<Element> candidates = new ArrayList<>();
        Map<String, Integer> weights = new HashMap<>();
        for (Element el : bodyElements) {
            String tag = el.normalName();
            boolean block = tag.equals("div") || tag.equals("section");
            if (!block && !tag.equals("p") && !tag.equals("pre") && !tag.equals("td")) {
                continue;
            }
            // the figures first: they rule out most blocks before their children are looked at
            Stats s = stats.get(el);
            if (s == null || s.text < 25 || block && (hasBlockChildren(el) || !hasOwnText(el))) {
                continue;
            }
            double score = 1 + s.commas + Math.min(s.text / 100.0, 3.0);
            Element ancestor = el.parent();
            for (int level = 0; ancestor != null && level < 5; level++, ancestor = ancestor.parent()) {
                if (ancestor.normalName().equals("html")) {
                    break;
                }
                double[] sc = scores.get(ancestor);
                if (sc == null) {
                    Stats as = names == null ? null : stats.get(ancestor);
                    sc = new double[] {initialScore(ancestor, as == null ? weights.computeIfAbsent(Hints.classAndId(ancestor), Hints::classWeight)
                            : names.classWeight(as.order))};
                    scores.put(ancestor, sc);
                    candidates.add(ancestor);
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                sc[0] += score / divider;
            }
        }
        Element top = null;
        double topScore = 0;
        for (Element c : candidates) {
            Stats s = stats.get(c);
            double[] sc = scores.get(c);
            sc[0] = sc[0] * (1 - (s == null ? 0 : s.linkDensity()));
            if (top == null || sc[0] > topScore) {
                top = c;
                topScore = sc[0];
            }
        }
        if (top == null) {
            return body;
        }
        // climb while the parent scores nearly as well (the article is split over sibling blocks)
        Element parent = top.parent();
        while (parent != null && parent != body && scores.containsKey(parent)
                && scores.get(parent)[0] >= topScore * 0.85 && top.normalName().equals("div") && parentHasPeers(parent, scores, topScore)) {
            top = parent;
            topScore = scores.get(parent)[0];
            parent = top.parent();
        }
        // the page marks its article body (schema.org itemprop=articleBody) around the pick: take all of it
        Element a = top.parent();
        for (int level = 0; a != null && a != body && level < 8; level++, a = a.parent()) {
            if ("articleBody".equals(a.attr("itemprop"))) {
                Stats s = stats.get(a);
                if (s != null && s.linkDensity() < 0.3) {
                    return a;
                }
                break;
            }
        }
        if (top == body || top.parent() == null) {
            return top;
        }
        // a wrapper holding only the pick is the same block: look for siblings one level up
        Element container = top;
        while (container.parent() != null && container.parent() != body && childElements(container.parent(), 1) == 1
                && !container.parent().normalName().equals("article")) {
            container = container.parent();
        }
        if (container != top && container.parent() != null && container.parent() != body) {
            Element up = container;
            double upScore = topScore;
            int siblingsWithText = 0;
            for (Element sib : up.parent().children()) {
                double[] sc = scores.get(sib);
                if (sib != up && sc != null && sc[0] >= Math.max(10, upScore * 0.2)) {
                    siblingsWithText++;
                }
            }
            if (siblingsWithText > 0) {
                scores.put(up, new double[] {upScore});
                top = up;
            }
        }
        // merge good siblings
        double threshold = Math.max(10, topScore * 0.2);
        String topClass = top.className();
        List<Element> keep = new ArrayList<>();
        for (Element sib : top.parent().children()) {
            if (sib == top) {
                keep.add(sib);
                continue;
            }
            double bonus = !topClass.isEmpty() && topClass.equals(sib.className()) ? topScore * 0.2 : 0;
            double[] sc = scores.get(sib);
            Stats s = stats.get(sib);
            boolean append = sc != null && sc[0] + bonus >= threshold;
            if (!append && sib.normalName().equals("p") && s != null) {
                double ld = s.linkDensity();
                if (s.text > 80 && ld < 0.25) {
                    append = true;
                } else if (s.text > 0 && s.text <= 80 && ld == 0 && endsSentence(sib.text())) {
                    append = true;
                }
            }
            if (append) {
                keep.add(sib);
            }
        }
        if (keep.size() == 1) {
            return top;
        }
        // made only when siblings join (making an element looks its tag up)
        Element merged = new Element("div");
        for (Element k : keep) {
            changes.moveTo(merged, k);
        }
        return merged;
    }

    private static boolean parentHasPeers(Element parent, Map<Element, double[]> scores, double topScore) {
        int peers = 0;
        for (Element child : parent.children()) {
            double[] sc = scores.get(child);
            if (sc != null && sc[0] >= topScore * 0.3) {
                peers++;
            }
        }
        return peers >= 2;
    }

    private static boolean endsSentence(String text) {
        String t = text.trim();
        return !t.isEmpty() && ".!?:".indexOf(t.charAt(t.length() - 1)) >= 0;
    }

    private static boolean hasBlockChildren(Element el) {
        for (Element c = el.firstElementChild(); c != null; c = c.nextElementSibling()) {
            if (BLOCK_CHILDREN.contains(c.normalName())) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of the element's own text nodes (not its children's) holds more than white space. */
    private static boolean hasOwnText(Element el) {
        for (int i = 0, n = el.childNodeSize(); i < n; i++) {
            if (el.childNode(i) instanceof TextNode t && !t.isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** The element's starting score, given the class weight of its class and id ({@link Hints#classWeight}). */
    private static double initialScore(Element el, int classWeight) {
        double score = switch (el.normalName()) {
            case "div", "article", "main" -> 5;
            case "pre", "td", "blockquote", "section" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        if ("articleBody".equals(el.attr("itemprop"))) {
            score += 30;
        }
        return score + classWeight;
    }

    // ---------------------------------------------------------------- cleaning inside the content

    /** Removes boilerplate that sits inside the chosen content. */
    static void clean(Element content, String title, String pageUrl) {
        clean(content, title, pageUrl, null);
    }

    /**
     * As {@link #clean(Element, String, String)}, given the page's statistics kept up to date so far ({@code known},
     * or null): used when they cover every element of the content, instead of walking it again.
     */
    static void clean(Element content, String title, String pageUrl, Map<Element, Stats> known) {
        clean(content, title, pageUrl, known, PageChanges.UNLOGGED);
    }

    /** As {@link #clean(Element, String, String, Map)}, each removal made through {@code changes}. */
    static void clean(Element content, String title, String pageUrl, Map<Element, Stats> known, PageChanges changes) {
        String normTitle = normalize(title);
        // the elements in page order, as getAllElements lists them, without its query machinery
        List<Element> all = new ArrayList<>();
        for (Element e = content; e != null; e = nextInside(e, content)) {
            all.add(e);
        }
        Map<Element, Stats> stats = known != null && coversAll(known, all, content) ? known : stats(content);
        List<Element> remove = new ArrayList<>();
        Places places = new Places(pageUrl);
        for (Element el : all) {
            if (el == content) {
                continue;
            }
            String tag = el.normalName();
            Stats s = stats.get(el);
            if (s == null) {
                continue;
            }
            switch (tag) {
                case "img" -> {
                    if (isTrackingPixel(el)) {
                        remove.add(el);
                    }
                }
                case "h1", "h2" -> {
                    String heading = normalize(el.text());
                    // the headline, also with a kicker or a date beside it
                    if (!normTitle.isEmpty() && (heading.equals(normTitle)
                            || normTitle.length() >= 20 && heading.contains(normTitle) && heading.length() <= normTitle.length() + 30)) {
                        remove.add(el);
                    }
                }
                default -> {
                    if (s.text == 0) {
                        continue;
                    }
                    if ((tag.equals("ul") || tag.equals("ol")) && s.longParagraphs == 0 && s.link * 10 >= s.text * 9
                            && isTeaserList(el, stats, places)) {
                        remove.add(el);
                        continue;
                    }
                    // the text is read only for a check it can pass: a short block's checks (none has a long paragraph
                    // inside, all are blockish or small; above 200 characters only the inline teaser's is left, and it
                    // needs a link) or, for any other element, an ad label (the only check left; see mayBeAdLabel)
                    boolean blockish = isBlockish(tag);
                    String text = s.text <= 300 && (s.longParagraphs == 0 && (blockish || tag.equals("small"))
                            && (s.text <= 200 || s.links > 0) || mayBeAdLabel(el)) ? el.text().trim() : null;
                    if (text != null && isAdLabel(text)) {
                        remove.add(el);
                        Element parent = el.parent();
                        if (parent != null && parent != content && stats.get(parent) != null
                                && stats.get(parent).text - s.text < 25 && stats.get(parent).longParagraphs == 0) {
                            remove.add(parent);
                        }
                        continue;
                    }
                    // a figure's credit stays with its figure (kept as a credit); a stray credit line goes
                    if (text != null && s.text <= 80 && s.longParagraphs == 0 && (blockish || tag.equals("small"))
                            && !tag.equals("figure") && !inFigure(el) && isCreditLine(text)) {
                        remove.add(el);
                        continue;
                    }
                    if (blockish && text != null && s.text < 200 && isShareLabel(text)
                            && s.longParagraphs == 0) {
                        remove.add(el);
                        continue;
                    }
                    if (blockish && text != null && s.text <= 200 && s.longParagraphs == 0
                            && (mayCallToAction(text) && CALL_TO_ACTION.matcher(text).find() || isFiledUnder(text))) {
                        remove.add(el);
                        continue;
                    }
                    if (blockish && s.text < 300 && s.links >= 2 && isShareBlock(el)) {
                        remove.add(el);
                        continue;
                    }
                    if (text != null && isInlineTeaser(el, tag, s, text, places)) {
                        remove.add(el);
                        continue;
                    }
                }
            }
        }
        removeOutermost(remove, changes);
    }

    /**
     * Whether the element's text may be one of {@link #AD_LABELS} once trimmed, stripped of punctuation
     * ({@link #stripPunct}) and lower-cased; false only when it cannot. Read from its text nodes (those of
     * {@code text()}, which drops no letter or digit) up to the first letter or digit past the longest label: a label
     * holds all the letters and digits of the text, as many once lower-cased, and starts and ends with its first and
     * last; an ASCII one must start or end a label of that many (lower-cased), any other passes (it may lower-case to
     * anything).
     */
    static boolean mayBeAdLabel(Element el) {
        int letters = 0;
        char first = 0;
        char last = 0;
        for (Node node = el; node != null; node = nextNode(node, el)) {
            if (node instanceof TextNode t) {
                String s = t.getWholeText();
                for (int i = 0, n = s.length(); i < n; i++) {
                    char c = s.charAt(i);
                    if (c < 128 ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' : Character.isLetterOrDigit(c)) {
                        if (++letters > LONGEST_LABEL) {
                            return false;
                        }
                        first = letters == 1 ? c : first;
                        last = c;
                    }
                }
            }
        }
        return letters > 0 && mayEdgeLabel(AD_LABEL_FIRSTS[letters], first) && mayEdgeLabel(AD_LABEL_LASTS[letters], last);
    }

    /** Whether a trimmed text is one of {@link #AD_LABELS}, its punctuation around stripped, in any case. */
    static boolean isAdLabel(String text) {
        String label = stripPunct(text);
        return label.length() <= LONGEST_LABEL && AD_LABELS.contains(label.toLowerCase(Locale.ROOT));
    }

    /** Whether a letter or digit is (lower-cased) in a set of {@link #AD_LABEL_FIRSTS} or {@link #AD_LABEL_LASTS}. */
    private static boolean mayEdgeLabel(long[] ascii, char c) {
        if (c >= 128) {
            return true;
        }
        char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        return (ascii[lower >> 6] & 1L << lower) != 0;
    }

    /**
     * The node after {@code node} in page order inside {@code root} ({@code node} being root or inside it), or null
     * after the last: a walk of the text nodes that stops where its reader has seen enough.
     */
    static Node nextNode(Node node, Node root) {
        if (node.childNodeSize() > 0) {
            return node.childNode(0);
        }
        for (Node n = node; n != root; n = n.parentNode()) {
            Node next = n.nextSibling();
            if (next != null) {
                return next;
            }
        }
        return null;
    }

    /** Whether an ancestor of the element is a figure (what {@code closest("figure")} tells of a non-figure), without a query. */
    private static boolean inFigure(Element el) {
        for (Element p = el.parent(); p != null; p = p.parent()) {
            if (p.normalName().equals("figure")) {
                return true;
            }
        }
        return false;
    }

    private static boolean coversAll(Map<Element, Stats> stats, List<Element> elements, Element except) {
        for (Element el : elements) {
            if (el != except && !stats.containsKey(el)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlockish(String tag) {
        return tag.equals("div") || tag.equals("section") || tag.equals("ul") || tag.equals("ol") || tag.equals("p")
                || tag.equals("span") || tag.equals("aside") || tag.equals("figure");
    }

    private static boolean isShareBlock(Element el) {
        List<Element> links = el.getElementsByTag("a");
        if (links.size() < 2) {
            return false;
        }
        int share = 0;
        for (Element a : links) {
            String href = a.attr("href").toLowerCase(Locale.ROOT);
            for (String s : SHARE_URLS) {
                if (href.contains(s)) {
                    share++;
                    break;
                }
            }
        }
        return share * 2 > links.size();
    }

    /** A small block that is mostly a link to another article of the same site ("Read also: ..."). */
    private static boolean isInlineTeaser(Element el, String tag, Stats s, String text, Places places) {
        boolean block = tag.equals("div") || tag.equals("section") || tag.equals("aside") || tag.equals("p")
                || tag.equals("figure");
        if (!block || s.longParagraphs > 0) {
            return false;
        }
        Element link = s.links == 0 ? null : firstLink(el);
        if (link == null) {
            return false;
        }
        boolean readAlso = s.text < 300 && isReadAlso(text);
        if (readAlso) {
            return true;
        }
        double ld = s.linkDensity();
        int limit = tag.equals("p") ? 160 : 250;
        if (s.text >= limit || ld < (tag.equals("p") ? 0.8 : 0.6)) {
            return false;
        }
        // a headline-like link text: a few words at least (asked first: it rules out most blocks, and resolving the
        // link is dearer)
        if (wordCount(link.text()) < 4 && firstWithTag(el, "img") == null) {
            return false;
        }
        places.resolve(link);
        String linkHost = places.linkHost;
        String host = places.pageHost();
        boolean internal = linkHost == null || host == null || linkHost.equals(host);
        if (!internal) {
            return false;
        }
        String linkPath = places.linkPath;
        return !(linkPath == null || linkPath.equals(places.pagePath()) || linkPath.equals("/") || linkPath.isEmpty());
    }

    /**
     * The host and path ({@link #host(URI)}, {@link #path(URI)}) of the page, read at the first question (most pages
     * hold no teaser that gets that far), and of the link resolved last (its absolute href), kept for the next
     * question: nested blocks around one link (a div, its paragraph) ask of the same link in a row, and {@code clean}
     * changes no link while it asks.
     */
    private static final class Places {
        private final String pageUrl;
        private boolean pageRead;
        private String pageHost;
        private String pagePath;
        private Element link;
        String linkHost;
        String linkPath;

        Places(String pageUrl) {
            this.pageUrl = pageUrl;
        }

        String pageHost() {
            readPage();
            return pageHost;
        }

        String pagePath() {
            readPage();
            return pagePath;
        }

        private void readPage() {
            if (!pageRead) {
                URI page = parsed(pageUrl);
                pageHost = host(page);
                pagePath = path(page);
                pageRead = true;
            }
        }

        void resolve(Element a) {
            if (a == link) {
                return;
            }
            URI href = parsed(a.absUrl("href"));
            linkHost = host(href);
            linkPath = path(href);
            link = a;
        }
    }

    /** The first a element with an href inside {@code el} (what {@code selectFirst("a[href]")} gives), without a query. */
    static Element firstLink(Element el) {
        // depth first in page order, stopping at the first link (no list of every descendant is built)
        for (Element e = el; e != null; e = nextInside(e, el)) {
            if (e.normalName().equals("a") && e.hasAttr("href")) {
                return e;
            }
        }
        return null;
    }

    /** The first of {@code el} and the elements inside it with the tag, in page order (what {@code getElementsByTag} lists first), or null. */
    static Element firstWithTag(Element el, String tag) {
        return firstWithTag(el, tag, null);
    }

    /**
     * As {@link #firstWithTag(Element, String)}, of those with the attribute {@code attr} (when not null): what
     * {@code selectFirst("tag[attr]")} gives, without a query.
     */
    static Element firstWithTag(Element el, String tag, String attr) {
        for (Element e = el; e != null; e = nextInside(e, el)) {
            if (e.normalName().equals(tag) && (attr == null || e.hasAttr(attr))) {
                return e;
            }
        }
        return null;
    }

    /**
     * Whether {@code el} shows an image already resolved: it or an element inside it is an img with a src, and
     * neither it nor any element inside it is a noscript (whose copy would still stand for the image).
     */
    private static boolean showsResolvedImage(Element el) {
        boolean resolved = false;
        for (Element e = el; e != null; e = nextInside(e, el)) {
            String tag = e.normalName();
            if (tag.equals("noscript")) {
                return false;
            }
            resolved |= tag.equals("img") && e.hasAttr("src");
        }
        return resolved;
    }

    /** The element after {@code e} in page order inside {@code root} (e being root or inside it), or null after the last. */
    static Element nextInside(Element e, Element root) {
        Element next = e.firstElementChild();
        while (next == null && e != root) {
            next = e.nextElementSibling();
            if (next == null) {
                e = e.parent();
            }
        }
        return next;
    }

    /**
     * A list of links to other articles of the same site inside the article ("more on this"): every item is one
     * link whose text reads like a headline (four words or more, five on average), to another page of the site.
     */
    private static boolean isTeaserList(Element list, Map<Element, Stats> stats, Places places) {
        int items = 0;
        int words = 0;
        for (Element li : list.children()) {
            Stats s = stats.get(li);
            if (!li.normalName().equals("li") || s == null || s.text == 0 || s.links != 1) {
                return false;
            }
            List<Element> links = li.getElementsByTag("a");
            if (links.size() != 1 || s.link * 10 < s.text * 9) {
                return false;
            }
            Element a = links.get(0);
            // the words first: resolving the link is dearer
            int linkWords = wordCount(a.text());
            if (linkWords < 4) {
                return false;
            }
            places.resolve(a);
            String linkHost = places.linkHost;
            String linkPath = places.linkPath;
            String host = places.pageHost();
            if (linkHost == null || host == null || !linkHost.equals(host) || linkPath == null || linkPath.length() <= 1
                    || linkPath.equals(places.pagePath())) {
                return false;
            }
            items++;
            words += linkWords;
        }
        // headlines run to five words and more on average; short names ("Outline of the topic") are a wiki's see-also list
        return items > 0 && words >= 5 * items;
    }

    static boolean isTrackingPixel(Element img) {
        int w = intAttr(img, "width");
        int h = intAttr(img, "height");
        if ((w >= 0 && w <= 2 && (h < 0 || h <= 2)) || (h >= 0 && h <= 2 && w < 0)) {
            return true;
        }
        String src = img.attr("src").toLowerCase(Locale.ROOT);
        if (src.isEmpty()) {
            return false;
        }
        for (String t : TRACKER_HINTS) {
            if (src.contains(t)) {
                return true;
            }
        }
        return false;
    }

    private static int intAttr(Element el, String name) {
        String v = el.attr(name).trim();
        if (v.endsWith("px")) {
            v = v.substring(0, v.length() - 2);
        }
        if (v.isEmpty() || v.length() > 6) {
            return -1;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static int wordCount(String text) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // printable ASCII is never white space, the space always: the common cases without a table lookup
            boolean w = c > ' ' ? c < 127 || !Character.isWhitespace(c) : c != ' ' && !Character.isWhitespace(c);
            if (w && !in) {
                n++;
            }
            in = w;
        }
        return n;
    }

    /**
     * Whether {@code normalize(text)} contains {@code key}. Normalizing only appends as it reads, so the normalized
     * start of a text is the start of the normalized text: a key found there is found without normalizing the rest.
     */
    static boolean normalizedContains(String text, String key) {
        // most texts (on most pages the lead is not in the content) fail a scan for one word of the key, which builds
        // and lower-cases no copy of the text
        return mayHoldInnerWord(text, key) && normalizedHolds(text, key);
    }

    /** Whether {@code normalize(text)} contains {@code key}, normalizing the text's start first. */
    private static boolean normalizedHolds(String text, String key) {
        int head = Math.max(4096, key.length() * 4);
        if (text.length() > head && normalize(text.substring(0, head)).contains(key)) {
            return true;
        }
        return normalize(text).contains(key);
    }

    static String normalize(String s) {
        return normalize(s, Integer.MAX_VALUE);
    }

    /**
     * As {@link #normalizedContains(String, String)} of the element's {@code text()}, built only when the element's
     * text nodes may hold the key's longest inner word (see {@link #innerWord}): text() joins them, adding only white
     * space and dropping only the invisible zero-width space and soft hyphen, so each word of the text is a run of
     * their joined characters once those two are passed over.
     */
    static boolean normalizedContains(Element el, String key) {
        WordScan scan = WordScan.of(key);
        if (scan != null) {
            boolean held = false;
            for (Node node = el; node != null && !held; node = nextNode(node, el)) {
                if (node instanceof TextNode t) {
                    String s = t.getWholeText();
                    for (int i = 0, n = s.length(); i < n && !held; i++) {
                        char c = s.charAt(i);
                        held = c != '\u200B' && c != '\u00AD' && scan.ends(c);
                    }
                }
            }
            if (!held) {
                return false;
            }
        }
        // the scan has passed (or there is no inner word to scan for): the text is not scanned again
        return normalizedHolds(el.text(), key);
    }

    /**
     * False only when {@code normalize(text)} cannot contain {@code key} (a normalized text): see {@link WordScan}.
     */
    private static boolean mayHoldInnerWord(String text, String key) {
        WordScan scan = WordScan.of(key);
        if (scan == null) {
            return true;
        }
        for (int i = 0, n = text.length(); i < n; i++) {
            if (scan.ends(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A search, character by character, for the longest word of a normalized key that has a word before and after it:
     * it is a whole run of letters and digits of any normalized text holding the key, so such a text's source holds
     * it with each character lower-cased as {@link #normalize} lower-cases it (Knuth-Morris-Pratt, so that the
     * characters may come in pieces).
     */
    private static final class WordScan {
        private final String word;
        private final int[] fallback;
        private int matched;

        private WordScan(String word) {
            this.word = word;
            fallback = new int[word.length()];
            for (int i = 1, k = 0; i < word.length(); i++) {
                while (k > 0 && word.charAt(i) != word.charAt(k)) {
                    k = fallback[k - 1];
                }
                if (word.charAt(i) == word.charAt(k)) {
                    k++;
                }
                fallback[i] = k;
            }
        }

        /** The search for the key's longest inner word, or null when it has none. */
        static WordScan of(String key) {
            int first = key.indexOf(' ');
            int last = key.lastIndexOf(' ');
            int start = 0;
            int end = 0;
            for (int from = first + 1; first >= 0 && from <= last; ) {
                int to = key.indexOf(' ', from);
                if (to - from > end - start) {
                    start = from;
                    end = to;
                }
                from = to + 1;
            }
            return end == start ? null : new WordScan(key.substring(start, end));
        }

        /** Reads the next character; whether the word ends with it. */
        boolean ends(char c) {
            char lower = lowerCased(c);
            while (matched > 0 && word.charAt(matched) != lower) {
                matched = fallback[matched - 1];
            }
            if (word.charAt(matched) == lower) {
                matched++;
            }
            if (matched == word.length()) {
                matched = fallback[matched - 1];
                return true;
            }
            return false;
        }
    }

    /** A character lower-cased as {@link #normalize} lower-cases a letter or digit. */
    private static char lowerCased(char c) {
        return c < 128 ? c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c : Character.toLowerCase(c);
    }

    /**
     * The start of {@link #normalize(String)}: read no further than needed for {@code atLeast} characters, it is the
     * whole normalized text when shorter, else a start of it at least that long (normalizing only appends as it reads).
     */
    static String normalize(String s, int atLeast) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), atLeast == Integer.MAX_VALUE ? s.length() : atLeast + 2));
        boolean space = false;
        for (int i = 0; i < s.length() && sb.length() < atLeast; i++) {
            char c = s.charAt(i);
            // ASCII without the table lookups: its letters and digits are the ranges below, and only A-Z change case
            boolean ascii = c < 128;
            if (ascii ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' : Character.isLetterOrDigit(c)) {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = false;
                sb.append(ascii ? c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c : Character.toLowerCase(c));
            } else {
                space = true;
            }
        }
        return sb.toString();
    }

    private static String stripPunct(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && !Character.isLetterOrDigit(s.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    static String host(String url) {
        return host(parsed(url));
    }

    private static String path(String url) {
        return path(parsed(url));
    }

    /** The URL parsed once for {@link #host(URI)} and {@link #path(URI)}; null when blank or not a URI. */
    private static URI parsed(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            return URI.create(url.trim().replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The lower-cased host of a parsed URL without "www.", or null. */
    private static String host(URI uri) {
        String h = uri == null ? null : uri.getHost();
        if (h == null) {
            return null;
        }
        h = h.toLowerCase(Locale.ROOT);
        return h.startsWith("www.") ? h.substring(4) : h;
    }

    /** The path of a parsed URL without a trailing slash (the root path kept), or null. */
    private static String path(URI uri) {
        String p = uri == null ? null : uri.getPath();
        if (p == null) {
            return null;
        }
        return p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p;
    }
}
