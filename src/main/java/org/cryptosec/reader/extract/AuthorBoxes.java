package org.cryptosec.reader.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds "About the author" boxes and reads the author's name, bio, avatar and page link from them. */
final class AuthorBoxes {

    record Box(Element element, String name, String bio, String avatarUrl, String url) {
    }

    static final Pattern BOX_CLASS = Pattern.compile(
            "author[-_]?(box|bio|info|card|about|description|details|profile|wrap|block|section|widget)"
                    + "|about[-_]?(the[-_]?)?author|saboxplugin|abh_box|post[-_]?author|entry[-_]?author[-_]?(box|bio|info)"
                    + "|auteur[-_]?(box|bio|info)|autor[-_]?(box|bio|info)|autoren[-_]?box|writer[-_]?(bio|info|box)"
                    + "|td-author-box|ts-author|molongui|m-a-box|wp-block-post-author|author-header");

    static final Pattern LABEL = Pattern.compile(
            "^(about the (author|writer)|about author|written by|over de (auteur|schrijver|redacteur)|over deze auteur"
                    + "|auteur|author|über (den|die) autor(in|en)?|zum autor|zur autorin|à propos de l'auteur|a propos de l'auteur"
                    + "|l'auteur|sobre (el|la) autora?|sobre o autor|sull'autore|l'autore)\\s*:?$", Pattern.CASE_INSENSITIVE);

    /** The shortest {@link #LABEL} ("author") and the longest ("a propos de l'auteur" with a space and a colon), with a margin. */
    private static final int LABEL_MIN_CHARS = 6;
    private static final int LABEL_MAX_CHARS = 24;

    private static final Pattern PAGE_LINK = Pattern.compile("/(author|authors|auteur|auteurs|autor|autoren|autore|writer|people|team|profile|profiel)/",
            Pattern.CASE_INSENSITIVE);

    private static final org.jsoup.select.Evaluator AUTHOR_LINK = PageIndex.query("a[rel~=(?i)author]");
    private static final org.jsoup.select.Evaluator LINK = PageIndex.query("a[href]");
    private static final org.jsoup.select.Evaluator NAME_CANDIDATES = PageIndex.query(
            "[class*=name], [itemprop=name], h2, h3, h4, h5, strong");
    private static final org.jsoup.select.Evaluator IMG_WITH_ALT = PageIndex.query("img[alt]");
    private static final org.jsoup.select.Evaluator BIO_CANDIDATES = PageIndex.query(
            "p, [class*=bio], [class*=description], [class*=desc], [itemprop=description], [class*=text]");

    private AuthorBoxes() {
    }

    static List<Box> find(Document doc, Map<Element, ContentExtractor.Stats> stats) {
        List<Element> all = doc.body().getAllElements();
        return find(all, stats, ClassIds.of(all));
    }

    /** As {@link #find(Document, Map)}, given the body and its elements in page order and their lower-cased classes and ids. */
    static List<Box> find(List<Element> all, Map<Element, ContentExtractor.Stats> stats, ClassIds names) {
        return find(all, stats, names, null);
    }

