package org.cryptosec.reader.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Publication dates a page shows rather than declares: in its URL path, in elements marked as dates or
 * bylines, and as a last resort the first full date in the page's text outside navigation and footers.
 * Dates are days (taken as UTC midnight).
 */
final class VisibleDates {

    private static final Pattern URL_DATE = Pattern.compile(
            "(?<![0-9])((?:19|20)[0-9]{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12][0-9]|3[01])(?![0-9])");
    private static final Pattern URL_SLASHED_DATE = Pattern.compile(
            "/((?:19|20)[0-9]{2})/(0?[1-9]|1[0-2])/(0?[1-9]|[12][0-9]|3[01])(?:/|$)");

    private static final Map<String, Integer> MONTHS = new HashMap<>();

    static {
        String[][] names = {
            {"january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro", "januari", "stycznia", "styczeń"},
            {"february", "feb", "februar", "feber", "février", "févr", "fevrier", "febrero", "febbraio", "fevereiro", "februari", "lutego", "luty"},
            {"march", "mar", "märz", "maerz", "mars", "marzo", "março", "maart", "marca", "marzec"},
            {"april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień"},
            {"may", "mai", "mayo", "maggio", "maio", "mei", "maja", "maj"},
            {"june", "jun", "juni", "juin", "junio", "giugno", "junho", "czerwca", "czerwiec"},
            {"july", "jul", "juli", "juillet", "juil", "julio", "luglio", "julho", "lipca", "lipiec"},
            {"august", "aug", "août", "aout", "agosto", "ago", "augustus", "sierpnia", "sierpień"},
            {"september", "sep", "sept", "septembre", "septiembre", "settembre", "set", "setembro", "września", "wrzesień"},
            {"october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out", "października", "październik"},
            {"november", "nov", "novembre", "noviembre", "novembro", "listopada", "listopad"},
            {"december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre", "dezembro", "grudnia", "grudzień"},
        };
        for (int m = 0; m < names.length; m++) {
            for (String n : names[m]) {
                MONTHS.put(n, m + 1);
            }
        }
    }