    /**
     * As {@link #find(List, Map, ClassIds)}, given also the statistics of {@code all} by position ({@code byPosition}:
     * the objects {@code stats} maps them to, or null): a label's length is then read there before anything else.
     */
    static List<Box> find(List<Element> all, Map<Element, ContentExtractor.Stats> stats, ClassIds names,
                          List<ContentExtractor.Stats> byPosition) {
        List<Element> containers = new ArrayList<>();
        Element last = null;
        // no box word holds a space: the class and id joined name a box when one of them does
        // only the positions whose names hold an author word may name a box (mayNameAuthor covers mayNameABox)
        for (int i = names.nextAuthorNamed(0); i >= 0; i = names.nextAuthorNamed(i + 1)) {
            String cls = names.className(i);
            String id = names.id(i);
            boolean clsMay = mayNameABox(cls);
            boolean idMay = mayNameABox(id);
            if (!clsMay && !idMay) {
                continue; // class and id tested apart first (a match holds one of these words)
            }
            Element el = all.get(i);
            boolean box = clsMay && namesABox(cls) || idMay && namesABox(id);
            // the containers found so far precede the element and hold none of each other: only the last can hold it
            if (box && (last == null || !isAncestor(last, el))
                    && ArticleExtractor.shortText(stats, el, 3000) && plausibleBox(el)) {
                containers.add(el);
                last = el;
            }
        }
        // boxes announced by a heading or label
        for (int i = 0, n = all.size(); i < n; i++) {
            ContentExtractor.Stats figures;
            Element el;
            if (byPosition != null && stats != null) {
                // the length first: about two elements in three have more or less text than a label, and their tag is not read
                figures = byPosition.get(i);
                if (figures.text < LABEL_MIN_CHARS || figures.text > LABEL_MAX_CHARS) {
                    continue;
                }
                el = all.get(i);
                if (!isLabelTag(el.normalName())) {
                    continue;
                }
            } else {
                el = all.get(i);
                if (!isLabelTag(el.normalName())) {
                    continue;
                }
                // the statistics looked up once: with them, short text (<= 40) is implied by the label's length
                figures = stats == null ? null : stats.get(el);
            }
            if (figures == null ? !ArticleExtractor.shortText(null, el, 40)
                    : figures.text < LABEL_MIN_CHARS || figures.text > LABEL_MAX_CHARS) {
                continue; // a label has 6 to 22 characters; the summed text nodes never count more than text() shows
            }
            if (ContentExtractor.childElements(el, 2) > 2) {
                continue;
            }
            if (labelOpening(el) != MAY_OPEN) {
                continue; // no label starts so: the element's text is not built
            }
            String own = el.text();
            if (own.length() > 40 || !LABEL.matcher(own.trim()).matches()) {
                continue;
            }
            Element box = el.parent();
            for (int up = 0; up < 4 && box != null && !box.normalName().equals("body"); up++) {
                if (!ArticleExtractor.shortText(stats, box, own.length() + 59)) {
                    break;
                }
                box = box.parent();
            }
            if (box != null && !box.normalName().equals("body") && !insideAny(box, containers) && plausibleBox(box)
                    && hasProse(box)) {
                Element found = box;
                containers.removeIf(c -> found == c || isAncestor(found, c));
                containers.add(found);
            }
        }
        List<Box> boxes = new ArrayList<>();
        for (Element c : containers) {
            Box b = read(c);
            if (b.bio() != null || b.avatarUrl() != null) {
                boxes.add(b);
            }
        }
        return boxes;
    }

    /** The letters a {@link #LABEL} match starts with ("about", "written", "over", "über", "zum", "l'auteur", "sobre", "à"). */
    private static final String LABEL_FIRST_LETTERS = "aAwWoOüzZlLsSà";

    /**
     * The first two characters of each {@link #LABEL} alternative, lower-cased: "ab" (about), "wr" (written), "ov"
     * (over), "au" (auteur, author), "üb" (über), "zu" (zum, zur), "à " and "a " (à propos, a propos), "l'" (l'auteur,
     * l'autore), "so" (sobre), "su" (sull'autore).
     */
    private static final java.util.Set<String> LABEL_OPENINGS = java.util.Set.of("ab", "wr", "ov", "au", "üb", "zu", "à ", "a ",
            "l'", "so", "su");

    /** What {@link #labelOpening} tells: the text may open as a label, cannot, or the element has no text to tell by. */
    private static final int MAY_OPEN = 1;
    private static final int CANNOT_OPEN = 2;
    private static final int NO_TEXT = 0;

    /**
     * Whether the element's trimmed text may open as a {@link #LABEL} match does, found without building the text:
     * its first character after white space must open an alternative and, when the same text node holds the character
     * after it, the two must open one ({@link #LABEL_OPENINGS}; white space counts as the space the text makes of it).
     * When the next character is in another node, or one the text drops (a soft hyphen, a zero-width space), only the
     * first counts. A dropped character before the first letter is passed over as white space is ("&shy;About the
     * author" reads as its label).
     */
    private static int labelOpening(Element el) {
        for (int i = 0, n = el.childNodeSize(); i < n; i++) {
            org.jsoup.nodes.Node child = el.childNode(i);
            if (child instanceof org.jsoup.nodes.TextNode t) {
                String text = t.getWholeText();
                for (int k = 0; k < text.length(); k++) {
                    char ch = text.charAt(k);
                    if (!ArticleExtractor.alwaysShown(ch)) {
                        continue; // white space is trimmed, and the text drops a soft hyphen or zero-width space
                    }
                    if (LABEL_FIRST_LETTERS.indexOf(ch) < 0) {
                        return CANNOT_OPEN;
                    }
                    if (k + 1 == text.length()) {
                        return MAY_OPEN;
                    }
                    char next = text.charAt(k + 1);
                    if (next == '\u00AD' || next == '\u200B') {
                        return MAY_OPEN;
                    }
                    boolean white = next == ' ' || next == '\t' || next == '\n' || next == '\f' || next == '\r' || next == '\u00A0';
                    String pair = new String(new char[] {asciiLower(ch), white ? ' ' : asciiLower(next)});
                    return LABEL_OPENINGS.contains(pair) ? MAY_OPEN : CANNOT_OPEN;
                }
            } else if (child instanceof Element e) {
                int found = labelOpening(e);
                if (found != NO_TEXT) {
                    return found;
                }
            }
        }
        return NO_TEXT;
    }

    /** Whether the element's trimmed text may match {@link #LABEL} as far as {@link #labelOpening} can tell. */
    static boolean mayOpenLabel(Element el) {
        return labelOpening(el) == MAY_OPEN;
    }

    /** The character lower-cased as a case-blind regex without Unicode case matches it: ASCII letters only. */
    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /**
     * A cheap test every {@link #BOX_CLASS} match passes (each alternative contains one of these), run first. The
     * words with "aut" are looked for only after it: "auto" (a common layout class) names no box; so are those with "box".
     */
    static boolean mayNameABox(String classAndId) {
        return !classAndId.isEmpty() && (classAndId.contains("aut") && (classAndId.contains("author")
                || classAndId.contains("auteur") || classAndId.contains("autor")) || classAndId.contains("writer")
                || classAndId.contains("box") && (classAndId.contains("sabox") || classAndId.contains("abh_box")
                || classAndId.contains("m-a-box")) || classAndId.contains("molongui"));
    }

    /** The words after "author" (and a '-' or '_') that name a box ({@link #BOX_CLASS}'s first form). */
    private static final String[] AUTHOR_BOX_WORDS = {"box", "bio", "info", "card", "about", "description", "details",
        "profile", "wrap", "block", "section", "widget"};
    /** The words after "auteur", "autor" and "writer" (and a '-' or '_') that name a box. */
    private static final String[] BIO_INFO_BOX = {"box", "bio", "info"};
    private static final String[] BOX = {"box"};
    /** Box names {@link #BOX_CLASS} finds as they are (its other plain words lie inside the forms below). */
    private static final String[] BOX_NAMES = {"saboxplugin", "abh_box", "molongui", "m-a-box", "ts-author"};

    /**
     * What {@code BOX_CLASS.matcher(name).find()} tells, read from the places of its few stems ("author", "auteur",
     * "autor", "autoren", "writer") with plain string tests instead of the pattern's tries at every character: a box
     * word after a stem, "about" (with "the") or "post" before "author", or one of {@link #BOX_NAMES}.
     */
    static boolean namesABox(String name) {
        for (String plain : BOX_NAMES) {
            if (name.contains(plain)) {
                return true;
            }
        }
        for (int at = name.indexOf("author"); at >= 0; at = name.indexOf("author", at + 1)) {
            int end = at + "author".length();
            if (wordAfter(name, end, AUTHOR_BOX_WORDS) || name.startsWith("-header", end) || aboutBefore(name, at)
                    || endsAt(name, at, "post", true)) {
                return true;
            }
        }
        return stemBefore(name, "auteur", BIO_INFO_BOX) || stemBefore(name, "autor", BIO_INFO_BOX)
                || stemBefore(name, "autoren", BOX) || stemBefore(name, "writer", BIO_INFO_BOX);
    }