    private static final String MONTH = "([\\p{L}]{3,12})\\.?";
    private static final Pattern ISO = Pattern.compile("(?<![0-9])((?:19|20)[0-9]{2})-(0?[1-9]|1[0-2])-(0?[1-9]|[12][0-9]|3[01])(?![0-9])");
    /** Year first: 2020/07/03, 2020.07.03, 2020年7月3日, 2020년 7월 3일. */
    private static final Pattern YEAR_FIRST = Pattern.compile(
            "(?<![0-9])((?:19|20)[0-9]{2})(?:[./]|年|년\\s?)([01]?[0-9])(?:[./]|月|월\\s?)([0-3]?[0-9])(?:日|일)?(?![0-9])");
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![0-9.])([0-3]?[0-9])[./][\\s\\u00A0\\u2009\\u202F]?([01]?[0-9])[./][\\s\\u00A0\\u2009\\u202F]?((?:19|20)[0-9]{2})(?![0-9])");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?<![0-9])([0-3]?[0-9])(?:\\.\\s*|(?:st|nd|rd|th)?\\s+)(?:de\\s+)?" + MONTH + "(?:\\s*,\\s*|\\s+(?:de\\s+)?)((?:19|20)[0-9]{2})(?![0-9])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?<![\\p{L}])" + MONTH + "\\s+([0-3]?[0-9])(?:st|nd|rd|th)?,?\\s+((?:19|20)[0-9]{2})(?![0-9])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Class or id words of elements that may show a date (lower case; plain substrings). */
    static final String[] DATE_WORDS = {"date", "time", "publi", "posted", "datum", "byline", "meta", "fecha", "submitted"};
    /** Class or id words of containers whose dates are not the article's (lower case; plain substrings). */
    private static final String[] SKIP_CONTAINER = {"comment", "related", "sidebar", "footer", "widget", "teaser",
        "recommend", "popular", "archive", "calendar", "weather", "update", "modified"};
    private static final int MAX_MARKED_TEXT = 300;
    /** The longest line above a headline read as its date line. */
    private static final int MAX_ABOVE_TITLE = 60;
    private static final org.jsoup.select.Evaluator TIME_WITH_DATETIME = PageIndex.query("time[datetime]");
    private static final int MAX_SCAN_CHARS = 20_000;

    private VisibleDates() {
    }

    /** A date in the page's URL path ({@code /2019/10/22/}, {@code 20191022}, {@code 2019-10-22}), or null. */
    static Instant fromUrl(String url) {
        if (url == null || url.isEmpty()) {
            return null;
        }
        String path = withoutSchemeAndHost(url);
        int q = path.indexOf('?');
        String beforeQuery = q >= 0 ? path.substring(0, q) : path;
        // both URL forms open with a year (19xx, 20xx) after no digit: a path without one is not matched
        return mayOpenUrlYear(beforeQuery) ? fromPath(beforeQuery) : null;
    }

    /** Whether a text holds "19" or "20" and two digits, with no digit just before. */
    static boolean mayOpenUrlYear(String text) {
        for (int i = 0, last = text.length() - 4; i <= last; i++) {
            if (opensYear(text, i)) {
                return true;
            }
        }
        return false;
    }

    /** Whether "19" or "20" and two digits start at {@code i} (four characters there), with no digit just before. */
    private static boolean opensYear(String text, int i) {
        char c = text.charAt(i);
        return (c == '1' && text.charAt(i + 1) == '9' || c == '2' && text.charAt(i + 1) == '0')
                && isDigit(text.charAt(i + 2)) && isDigit(text.charAt(i + 3)) && (i == 0 || !isDigit(text.charAt(i - 1)));
    }

    /** The day a URL's path (before its query) is dated by, by the URL patterns alone. */
    static Instant fromPath(String beforeQuery) {
        Matcher m = URL_SLASHED_DATE.matcher(beforeQuery);
        if (m.find()) {
            return day(m.group(1), m.group(2), m.group(3));
        }
        m = URL_DATE.matcher(beforeQuery);
        while (m.find()) {
            Instant t = day(m.group(1), m.group(2), m.group(3));
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /**
     * The URL without its scheme and host: what {@code url.replaceFirst("^[a-zA-Z]+://[^/]*", "")} gives, found by a
     * plain scan (that call compiled its regex at each page, twice).
     */
    static String withoutSchemeAndHost(String url) {
        int letters = 0;
        while (letters < url.length() && ArticleExtractor.isAsciiLetter(url.charAt(letters))) {
            letters++;
        }
        if (letters == 0 || !url.startsWith("://", letters)) {
            return url;
        }
        int slash = url.indexOf('/', letters + 3);
        return slash < 0 ? "" : url.substring(slash);
    }

    /**
     * The date shown in an element marked as a date or byline nearest the headline {@code h1} (after it rather than
     * before), else the first date in the page's text after the headline, else the first date in its text.
     * Containers around the headline are never taken for sidebars or footers, whatever their class says. Without
     * {@code textFallback}, only the dates written in marked elements count (the day as the page wrote it, not a
     * machine-readable datetime). {@code marks}: the page's marked elements.
     */
    static Instant fromPage(Document doc, Element h1, boolean textFallback, Marks marks) {
        return textFallback ? fromPage(doc, h1, true, true, marks) : marks.written(doc, h1);
    }

    /**
     * The elements of a page (its body's, in page order) that may show a date: those marked as a date, time or byline
     * by class, id or itemprop, and {@code <time datetime>}; with their positions in the page. The page is read in
     * page order only as far as the stages ask (they mostly stop at the first date after the headline). The date
     * written in the marked elements alone (asked by two stages) is kept once found.
     */
    static final class Marks {
        private final List<Element> all;
        private final ClassIds names;
        /** In page order, every time element and every element with an itemprop of the page (and maybe others), with their positions in {@link #all}. */
        private final List<Element> candidates;
        private final int[] candidateAt;
        /** How many of {@link #all} were read, and the next of {@link #candidates} not passed yet. */
        private int scanned;
        private int nextCandidate;
        /** The marked elements found so far: how many, their positions, themselves, whether a time with a datetime, whether marked. */
        private int count;
        private int[] order = new int[16];
        private Element[] elements = new Element[16];
        private boolean[] datetime = new boolean[16];
        private boolean[] marked = new boolean[16];
        private Element indexed;
        private int indexedAt = -1;
        private Element writtenFor;
        private Instant written;
        private boolean writtenKnown;
        /** Per position in {@link #all}: {@link #NAMED}, {@link #UNNAMED} or 0 when not known (read from the names then). */
        private final byte[] dateNamed;
        /** The statistics of the page's elements as indexed (the page not changed since), or null. */
        private final Map<Element, ContentExtractor.Stats> stats;

        private Marks(List<Element> all, ClassIds names, List<Element> candidates, int[] candidateAt, byte[] dateNamed,
                      Map<Element, ContentExtractor.Stats> stats) {
            this.all = all;
            this.names = names;
            this.candidates = candidates;
            this.candidateAt = candidateAt;
            this.dateNamed = dateNamed;
            this.stats = stats;
        }

        /** Whether the page has a marked element number {@code k} (from 0, in page order), reading it as far as needed. */
        boolean has(int k) {
            while (count <= k && scanned < all.size()) {
                read(scanned++);
            }
            return k < count;
        }

        /**
         * Whether the page has a marked element number {@code k} at a position before {@code before}, reading it no
         * further than that position.
         */
        boolean hasBefore(int k, int before) {
            int end = Math.min(all.size(), before);
            while (count <= k && scanned < end) {
                read(scanned++);
            }
            return k < count && order[k] < before;
        }

        /** Reads the element at {@code i} of the page, after those before it. */
        private void read(int i) {
            while (nextCandidate < candidateAt.length && candidateAt[nextCandidate] < i) {
                nextCandidate++; // outside the body
            }
            // only an indexed element can be a time or hold an itemprop: the others are judged by class and id alone
            Element e = nextCandidate < candidateAt.length && candidateAt[nextCandidate] == i ? candidates.get(nextCandidate) : null;
            boolean time = e != null && e.normalName().equals("time") && e.hasAttr("datetime");
            byte named = i < dateNamed.length ? dateNamed[i] : 0;
            boolean mark = named == NAMED || named == 0 && namesDate(names.className(i), names.id(i))
                    || e != null && itempropDate(e);
            if (!time && !mark) {
                return;
            }
            if (count == order.length) {
                order = java.util.Arrays.copyOf(order, count * 2);
                elements = java.util.Arrays.copyOf(elements, count * 2);
                datetime = java.util.Arrays.copyOf(datetime, count * 2);
                marked = java.util.Arrays.copyOf(marked, count * 2);
            }
            order[count] = i;
            elements[count] = e != null ? e : all.get(i);
            datetime[count] = time;
            marked[count] = mark;
            count++;
        }

        /** {@code dateNamed} holds of an element whose class or id holds one of {@link #DATE_WORDS}, */
        static final byte NAMED = 1;
        /** or of one whose names hold none. */
        static final byte UNNAMED = 2;

        /**
         * The marked elements among {@code all} (the body and its elements in page order), given their lower-cased
         * classes and ids, and {@code indexed}: in page order, every time element and every element with an itemprop
         * among them (and maybe others), with their positions in {@code all} ({@code indexedAt}, -1 for those outside it).
         * {@code dateNamed}: by position, whether the names hold a date word, where already known ({@link #NAMED},
         * {@link #UNNAMED}; 0 or past its end: read from {@code names} when asked). {@code stats}: the statistics of
         * the page's elements as indexed, valid while the page is not changed (null: none), by which the running text is
         * not read where they show no digit.
         */
        static Marks of(List<Element> all, ClassIds names, List<Element> indexed, int[] indexedAt, byte[] dateNamed,
                        Map<Element, ContentExtractor.Stats> stats) {
            return new Marks(all, names, indexed, indexedAt, dateNamed, stats);
        }

        /** Whether a lower-cased class or id holds one of {@link #DATE_WORDS} (the long way of {@code dateNamed}). */
        static boolean namesDate(String cls, String id) {
            return !cls.isEmpty() && ArticleExtractor.containsAny(cls, DATE_WORDS)
                    || !id.isEmpty() && ArticleExtractor.containsAny(id, DATE_WORDS);
        }

        /** The position of {@code h1} among the page's elements, -1 when absent or null. */
        int indexOf(Element h1) {
            if (h1 == null) {
                return -1;
            }
            if (h1 != indexed) {
                indexed = h1;
                indexedAt = all.indexOf(h1);
            }
            return indexedAt;
        }

        /** The date written in the marked element nearest the headline (no machine-readable times, no running text). */
        Instant written(Document doc, Element h1) {
            if (!writtenKnown || writtenFor != h1) {
                written = fromPage(doc, h1, false, false, this);
                writtenFor = h1;
                writtenKnown = true;
            }
            return written;
        }
    }

    /**
     * The date of the marked element nearest the headline, its machine-readable datetime when it has one; no look at
     * the page's running text.
     */
    static Instant fromMarked(Document doc, Element h1, Marks marks) {
        return fromPage(doc, h1, true, false, marks);
    }

    /**
     * The date as the page writes it: in the marked element nearest the headline (its text, not its machine-readable
     * datetime), else the first date in the running text after the headline.
     */
    static Instant written(Document doc, Element h1, Marks marks) {
        return fromPage(doc, h1, false, true, marks);
    }

    /** Words that introduce a time of last change ("Updated", "Last updated on", "Aktualisiert am", "Bijgewerkt op"). */
    private static final Pattern UPDATE_WORDS = Pattern.compile(
            "^\\W*(?:last\\s+|zuletzt\\s+|laatst\\s+)?(?:updated|modified|aktualisiert|geändert|bijgewerkt|gewijzigd"
                    + "|mis\\s+à\\s+jour|actualisé|actualizado|aggiornato)\\b", Pattern.CASE_INSENSITIVE);

    /** Whether a text opens with the words of a change ({@link #UPDATE_WORDS}). */
    static boolean opensWithUpdateWords(String text) {
        return UPDATE_WORDS.matcher(text).find();
    }

    /**
     * The date the page writes beside its headline when it is the only one there and introduced as a time of last
     * change ("Updated May 6, 2019"), else null: the date the page itself presents to its readers.
     */
    static Instant shownUpdate(Document doc, Element h1, Marks marks) {
        int at = marks.indexOf(h1);
        if (at < 0 || !updateNear(marks, at)) {
            return null; // no marked element beside the headline opens with the words of a change
        }
        Instant written = marks.written(doc, h1);
        if (written == null) {
            return null;
        }
        Instant update = null;
        for (int k = 0; marks.hasBefore(k, at + 60); k++) {
            if (marks.order[k] < at - 30 || !marks.marked[k]) {
                continue;
            }
            Element e = marks.elements[k];
            String text = boundedText(e, MAX_MARKED_TEXT);
            Instant t = text == null ? null : firstDate(text);
            if (t == null) {
                continue;
            }
            if (!t.equals(written)) {
                return null; // the page shows another date beside the headline too (the publication's)
            }
            if (opensWithUpdateWords(text)) {
                update = t;
            }
        }
        return update;
    }

    /**
     * Whether a marked element beside the headline (at {@code at} among the page's elements) has a text that opens with
     * {@link #UPDATE_WORDS}: without one, {@link #shownUpdate} finds no time of last change.
     */
    private static boolean updateNear(Marks marks, int at) {
        for (int k = 0; marks.hasBefore(k, at + 60); k++) {
            if (marks.order[k] >= at - 30 && marks.marked[k] && mayOpenWithUpdateWords(marks.elements[k])) {
                String text = boundedText(marks.elements[k], MAX_MARKED_TEXT);
                if (text != null && opensWithUpdateWords(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The first run of word characters ({@code \w}: ASCII letters, digits, underscore) that {@link #UPDATE_WORDS} can
     * open with, lower-cased: its match starts at the text's first word character (all before is {@code \W}), and its
     * words end there (a word boundary, white space, or a letter outside ASCII as in "geändert", "actualisé", "mis à jour").
     */
    private static final java.util.Set<String> UPDATE_OPENINGS = java.util.Set.of("last", "zuletzt", "laatst", "updated",
            "modified", "aktualisiert", "ge", "bijgewerkt", "gewijzigd", "mis", "actualis", "actualizado", "aggiornato");
    private static final int LONGEST_UPDATE_OPENING = 12;

    /**
     * False when the element's text cannot open with {@link #UPDATE_WORDS}: its first run of word characters is none of
     * {@link #UPDATE_OPENINGS}, read from its text nodes without building the text ({@code text()} only adds, drops or
     * collapses white space, never a word character). True when it may (or when the run reaches the end of its text
     * node: the next one may go on with it).
     */
    static boolean mayOpenWithUpdateWords(Element e) {
        for (org.jsoup.nodes.Node node = e; node != null; node = ContentExtractor.nextNode(node, e)) {
            if (node instanceof org.jsoup.nodes.TextNode t) {
                String s = t.getWholeText();
                int i = 0;
                int n = s.length();
                while (i < n && !isWordChar(s.charAt(i))) {
                    i++;
                }
                if (i == n) {
                    continue; // no word character here: the text opens in a later text node
                }
                int j = i;
                while (j < n && isWordChar(s.charAt(j))) {
                    j++;
                }
                return j == n || j - i <= LONGEST_UPDATE_OPENING
                        && UPDATE_OPENINGS.contains(s.substring(i, j).toLowerCase(Locale.ROOT));
            }
        }
        return false; // no word character at all
    }

    /** A character of the regex class {@code \w} (without UNICODE_CHARACTER_CLASS). */
    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static Instant fromPage(Document doc, Element h1, boolean machineTimes, boolean textFallback, Marks marks) {
        Element body = doc.body();
        if (body == null) {
            return null;
        }
        java.util.Set<Element> aroundTitle = headlineAndAncestors(h1);
        int titleIndex = marks.indexOf(h1);
        int titleOrder = -1;
        Instant first = null;
        Instant before = null;
        int beforeOrder = -1;
        Instant after = null;
        int afterOrder = -1;
        Map<Element, Boolean> skipped = new java.util.IdentityHashMap<>();
        // only the marked elements can give a date: the others are passed over (the headline's position is known)
        for (int k = 0; marks.has(k); k++) {
            int order = marks.order[k];
            Element e = marks.elements[k];
            if (titleIndex >= 0 && order >= titleIndex) {
                titleOrder = titleIndex;
            }
            boolean datetime = marks.datetime[k];
            // right after the headline and beside it, a date is the article's whatever its class says
            boolean besideTitle = titleIndex >= 0 && Math.abs(order - titleIndex) <= 30 && e.parent() != null
                    && aroundTitle.contains(e.parent().parent() == null ? e.parent() : e.parent().parent());
            if (!besideTitle && inSkippedContainer(e, aroundTitle, skipped)
                    || machineTimes && !datetime && e.selectFirst(TIME_WITH_DATETIME) != null) {
                continue; // a marked element holding a <time datetime>: the time itself comes next, with the hour
            }
            Instant t = datetime && machineTimes ? Dates.parse(e.attr("datetime")) : null;
            if (t == null) {
                String text = boundedText(e, MAX_MARKED_TEXT);
                t = text == null || text.isEmpty() ? null : firstDate(text);
            }
            if (t == null) {
                continue;
            }
            if (first == null) {
                first = t;
            }
            if (titleOrder < 0) {
                before = t;
                beforeOrder = order;
            } else {
                after = t;
                afterOrder = order;
                break;
            }
        }
        titleOrder = titleIndex; // every element was passed, or the loop stopped after the headline
        Instant best;
        if (titleOrder < 0) {
            best = first;
        } else if (before == null || after != null && afterOrder - titleOrder <= 3L * (titleOrder - beforeOrder)) {
            best = after;
        } else {
            best = before;
        }
        return best != null || !textFallback ? best : fromText(body, h1, aroundTitle, marks.stats);
    }

    /** The headline and the elements around it (never taken for sidebars or footers, whatever their class says). */
    static java.util.Set<Element> headlineAndAncestors(Element h1) {
        java.util.Set<Element> around = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Element e = h1; e != null; e = e.parent()) {
            around.add(e);
        }
        return around;
    }

    /** The first date in the page's running text after the headline {@code h1}, else in all of it (outside furniture). */
    static Instant fromText(Document doc, Element h1) {
        Element body = doc.body();
        if (body == null) {
            return null;
        }
        java.util.Set<Element> aroundTitle = headlineAndAncestors(h1);
        return fromText(body, h1, aroundTitle, null);
    }

    /**
     * As {@link #fromText(Document, Element)}, the page's statistics as indexed ({@code marks} made from them, the page
     * not changed since) sparing the text walk when the text it would read holds no digit.
     */
    static Instant fromText(Document doc, Element h1, Marks marks) {
        Element body = doc.body();
        if (body == null) {
            return null;
        }
        return fromText(body, h1, headlineAndAncestors(h1), marks.stats);
    }

    private static Instant fromText(Element body, Element h1, java.util.Set<Element> aroundTitle,
                                    Map<Element, ContentExtractor.Stats> stats) {
        Element above = h1 == null ? null : h1.previousElementSibling();
        if (above != null) {
            // a date line right above the headline ("14.03.2021" over the h1) dates the article, not one in its text
            String line = boundedText(above, MAX_ABOVE_TITLE);
            Instant t = line == null || line.isEmpty() ? null : firstDate(line);
            if (t != null) {
                return t;
            }
        }
        // first the text up to AFTER_TITLE_CHARS past the headline only: a date there answers without the rest
        TextWalk walk = new TextWalk(body, h1, aroundTitle);
        if (stats != null && !walk.mayHoldYear(stats)) {
            return null; // every date written holds a year
        }
        boolean whole = walk.run(AFTER_TITLE_CHARS);
        StringBuilder sb = walk.sb;
        String text = sb.toString();
        if (walk.titleAt >= 0) {
            Instant afterTitle = firstDate(text.substring(walk.titleAt, Math.min(text.length(), walk.titleAt + AFTER_TITLE_CHARS)));
            if (afterTitle != null) {
                return afterTitle;
            }
            if (!whole && sb.length() > walk.titleAt + AFTER_TITLE_CHARS) {
                // the text was cut after the headline: the walk goes on from where it stopped, to read it whole
                walk.run(-1);
                text = sb.toString();
            }
        }
        return firstDate(text);
    }

    /** How far past the headline (chars of collected text) a date is taken as the article's first. */
    private static final int AFTER_TITLE_CHARS = 1500;

    /**
     * The running text under a root, collected in page order by a walk that can stop once the text runs a given
     * length past the headline and go on later from where it stopped (the text is then what one whole walk gives).
     */
    private static final class TextWalk {
        private final Element root;
        private final Element h1;
        private final java.util.Set<Element> aroundTitle;
        private final Element docBody;
        final StringBuilder sb = new StringBuilder();
        /** Where the headline starts in {@link #sb}, -1 until it is passed. */
        int titleAt = -1;
        /** The next element to look at on each open level of the walk, the innermost on top. */
        private final java.util.ArrayDeque<Element> pending = new java.util.ArrayDeque<>();

        TextWalk(Element root, Element h1, java.util.Set<Element> aroundTitle) {
            this.root = root;
            this.h1 = h1;
            this.aroundTitle = aroundTitle;
            this.docBody = root.ownerDocument().body();
            Element first = root.firstElementChild();
            if (first != null) {
                pending.push(first);
            }
        }

        /**
         * Appends the running text to {@link #sb}, stopping once it holds more than {@link #MAX_SCAN_CHARS} or, when
         * {@code pastTitle} is not negative, runs that far past the headline. True when the walk is over.
         */
        boolean run(int pastTitle) {
            while (!pending.isEmpty()) {
                if (sb.length() > MAX_SCAN_CHARS || pastTitle >= 0 && titleAt >= 0 && sb.length() > titleAt + pastTitle) {
                    return false;
                }
                Element child = pending.pop();
                Element sibling = child.nextElementSibling();
                if (sibling != null) {
                    pending.push(sibling);
                }
                if (child == h1) {
                    titleAt = sb.length();
                }
                if (aroundTitle.contains(child)) {
                    sb.append(child.ownText()).append('\n');
                    descend(child);
                    continue;
                }
                if (passesOver(child)) {
                    continue;
                }
                if (child.firstElementChild() == null) {
                    sb.append(child.text()).append('\n');
                } else {
                    sb.append(child.ownText()).append('\n');
                    descend(child);
                }
            }
            return true;
        }

        /** Whether the walk leaves out an element outside {@link #aroundTitle}, with all inside it. */
        private boolean passesOver(Element child) {
            String tag = child.normalName();
            return Hints.isFurnitureTag(tag) || tag.equals("script") || tag.equals("style") || tag.equals("form")
                    || tag.equals("header") && child.parent() == docBody || namesSkippedContainer(child);
        }

        /**
         * Whether the text a whole walk collects may hold a year ({@link #nextYear}), judged by the elements it reads
         * without building their text: one whose text nodes held no digit when the page was indexed ({@code stats}, the
         * page not changed since) adds none, nor does any element inside it; the others' own text nodes are looked at.
         * False: the text holds no year, so no date.
         */
        boolean mayHoldYear(Map<Element, ContentExtractor.Stats> stats) {
            java.util.ArrayDeque<Element> todo = new java.util.ArrayDeque<>();
            Element first = root.firstElementChild();
            if (first != null) {
                todo.push(first);
            }
            while (!todo.isEmpty()) {
                Element child = todo.pop();
                Element sibling = child.nextElementSibling();
                if (sibling != null) {
                    todo.push(sibling);
                }
                if (!aroundTitle.contains(child) && passesOver(child)) {
                    continue;
                }
                ContentExtractor.Stats s = stats.get(child);
                if (s == null) {
                    return true; // not indexed: its text is not known
                }
                if (!s.digit) {
                    continue; // no digit in its text nor in any text inside it
                }
                if (ownTextMayHoldYear(child)) {
                    return true;
                }
                Element firstChild = child.firstElementChild();
                if (firstChild != null) {
                    todo.push(firstChild);
                }
            }
            return false;
        }

        /**
         * Whether the element's own text (what {@code ownText()} reads, and {@code text()} of an element without
         * element children: its text nodes joined, white space collapsed) may hold a year: one of its text nodes does,
         * or it has several and a digit, which joined may make one.
         */
        private static boolean ownTextMayHoldYear(Element el) {
            int texts = 0;
            boolean digit = false;
            for (int i = 0, n = el.childNodeSize(); i < n; i++) {
                if (el.childNode(i) instanceof org.jsoup.nodes.TextNode t) {
                    String s = t.getWholeText();
                    if (nextYear(s, 0) >= 0) {
                        return true;
                    }
                    texts++;
                    digit = digit || hasDigit(s);
                }
            }
            return texts > 1 && digit;
        }

        private static boolean hasDigit(String s) {
            for (int k = 0, len = s.length(); k < len; k++) {
                if (isDigit(s.charAt(k))) {
                    return true;
                }
            }
            return false;
        }

        private void descend(Element el) {
            Element first = el.firstElementChild();
            if (first != null) {
                pending.push(first);
            }
        }
    }

    /** Whether the element's itemprop marks it as a date. */
    private static boolean itempropDate(Element e) {
        return e.hasAttr("itemprop") && e.attr("itemprop").toLowerCase(Locale.ROOT).contains("date");
    }

    /**
     * The element's text, or null when its text is longer than {@code max}, found without rendering all of it. The
     * bound is on the text of its text nodes: the rendered text may run a few characters past {@code max}, since it
     * adds a space between blocks and at line breaks.
     */
    private static String boundedText(Element e, int max) {
        if (rawTextWithin(e, max)) {
            return e.text(); // the text nodes' raw text is within the bound
        }
        StringBuilder sb = new StringBuilder();
        for (org.jsoup.nodes.TextNode t : e.textNodes()) {
            sb.append(t.text());
        }
        if (sb.length() > max) {
            return null;
        }
        int[] budget = {max};
        boolean[] over = {false};
        org.jsoup.select.NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(org.jsoup.nodes.Node node, int depth) {
                if (node instanceof org.jsoup.nodes.TextNode t) {
                    budget[0] -= t.text().length();
                    if (budget[0] < 0) {
                        over[0] = true;
                        return FilterResult.STOP;
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(org.jsoup.nodes.Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, e);
        return over[0] ? null : e.text();
    }

    /** Whether the raw (not normalized) text of the text nodes under {@code root} is at most {@code max} chars long. */
    static boolean rawTextWithin(Element root, int max) {
        int[] budget = {max};
        org.jsoup.select.NodeTraversor.filter((node, depth) -> node instanceof org.jsoup.nodes.TextNode t
                && (budget[0] -= t.getWholeText().length()) < 0
                ? org.jsoup.select.NodeFilter.FilterResult.STOP : org.jsoup.select.NodeFilter.FilterResult.CONTINUE, root);
        return budget[0] >= 0;
    }

    /** Whether {@code e} sits in a footer, sidebar, comment or teaser container; answers for ancestors are kept in {@code memo}. */
    private static boolean inSkippedContainer(Element e, java.util.Set<Element> aroundTitle, Map<Element, Boolean> memo) {
        List<Element> path = new java.util.ArrayList<>();
        boolean skip = false;
        for (Element p = e; p != null && !p.normalName().equals("body") && !aroundTitle.contains(p); p = p.parent()) {
            Boolean known = memo.get(p);
            if (known != null) {
                skip = known;
                break;
            }
            path.add(p);
            if (skips(p)) {
                skip = true;
                break;
            }
        }
        for (Element p : path) {
            memo.put(p, skip);
        }
        return skip;
    }

    /** Whether the element itself is a footer, aside or nav, or its class or id names a container dates are not taken from. */
    private static boolean skips(Element p) {
        return Hints.isFurnitureTag(p.normalName()) || namesSkippedContainer(p);
    }

    /** Whether the element's class or id names a container dates are not taken from (comments, sidebars, teasers...). */
    private static boolean namesSkippedContainer(Element e) {
        if (e.attributesSize() == 0) {
            return false;
        }
        String cls = e.className();
        String id = e.id();
        // layout modifier classes ("has-sidebar", "no-comments") sit on the very container that holds the article
        return !cls.isEmpty()
                && ArticleExtractor.containsAny(Hints.withoutModifiers(cls.toLowerCase(Locale.ROOT)), SKIP_CONTAINER)
                || !id.isEmpty() && ArticleExtractor.containsAny(id.toLowerCase(Locale.ROOT), SKIP_CONTAINER);
    }


    /** A written form of a date: its pattern and how a match becomes a day (null when it is no real day). */
    private record DateForm(Pattern pattern, java.util.function.Function<Matcher, Instant> read) {
    }

    /** The forms {@link #firstDate} looks for, each only before the earliest date found so far. */
    private static final List<DateForm> DATE_FORMS = List.of(
            new DateForm(ISO, m -> day(m.group(1), m.group(2), m.group(3))),
            new DateForm(YEAR_FIRST, m -> day(m.group(1), m.group(2), m.group(3))),
            new DateForm(NUMERIC, m -> {
                int a = Integer.parseInt(m.group(1));
                int b = Integer.parseInt(m.group(2));
                // day first unless that cannot be (US month/day/year)
                return a > 12 || b <= 12 ? day(m.group(3), m.group(2), m.group(1)) : day(m.group(3), m.group(1), m.group(2));
            }),
            new DateForm(DAY_MONTH_YEAR, m -> {
                Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
                return month == null ? null : day(m.group(3), String.valueOf(month), m.group(1));
            }),
            new DateForm(MONTH_DAY_YEAR, m -> {
                Integer month = MONTHS.get(m.group(1).toLowerCase(Locale.ROOT));
                return month == null ? null : day(m.group(3), String.valueOf(month), m.group(2));
            }));

    /** Texts up to this length are searched whole; longer ones only around their years. */
    private static final int WHOLE_SEARCH_CHARS = 400;
    /** How far before its year a written date may start ("Wednesday, the 30th of September 2020" is shorter). */
    private static final int BEFORE_YEAR = 48;
    /** How far past its year's first digit a written date may end ("2020年 12月 31日", with room for look-aheads). */
    private static final int AFTER_YEAR = 16;

    /** The earliest-positioned full date in {@code text}, or null. */
    static Instant firstDate(String text) {
        // every written form holds a four-digit year (19xx, 20xx) with no digit either side: a text without one holds
        // no date, and in a long one the patterns run only around the years, in page order
        int year = nextYear(text, 0);
        if (year < 0) {
            return null;
        }
        if (text.length() <= WHOLE_SEARCH_CHARS) {
            return firstDate(text, 0, text.length());
        }
        for (int y = year; y >= 0; y = nextYear(text, y + 4)) {
            Instant t = firstDate(text, Math.max(0, y - BEFORE_YEAR), Math.min(text.length(), y + AFTER_YEAR));
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** Where the next "19xx" or "20xx" not inside a longer number starts, from {@code from}; -1 when none. */
    private static int nextYear(String text, int from) {
        for (int i = Math.max(0, from); i + 4 <= text.length(); i++) {
            if (opensYear(text, i) && (i + 4 == text.length() || !isDigit(text.charAt(i + 4)))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The earliest-positioned full date within {@code [start, end)} of {@code text} (look-arounds see past the ends). */
    static Instant firstDate(String text, int start, int end) {
        int best = Integer.MAX_VALUE;
        Instant found = null;
        for (DateForm form : DATE_FORMS) {
            Matcher m = within(form.pattern(), text, start, best == Integer.MAX_VALUE ? end
                    : (int) Math.min(end, (long) best + MAX_DATE_CHARS));
            while (m.find() && m.start() < best) {
                Instant t = form.read().apply(m);
                if (t != null) {
                    best = m.start();
                    found = t;
                    break; // a later match of this pattern starts later
                }
            }
        }
        return found;
    }

    /** The longest date text the patterns are looked for in past a date already found. */
    private static final int MAX_DATE_CHARS = 200;

    /**
     * A matcher for {@code pattern} over {@code [start, end)} of {@code text}, look-arounds still seeing the whole text
     * (past a date already found, a date could reach no further than {@code end}: only an earlier one can change the answer).
     */
    private static Matcher within(Pattern pattern, String text, int start, int end) {
        Matcher m = pattern.matcher(text);
        if (start > 0 || end < text.length()) {
            m.region(start, end);
            m.useTransparentBounds(true);
            m.useAnchoringBounds(false);
        }
        return m;
    }

    private static Instant day(String year, String month, String day) {
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            Instant t = d.atStartOfDay().toInstant(ZoneOffset.UTC);
            if (d.getYear() < 1990 || t.isAfter(Instant.now().plusSeconds(2L * 86400))) {
                return null;
            }
            return t;
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