    /** Whether {@code stem} stands somewhere in the name with one of {@code words} after it (and a '-' or '_'). */
    private static boolean stemBefore(String name, String stem, String[] words) {
        for (int at = name.indexOf(stem); at >= 0; at = name.indexOf(stem, at + 1)) {
            if (wordAfter(name, at + stem.length(), words)) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of {@code words} starts at {@code from}, or after a '-' or '_' there. */
    private static boolean wordAfter(String name, int from, String[] words) {
        boolean separator = from < name.length() && isSeparator(name.charAt(from));
        for (String w : words) {
            if (name.startsWith(w, from) || separator && name.startsWith(w, from + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Whether "about", a '-' or '_' if any, then "the" and a '-' or '_' if any, or not, end just before {@code at}. */
    private static boolean aboutBefore(String name, int at) {
        if (endsAt(name, at, "about", true)) {
            return true;
        }
        // "the" ends at the stem, or one separator before it; "about" ends before "the", or one separator before that
        return endsAt(name, at, "the", false) && endsAt(name, at - 3, "about", true)
                || at > 0 && isSeparator(name.charAt(at - 1)) && endsAt(name, at - 1, "the", false)
                && endsAt(name, at - 4, "about", true);
    }

    /** Whether {@code word} ends just before {@code end} (or one '-' or '_' before it, when {@code orSeparated}). */
    private static boolean endsAt(String name, int end, String word, boolean orSeparated) {
        return name.startsWith(word, end - word.length())
                || orSeparated && end > 0 && isSeparator(name.charAt(end - 1)) && name.startsWith(word, end - 1 - word.length());
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '_';
    }

    /**
     * Whether a lower-cased class or id holds a word of an author box or byline: one that {@link #mayNameABox} or
     * {@code ArticleExtractor.bylineNamed} looks for ("author", "auteur", "autor", "writer", "byline", "verfasser",
     * "sabox", "abh_box", "m-a-box", "molongui"). Those tests are run only where this holds.
     */
    static boolean mayNameAuthor(String name) {
        return !name.isEmpty() && (mayNameABox(name) || name.contains("byline") || name.contains("verfasser"));
    }

    /**
     * The words {@link #mayNameAuthor} looks for: a name holds one of them exactly when it holds an author word (each of
     * {@link #mayNameABox}'s longer tests holds the short one it is behind, "aut" or "box").
     */
    static final String[] AUTHOR_WORDS = {"author", "auteur", "autor", "writer", "sabox", "abh_box", "m-a-box", "molongui",
        "byline", "verfasser"};

    private static boolean hasProse(Element box) {
        for (Element p : box.getElementsByTag("p")) {
            if (p.text().length() >= 60) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLabelTag(String tag) {
        return switch (tag) {
            case "h2", "h3", "h4", "h5", "h6", "p", "span", "div", "strong", "b", "header", "label", "dt", "em" -> true;
            default -> false;
        };
    }

    private static boolean plausibleBox(Element el) {
        String tag = el.normalName();
        if (tag.equals("body") || tag.equals("html") || tag.equals("a") || tag.equals("img")) {
            return false;
        }
        // the texts are built only when a bound on their length (read off the nodes without building them) passes the limit
        if (mayBeLongerThan(el, 3000) && el.text().length() > 3000) {
            return false;
        }
        int longParagraphs = 0;
        for (Element p : el.getElementsByTag("p")) {
            if (mayBeLongerThan(p, 200) && p.text().length() > 200) {
                longParagraphs++;
            }
        }
        return longParagraphs <= 2;
    }

    /**
     * Whether the element's {@code text()} may be longer than {@code max} characters: false when the sum of the
     * lengths of its text nodes, plus two for each element (text() adds at most a space before and after one), is at
     * most {@code max}. Normalising white space only shortens a text node, so that sum bounds the text.
     */
    static boolean mayBeLongerThan(Element el, int max) {
        long bound = 0;
        for (org.jsoup.nodes.Node node = el; node != null; node = ArticleExtractor.nextInWalk(node, el, true)) {
            if (node instanceof org.jsoup.nodes.TextNode t) {
                bound += t.getWholeText().length();
            } else if (node instanceof Element) {
                bound += 2;
            }
            if (bound > max) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideAny(Element el, List<Element> containers) {
        for (Element c : containers) {
            if (c == el || isAncestor(c, el)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAncestor(Element ancestor, Element el) {
        for (Element p = el.parent(); p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    static Box read(Element box) {
        String name = null;
        String url = null;
        Element link = box.selectFirst(AUTHOR_LINK);
        if (link == null) {
            for (Element a : box.select(LINK)) {
                if (PAGE_LINK.matcher(a.attr("href")).find() && Bylines.looksLikeName(a.text())) {
                    link = a;
                    break;
                }
            }
        }
        if (link != null) {
            url = ContentExtractor.absolute(link, link.attr("href"));
            if (Bylines.looksLikeName(link.text())) {
                name = Bylines.clean(link.text());
            }
        }
        if (name == null) {
            for (Element el : box.select(NAME_CANDIDATES)) {
                String t = el.text().trim();
                if (!LABEL.matcher(t).matches() && Bylines.looksLikeName(t)) {
                    name = Bylines.clean(t);
                    break;
                }
            }
        }
        String bio = bio(box, name);
        String avatar = null;
        for (Element img : box.getElementsByTag("img")) {
            String src = img.attr("src");
            if (!src.isBlank() && !ContentExtractor.isTrackingPixel(img)) {
                avatar = ContentExtractor.absolute(img, src);
                if (avatar != null) {
                    break;
                }
            }
        }
        if (name == null) {
            Element img = box.selectFirst(IMG_WITH_ALT);
            if (img != null && Bylines.looksLikeName(img.attr("alt"))) {
                name = Bylines.clean(img.attr("alt"));
            }
        }
        return new Box(box, name, bio, avatar, url);
    }

    /** The longest paragraph-like text of the box that is not the label or the name. */
    static String bio(Element box, String name) {
        String best = null;
        for (Element el : box.select(BIO_CANDIDATES)) {
            if (!el.normalName().equals("p") && !el.getElementsByTag("p").isEmpty()) {
                continue; // its paragraphs are candidates themselves
            }
            String t = TextRenderer.collapse(el.text()).trim();
            if (name != null && t.startsWith(name + " ") && t.length() > name.length() + 40) {
                t = t.substring(name.length()).trim();
            }
            if (t.length() >= 40 && (best == null || t.length() > best.length()) && !LABEL.matcher(t).matches()) {
                best = t;
            }
        }
        if (best == null) {
            // no paragraph: the box's own text without its label and the name
            String t = TextRenderer.collapse(box.text()).trim();
            for (Element el : box.getAllElements()) {
                String own = el.ownText().trim();
                if (!own.isEmpty() && LABEL.matcher(own).matches()) {
                    t = t.replace(own, "");
                }
            }
            if (name != null) {
                t = t.replace(name, "");
            }
            t = TextRenderer.collapse(t).trim();
            if (t.length() >= 40) {
                best = t;
            }
        }
        return best == null ? null : tidyBio(best);
    }

    private static String tidyBio(String bio) {
        String b = bio.trim();
        for (String tail : new String[] {"Lees meer", "Read more", "Weiterlesen", "Lire la suite", "Leer más",
            "Bekijk alle artikelen", "View all posts", "See all posts", "Alle Artikel"}) {
            // only an ASCII letter lower-cases to a tail's last letter: the bio is lower-cased only when it ends so
            char end = b.isEmpty() ? 0 : b.charAt(b.length() - 1);
            if ((end | 0x20) == (tail.charAt(tail.length() - 1) | 0x20) && end < 128
                    && b.toLowerCase(Locale.ROOT).endsWith(tail.toLowerCase(Locale.ROOT))) {
                b = b.substring(0, b.length() - tail.length()).trim();
            }
        }
        return b;
    }
}
