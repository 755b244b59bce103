package org.cryptosec.reader.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cryptosec.reader.model.Author;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/** The only user of Jsoup (with the sanitizer): pulls the article, its metadata and authors out of a page. Thread-safe. */
public final class ArticleExtractor {

    /** Pages larger than this (in chars) are refused rather than parsed. */
    public static final int MAX_PAGE_CHARS = 20_000_000;

    static final int WORDS_PER_MINUTE = 220;

    private static final Pattern READING_TIME = Pattern.compile(
            "(?i)(\\d{1,3})\\s*(?:min(?:uten|utes|ute|uto|utos|uti|s)?\\.?|m)\\s*(?:leestijd|lezen|read(?:ing)?(?:\\s+time)?|lesezeit"
                    + "|lesedauer|de\\s+lecture|lectura|de\\s+leitura|di\\s+lettura)");
    private static final Pattern READING_TIME_LABEL_FIRST = Pattern.compile(
            "(?i)(?:leestijd|reading\\s+time|read\\s+time|lesezeit|lesedauer|temps\\s+de\\s+lecture|tiempo\\s+de\\s+lectura"
                    + "|tempo\\s+de\\s+leitura|tempo\\s+di\\s+lettura)\\s*:?\\s*(?:ca\\.?\\s*|about\\s+|ongeveer\\s+)?(\\d{1,3})\\s*(?:min|minuten|minutes|minute|minuti|minutos)");
    private static final String[] TITLE_SEPARATORS = {" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "};

    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    /** Told of the page each time the first pick's changes were undone (see {@link #ArticleExtractor(Undone)}). */
    interface Undone {
        /** {@code doc} is the page with {@code changes} changes undone. */
        void undone(Document doc, int changes);
    }

    /** Null, unless each page's changes are to be undone after its first pick, for a check of the undo. */
    private final Undone undone;

    public ArticleExtractor() {
        this(null);
    }

    /**
     * An extractor that undoes the first pick's changes on every page, right after it (not only when a relaxed pick
     * follows), and tells {@code undone} of the page then: for tests that check the page is then as parsed. Its
     * extractions are those of {@link #ArticleExtractor()}.
     */
    ArticleExtractor(Undone undone) {
        this.undone = undone;
    }

    public ExtractedArticle extract(String html, String pageUrl) {
        return extractDetailed(html, pageUrl).article();
    }

    /** As {@link #extract}, with the publication day in the page's own zone. */
    public Extraction extractDetailed(String html, String pageUrl) {
        if (html == null) {
            throw new IllegalArgumentException("html must not be null (page " + pageUrl + ")");
        }
        if (html.length() > MAX_PAGE_CHARS) {
            throw new ExtractionException("page " + pageUrl + " is too large to extract: " + html.length()
                    + " characters (limit " + MAX_PAGE_CHARS + ")");
        }
        try {
            return doExtract(html, pageUrl);
        } catch (RuntimeException | StackOverflowError e) {
            throw new ExtractionException("cannot extract page " + pageUrl + ": " + e, e);
        }
    }

    private static final int LEAD_KEY_CHARS = 60;
    private static final String[] LEAD_CLASS_WORDS = {"lead", "intro", "teaser", "subline", "summary", "standfirst", "dek",
        "excerpt", "abstract"};

    static boolean containsAny(String s, String[] words) {
        for (String w : words) {
            if (s.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The page's summary (meta description) when the page also shows it as a paragraph or lead block: articles put
     * their standfirst outside the container that holds the rest. When the page shows no summary, the block marked
     * as the lead ("lead", "intro", "standfirst"...) that follows the headline {@code h1} closely, when it reads as
     * prose; null when there is neither.
     * {@code bodyElements} are the body's elements in page order, as listed at some point since the page was
     * parsed (those removed since are passed over).
     */
    static String shownLead(Document doc, Meta meta, Map<Element, ContentExtractor.Stats> stats, Element h1,
                            List<Element> bodyElements) {
        return shownLead(doc, meta, stats, h1, bodyElements, null);
    }

    /**
     * As {@link #shownLead(Document, Meta, Map, Element, List)}, given the lower-cased classes of {@code bodyElements}
     * ({@code names}, or null to read them here).
     */
    static String shownLead(Document doc, Meta meta, Map<Element, ContentExtractor.Stats> stats, Element h1,
                            List<Element> bodyElements, ClassIds names) {
        return shownLead(doc, meta, stats, h1, bodyElements, names, null);
    }

    /**
     * As {@link #shownLead(Document, Meta, Map, Element, List, ClassIds)}, given also the statistics of
     * {@code bodyElements} by position ({@code byPosition}: those {@code stats} maps them to, or null).
     */
    static String shownLead(Document doc, Meta meta, Map<Element, ContentExtractor.Stats> stats, Element h1,
                            List<Element> bodyElements, ClassIds names, List<ContentExtractor.Stats> byPosition) {
        String fromDescription = describedLead(doc, meta, stats, bodyElements, names, byPosition);
        return fromDescription != null ? fromDescription : markedLead(stats, h1);
    }

    /**
     * Class words of a lead block below the headline: {@link #LEAD_CLASS_WORDS} without the ambiguous "teaser" and
     * "dek", and other languages' and sites' names for a subtitle.
     */
    private static final String[] MARKED_LEAD_WORDS = java.util.stream.Stream.concat(
            java.util.Arrays.stream(LEAD_CLASS_WORDS).filter(w -> !w.equals("teaser") && !w.equals("dek")),
            java.util.stream.Stream.of("bajada", "chapeau", "entradilla", "sottotitolo", "subtitle", "subheadline"))
            .toArray(String[]::new);
    /** How far (in elements) after the headline a lead block may start. */
    private static final int LEAD_REACH = 40;

    private static String markedLead(Map<Element, ContentExtractor.Stats> stats, Element h1) {
        ContentExtractor.Stats head = h1 == null ? null : stats.get(h1);
        if (head == null) {
            return null;
        }
        int seen = 0;
        for (Element el = next(h1); el != null && seen < LEAD_REACH; el = next(el), seen++) {
            ContentExtractor.Stats s = stats.get(el);
            if (s == null) {
                return null;
            }
            String cls = el.className();
            if (el.normalName().equals("p") && s.longParagraphs > 0 && cls.isEmpty()) {
                return null; // the article's own paragraphs have started
            }
            if (cls.isEmpty() || s.text < 60 || s.text > 700 || s.link * 4 > s.text
                    || !containsAny(cls.toLowerCase(Locale.ROOT), MARKED_LEAD_WORDS) || isCaption(el) || Hints.inBoilerplate(el)) {
                continue;
            }
            String text = TextRenderer.collapse(el.text()).trim();
            char last = text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
            // prose, not an embed code shown as text
            if (".!?…\"“”»«)".indexOf(last) >= 0 && ContentExtractor.wordCount(text) >= 10 && text.indexOf('<') < 0) {
                return text;
            }
        }
        return null;
    }

    /**
     * A picture's caption (in a figure, or marked as caption or credit) or a block holding the picture (the "lead
     * image") is not the lead text.
     */
    private static boolean isCaption(Element el) {
        if (!el.getElementsByTag("img").isEmpty() || !el.getElementsByTag("figure").isEmpty()) {
            return true;
        }
        for (Element e = el; e != null && !e.normalName().equals("body"); e = e.parent()) {
            String tag = e.normalName();
            String ci = Hints.classAndId(e);
            if (tag.equals("figure") || tag.equals("figcaption") || ci.contains("caption") || ci.contains("credit")) {
                return true;
            }
        }
        return false;
    }

    /** The element after {@code el} in document order (its first child, else the next element on the way up). */
    private static Element next(Element el) {
        Element child = el.firstElementChild();
        if (child != null) {
            return child;
        }
        for (Element e = el; e != null; e = e.parent()) {
            Element sib = e.nextElementSibling();
            if (sib != null) {
                return sib;
            }
        }
        return null;
    }

    private static String describedLead(Document doc, Meta meta, Map<Element, ContentExtractor.Stats> stats,
                                        List<Element> bodyElements, ClassIds names, List<ContentExtractor.Stats> byPosition) {
        String description = meta.first("og:description", "description", "twitter:description");
        if (description == null) {
            return null;
        }
        String key = leadKey(description);
        if (key.length() < LEAD_KEY_CHARS) {
            return null;
        }
        int maxChars = description.length() * 2 + 40;
        ClassIds known = names != null && names.describe(bodyElements) ? names : null;
        for (int i = 0, n = bodyElements.size(); i < n; i++) {
            Element el = bodyElements.get(i);
            // the class test first: it rules out nearly every element; the children are counted without a list
            String cls = known != null ? known.className(i) : el.attributesSize() == 0 ? "" : el.className().toLowerCase(Locale.ROOT);
            // a text whose normalized form starts with the key holds at least half as many letters and digits, each
            // of them counted in the walked figures (which removals since only lower)
            // (the walked figures before the class words: they rule out most classed elements too, and cost less)
            if (cls.isEmpty() || !(byPosition != null ? byPosition.get(i).text <= maxChars && byPosition.get(i).text * 2 >= key.length()
                    : shortText(stats, el, maxChars))
                    || !containsAny(cls, LEAD_CLASS_WORDS)
                    || ContentExtractor.childElements(el, 6) > 6 || firstLetterOrDigit(el) != key.charAt(0)
                    || el.ownerDocument() != doc) {
                continue;
            }
            String text = TextRenderer.collapse(el.text()).trim();
            if (text.length() >= key.length() && text.length() <= description.length() * 2 + 40
                    && ContentExtractor.normalize(text, key.length()).startsWith(key)) {
                return text;
            }
        }
        return null;
    }

    /**
     * The first letter or digit of the element's text, lower-cased as {@link ContentExtractor#normalize} does, or 0:
     * the first character of the normalized text, read without building the text ({@code text()} and collapsing
     * only add, drop or change white space and invisible characters, none of them a letter or digit).
     */
    static char firstLetterOrDigit(Element el) {
        for (Node node = el; node != null; node = ContentExtractor.nextNode(node, el)) {
            if (node instanceof TextNode t) {
                String s = t.getWholeText();
                for (int i = 0, n = s.length(); i < n; i++) {
                    char c = s.charAt(i);
                    if (c < 128 ? c >= 'a' && c <= 'z' || c >= '0' && c <= '9' : Character.isLetterOrDigit(c)) {
                        return c < 128 ? c : Character.toLowerCase(c);
                    }
                    if (c >= 'A' && c <= 'Z') {
                        return (char) (c + ('a' - 'A'));
                    }
                }
            }
        }
        return 0;
    }

    private static String leadKey(String text) {
        String n = ContentExtractor.normalize(text, LEAD_KEY_CHARS);
        return n.length() <= LEAD_KEY_CHARS ? n : n.substring(0, LEAD_KEY_CHARS);
    }

    /** Below this many characters of text the first pick is retried with {@link #relaxedContent}. */
    static final int SHORT_TEXT = 600;
    /** Below this many characters the pick is taken for a stray line, and a relaxed block of this much prose wins. */
    static final int TINY_TEXT = 150;


    private static final java.util.Set<String> RELAXED_DROP = Lookup.setOf("script", "style", "noscript", "nav", "header",
            "footer", "form", "aside", "iframe", "svg", "template", "button", "select");
    /** Class or id words (in any ASCII case) of blocks the relaxed pick leaves out. */
    private static final String[] RELAXED_DROP_HINTS = {"comment", "reply", "respond", "related", "sidebar", "widget", "share",
        "cookie", "newsletter", "consent", "gdpr", "privacy"};
    /** Class or id words of a part beside the article (see {@link #offTopicName}). */
    private static final String[] OFF_TOPIC_WORDS = {"sidebar", "widget", "teaser", "related", "popular", "recommend"};
    /**
     * The words of {@link #RELAXED_DROP_HINTS}, {@link #OFF_TOPIC_WORDS} and the date marks' words
     * ({@link VisibleDates#DATE_WORDS}), found in one pass over a name.
     */
    private static final Hints.Words NAME_WORDS = new Hints.Words(java.util.stream.Stream.of(
            RELAXED_DROP_HINTS, OFF_TOPIC_WORDS, VisibleDates.DATE_WORDS, AuthorBoxes.AUTHOR_WORDS)
            .flatMap(java.util.Arrays::stream).distinct().toArray(String[]::new));
    private static final long RELAXED_DROP_WORDS = NAME_WORDS.mask(RELAXED_DROP_HINTS);
    private static final long OFF_TOPIC_NAME_WORDS = NAME_WORDS.mask(OFF_TOPIC_WORDS);
    private static final long DATE_NAME_WORDS = NAME_WORDS.mask(VisibleDates.DATE_WORDS);
    private static final long AUTHOR_NAME_WORDS = NAME_WORDS.mask(AuthorBoxes.AUTHOR_WORDS);

    /**
     * The drop hints, off-topic words, date words and author words an element's lower-cased class and id hold, for
     * {@link #relaxedDrops}, {@link #offTopicWords}, {@link #dateWords} and {@link #authorWords}: the index walk reads
     * each name once for all.
     */
    static long nameWords(String className, String id) {
        return (className.isEmpty() ? 0 : NAME_WORDS.in(className)) | (id.isEmpty() ? 0 : NAME_WORDS.in(id));
    }

    /** Whether the {@link #nameWords} of a class and id tell {@link #offTopicName} of one or the other. */
    static boolean offTopicWords(long nameWords) {
        return (nameWords & OFF_TOPIC_NAME_WORDS) != 0;
    }

    /**
     * Whether the {@link #nameWords} of a class and id hold an author word ({@link AuthorBoxes#AUTHOR_WORDS}): what
     * {@link AuthorBoxes#mayNameAuthor} tells of the class or of the id.
     */
    static boolean authorWords(long nameWords) {
        return (nameWords & AUTHOR_NAME_WORDS) != 0;
    }

    /** Whether the {@link #nameWords} of a class and id hold a word that marks a date or byline ({@link VisibleDates#DATE_WORDS}). */
    static boolean dateWords(long nameWords) {
        return (nameWords & DATE_NAME_WORDS) != 0;
    }

    /** Whether the relaxed pick scores an element's child of this tag (a text block or a list). */
    static boolean isRelaxedBlock(String tag) {
        // a switch: asked of every element of the page in the index walk
        return switch (tag) {
            case "p", "h2", "h3", "h4", "li", "blockquote", "pre", "dd", "td", "ul", "ol" -> true;
            default -> false;
        };
    }

    /** Whether a class or id holds one of {@link #RELAXED_DROP_HINTS}, ASCII letters in any case. */
    private static boolean relaxedDropHint(String classOrId) {
        if (classOrId.isEmpty()) {
            return false;
        }
        char[] lower = null;
        for (int i = 0; i < classOrId.length(); i++) {
            char c = classOrId.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (lower == null) {
                    lower = classOrId.toCharArray();
                }
                lower[i] = (char) (c + ('a' - 'A'));
            }
        }
        return containsAny(lower == null ? classOrId : new String(lower), RELAXED_DROP_HINTS);
    }

    /**
     * Whether {@link #relaxedContent} drops a body element other than the body itself (with all inside it), given its
     * tag and the {@link #nameWords} of its lower-cased class and id: a hint found in the ASCII-lowered attribute is
     * found in the lower-cased one, so the attributes are read again only for an element whose names hold one.
     */
    static boolean relaxedDrops(Element el, String tag, long nameWords) {
        return RELAXED_DROP.contains(tag) || (nameWords & RELAXED_DROP_WORDS) != 0
                && (relaxedDropHint(el.attr("class")) || relaxedDropHint(el.attr("id")));
    }

    /**
     * The element holding the most text in direct text blocks (p, h2-h4, li...), parsed afresh without junk
     * removal: the fallback when scoring found next to nothing. Navigation, header, footer and forms stay out.
     */
    static Element relaxedContent(String html, String base) {
        return relaxedContent(html, base, SHORT_TEXT);
    }

    /** As {@link #relaxedContent(String, String)}, accepting a block of at least {@code minScore} characters of prose. */
    static Element relaxedContent(String html, String base, int minScore) {
        return relaxedContent(HtmlText.parse(html, base), minScore);
    }

    /**
     * As {@link #relaxedContent(String, String, int)}, over a page as the parser left it (the page is changed: the
     * parts the pick leaves out are taken out).
     */
    static Element relaxedContent(Document d, int minScore) {
        Element body = d.body();
        // one walk removes the furniture and the blocks whose class or id marks them as such
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element el && (RELAXED_DROP.contains(el.normalName())
                        || el != body && el.parent() != null && (relaxedDropHint(el.attr("class"))
                        || relaxedDropHint(el.attr("id"))))) {
                    return FilterResult.REMOVE;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, d);
        Element best = null;
        int bestScore = 0;
        for (Element el : body.getAllElements()) {
            int score = 0;
            // the child elements read off the child nodes, and the links off a walk: no lists are built
            for (int i = 0, n = el.childNodeSize(); i < n; i++) {
                if (el.childNode(i) instanceof Element child && isRelaxedBlock(child.normalName())) {
                    int len = child.text().length();
                    if (len == 0) {
                        continue;
                    }
                    int linked = 0;
                    for (Element e = ContentExtractor.nextInside(child, child); e != null;
                            e = ContentExtractor.nextInside(e, child)) {
                        if (e.normalName().equals("a")) {
                            linked += e.text().length();
                        }
                    }
                    if (linked * 2 < len) {
                        score += len - linked;
                    }
                }
            }
            if (score > bestScore) {
                best = el;
                bestScore = score;
            }
        }
        return bestScore >= minScore ? best : null;
    }

    /** Reads an author's own page (bio, avatar). Empty when the page says nothing useful. */
    public Optional<Author> extractAuthorPage(String html, String pageUrl, String authorName) {
        if (html == null || html.isBlank()) {
            return Optional.empty();
        }
        if (html.length() > MAX_PAGE_CHARS) {
            throw new ExtractionException("author page " + pageUrl + " is too large: " + html.length()
                    + " characters (limit " + MAX_PAGE_CHARS + ")");
        }
        try {
            return doExtractAuthorPage(html, pageUrl, authorName);
        } catch (RuntimeException | StackOverflowError e) {
            throw new ExtractionException("cannot read author page " + pageUrl + ": " + e, e);
        }
    }

    // ================================================================ article

    private Extraction doExtract(String html, String pageUrl) {
        Document doc = HtmlText.parse(html, pageUrl == null ? "" : pageUrl);
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base);
        String base = doc.baseUri().isEmpty() ? pageUrl : doc.baseUri();
        if (base == null || base.isEmpty()) {
            base = pageUrl;
        }
        PageIndex idx = PageIndex.of(doc);
        JsonLd ld = JsonLd.of(idx.scripts());
        JsonNode art = ld.article();
        Meta meta = Meta.of(idx.metas());

        String siteName = siteName(meta, ld);
        Element firstH1 = firstH1(idx, siteName);
        String title = title(doc, idx, meta, art, siteName, firstH1);
        // the element showing the headline anchors bylines and dates (an h2/h3 on pages without an h1)
        Element h1 = firstH1 != null ? firstH1 : headingShowing(idx, title);
        Published when = dayFromShown(dayFromUrl(published(doc, idx, meta, ld, art, h1), doc.location()), doc, idx, h1);
        Instant published = when == null ? null : when.at();
        List<String> tags = tags(idx, meta, art);
        String leadImage = leadImage(doc, idx, meta, ld, art);
        String canonical = canonical(doc, idx, meta, art, pageUrl);
        String declaredLang = declaredLanguage(doc, meta, art);
        StatsMap stats = idx.bodyStats();
        Integer statedMinutes = statedReadingTime(meta, idx);

        List<Element[]> removed = new ArrayList<>();
        // the first pick's changes to the page are logged, so that a relaxed pick can have the page as parsed
        PageChanges changes = new PageChanges();
        ContentExtractor.resolveImages(idx.bodyImages(), idx.bodyNoscripts(), removed, changes);
        // the indexed elements are still the page's unless a noscript was unwrapped or removed
        List<Element> live = idx.liveBodyElements();
        List<AuthorBoxes.Box> boxes = AuthorBoxes.find(live, stats, idx.classIds(live), idx.statsByPosition(live));
        List<Author> authors = authors(doc, live, idx, meta, ld, art, siteName, boxes, stats, h1);
        for (AuthorBoxes.Box b : boxes) {
            if (b.element().parent() != null) {
                removed.add(new Element[] {b.element(), b.element().parent()});
                changes.remove(b.element());
            }
        }
        String articleBody = art == null ? null : JsonLd.text(art.get("articleBody"));

        String lead = shownLead(doc, meta, stats, h1, live, idx.classIds(live), idx.statsByPosition(live));
        // the statistics follow the removals from here on, instead of being computed again
        for (Element[] r : removed) {
            ContentExtractor.subtract(stats, r[0], r[1], doc.body());
        }
        List<Element> left = ContentExtractor.removeJunk(doc, stats, h1, idx.bodyElements(), idx.bodyStatsInOrder(),
                idx.classIds(idx.bodyElements()), changes);
        Element content = ContentExtractor.mainContent(doc, stats, left, idx.classIds(idx.bodyElements()), changes);
        if (lead != null && !ContentExtractor.normalizedContains(content, leadKey(lead))) {
            // the lead's own figures join the page's, so cleaning need not walk the content again
            Element leadParagraph = content.prependElement("p").text(lead);
            changes.inserted(leadParagraph);
            stats.putMade(ContentExtractor.stats(leadParagraph)); // made just now: never in the index walk
        }
        ContentExtractor.clean(content, title, pageUrl, stats, changes);
        HtmlSanitizer.Sanitized sanitized = sanitizer.sanitizeToOutput(content, base, stats.get(content));
        Element clean = sanitized.body();
        HtmlSanitizer.Output output = sanitized.output();
        String bodyHtml = output.html();
        String text = output.text();
        if (undone != null) {
            int made = changes.size();
            changes.undo(doc);
            undone.undone(doc, made);
        }

        // a near-empty pick (the scorer found no paragraphs, or junk removal took the article): retry relaxed
        // next to nothing (a "Skip to content" link, a photo credit): a smaller block of real prose will do
        int minimum = text.length() < TINY_TEXT ? TINY_TEXT : SHORT_TEXT;
        // the relaxed pick only when the page holds enough text for it to be taken, and enough in the text blocks of
        // one element for it to be found
        if (text.length() < SHORT_TEXT && idx.bodyRenderBound() >= Math.max(2L * text.length(), minimum)
                && idx.relaxedScoreBound() >= minimum) {
            Element relaxed = relaxedContent(pageAsParsed(doc, changes, html, pageUrl), minimum);
            if (relaxed != null) {
                ContentExtractor.clean(relaxed, title, pageUrl);
                Element relaxedClean = sanitizer.sanitizeToBody(relaxed, base);
                String relaxedText = TextRenderer.render(relaxedClean);
                if (relaxedText.length() >= Math.max(2 * text.length(), minimum)) {
                    clean = relaxedClean;
                    bodyHtml = HtmlSanitizer.strippedHtml(clean);
                    text = relaxedText;
                }
            }
        }

        // cross-check with the JSON-LD articleBody: when our pick is a fraction of it, the page fooled the scorer
        if (articleBody != null && articleBody.length() > 500 && text.length() * 10 < articleBody.length() * 3) {
            Document fallback = Document.createShell(base == null ? "" : base);
            for (String para : articleBody.split("\\n\\s*\\n|\\r?\\n")) {
                if (!para.isBlank()) {
                    fallback.body().appendElement("p").text(para.trim());
                }
            }
            sanitized = sanitizer.sanitizeToOutput(fallback.body(), base);
            clean = sanitized.body();
            output = sanitized.output();
            bodyHtml = output.html();
            text = output.text();
        }

        List<String> images = new ArrayList<>();
        if (leadImage != null) {
            images.add(leadImage);
        }
        for (Element img : clean.getElementsByTag("img")) {
            String src = img.attr("src");
            if (!src.isEmpty() && !images.contains(src)) {
                images.add(src);
            }
        }

        String lang = declaredLang;
        // the text's language is guessed only when it can count: no language declared, or one it may overrule; the
        // guess and the word count then come from one reading of the text
        LanguageDetector.Reading reading = lang == null || isProfiled(lang) ? LanguageDetector.read(title, text) : null;
        int words = reading != null ? reading.words() : ContentExtractor.wordCount(text);
        if (lang == null) {
            lang = reading.language().orElse(null);
        } else if (words >= 150 && reading != null) {
            Optional<String> detected = reading.language();
            if (detected.isPresent() && !detected.get().equals(lang)) {
                lang = detected.get(); // the template says one language, the text clearly another
            }
        }
        int minutes = statedMinutes != null ? statedMinutes : Math.max(1, Math.round(words / (float) WORDS_PER_MINUTE));
        return new Extraction(new ExtractedArticle(title, authors, published, lang, minutes, leadImage, tags, bodyHtml, text, images,
                siteName, canonical), when == null ? null : when.day());
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ArticleExtractor.class);

    /**
     * The page as the parser left it: {@code doc} with the first pick's {@code changes} undone, instead of a second
     * parse; parsed again from {@code html} as {@code doc} was (against the page's address) should the undo fail (a
     * change the log cannot take back is a defect, logged, but the page is still extracted).
     */
    static Document pageAsParsed(Document doc, PageChanges changes, String html, String pageUrl) {
        try {
            changes.undo(doc);
            return doc;
        } catch (RuntimeException e) {
            LOG.warn("cannot undo the first pick's changes to page {}, parsing it again: {}", pageUrl, e.toString());
            return HtmlText.parse(html, pageUrl == null ? "" : pageUrl);
        }
    }

    private static boolean isProfiled(String lang) {
        return switch (lang) {
            case "nl", "en", "de", "fr", "es", "it", "pt" -> true;
            default -> false;
        };
    }

    // ---------------------------------------------------------------- meta tags

    /** All meta tags by lower-cased name/property/itemprop, in page order. */
    static final class Meta {
        /** Sized for the meta tags of a usual page (a few dozen names) so the table is not grown while it is filled. */
        private final Map<String, List<String>> values = new HashMap<>(128);

        static Meta of(Document doc) {
            return of(doc.getElementsByTag("meta"));
        }

        /** The attributes that name a meta tag's content. */
        private static final String[] NAME_ATTRIBUTES = {"property", "name", "itemprop", "http-equiv"};

        /** From the page's meta elements (in page order). */
        static Meta of(List<Element> metas) {
            Meta m = new Meta();
            for (Element el : metas) {
                // the HTML parser lower-cases attribute names, so the exact keys find what attr() finds with its
                // case-blind ones, without comparing every key letter by letter
                org.jsoup.nodes.Attributes attrs = el.attributes();
                String content = attrs.hasKey("content") ? attrs.get("content") : attrs.get("value");
                if (content.isBlank()) {
                    continue;
                }
                String value = null; // the content trimmed, made once for all its names
                for (String attr : NAME_ATTRIBUTES) {
                    String key = attrs.get(attr).trim().toLowerCase(Locale.ROOT);
                    if (key.isEmpty()) {
                        continue;
                    }
                    value = value != null ? value : content.trim();
                    if (!hasSpace(key)) {
                        m.values.computeIfAbsent(key, x -> new ArrayList<>()).add(value); // one name: no split
                        continue;
                    }
                    // "property" may hold several space-separated names
                    for (String k : key.split("\\s+")) {
                        m.values.computeIfAbsent(k, x -> new ArrayList<>()).add(value);
                    }
                }
            }
            return m;
        }

        /** Whether the text holds a character of the regex class {@code \\s}. */
        private static boolean hasSpace(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                    return true;
                }
            }
            return false;
        }

        String first(String... keys) {
            for (String k : keys) {
                List<String> v = values.get(k);
                if (v != null && !v.isEmpty()) {
                    return v.get(0);
                }
            }
            return null;
        }

        List<String> all(String key) {
            return values.getOrDefault(key, List.of());
        }
    }

    // ---------------------------------------------------------------- title, site

    private static String siteName(Meta meta, JsonLd ld) {
        String s = meta.first("og:site_name", "application-name", "al:ios:app_name");
        if (s == null) {
            JsonNode site = ld.firstOfType("website");
            s = site == null ? null : JsonLd.text(site.get("name"));
        }
        if (s == null) {
            JsonNode art = ld.article();
            JsonNode pub = art == null ? null : ld.resolve(art.get("publisher"));
            s = pub == null ? null : JsonLd.text(pub.get("name"));
        }
        return s == null ? null : TextRenderer.collapse(s).trim();
    }

    /** What every element {@link #IMAGE_SRC_LINK} and {@link #CANONICAL_LINK} match is: a link element. */
    static final java.util.function.Predicate<Element> MAY_BE_REL_LINK = el -> el.normalName().equals("link");
    /** What every element {@link #MICRODATA_AUTHOR} matches has: an itemprop. */
    static final java.util.function.Predicate<Element> MAY_BE_MICRODATA_AUTHOR = el -> el.hasAttr("itemprop");
    private static final org.jsoup.select.Evaluator H1 = PageIndex.query("h1");
    private static final org.jsoup.select.Evaluator H2_H3 = PageIndex.query("h2, h3");
    private static final org.jsoup.select.Evaluator H1_H2 = PageIndex.query("h1, h2");
    static final org.jsoup.select.Evaluator MARKED_PUBLISHED = PageIndex.query(
            "[itemprop=datePublished][datetime], [itemprop=datePublished][content],"
            + " [property~=(?i)datePublished|dateCreated][content], time[pubdate][datetime],"
            + " time.published[datetime], time.entry-date[datetime]");
    /** What every element {@link #MARKED_PUBLISHED} matches has: a time tag, an itemprop or a property. */
    static final java.util.function.Predicate<Element> MAY_BE_MARKED_PUBLISHED =
            el -> el.normalName().equals("time") || el.hasAttr("itemprop") || el.hasAttr("property");
    private static final org.jsoup.select.Evaluator TAG_LINKS = PageIndex.query("a[rel~=(?i)\\btag\\b]");
    static final org.jsoup.select.Evaluator IMAGE_SRC_LINK = PageIndex.query("link[rel=image_src][href]");
    static final org.jsoup.select.Evaluator CANONICAL_LINK = PageIndex.query("link[rel=canonical][href]");
    private static final org.jsoup.select.Evaluator RUBY_TEXT = PageIndex.query("rt");
    private static final org.jsoup.select.Evaluator MARKED_HEADLINE = PageIndex.query("[itemprop=headline]");
    private static final org.jsoup.select.Evaluator IMG = PageIndex.query("img");
    private static final org.jsoup.select.Evaluator LINK_WITH_HREF = PageIndex.query("a[href]");
    private static final org.jsoup.select.Evaluator AUTHOR_LINKS = PageIndex.query(
            "a[rel~=(?i)\\bauthor\\b], link[rel~=(?i)\\bauthor\\b]");

    private static Element firstH1(PageIndex idx, String siteName) {
        for (Element article : idx.select(ArticleExtractor::isArticleHeadline, idx.marks())) {
            if (!isVisuallyHidden(article)) {
                return article;
            }
        }
        List<Element> all = idx.select(H1, idx.headings());
        for (Element h : all) {
            if (isHeadline(h, headlineText(h), siteName)) {
                return h;
            }
        }
        return all.isEmpty() ? null : all.get(0);
    }

    /**
     * Whether {@code el} matches "article h1, main h1, [itemprop=headline]": an h1 inside an article or main element (its ancestors read
     * once, not by two descendant evaluators), or an element with an itemprop the selector's own test finds "headline"
     * in; asked of every marked element.
     */
    static boolean isArticleHeadline(Element el) {
        if (el.normalName().equals("h1")) {
            for (Element a = el.parent(); a != null; a = a.parent()) {
                String tag = a.normalName();
                if (tag.equals("article") || tag.equals("main")) {
                    return true;
                }
            }
        }
        // the attribute's value as the selector compares it (an attribute test looks at the element alone)
        return el.hasAttr("itemprop") && MARKED_HEADLINE.matches(el, el);
    }

    private static final String[] HIDDEN_HINTS = {"sr-only", "sr-heading", "screen-reader", "visually-hidden", "visuallyhidden",
        "hide-accessible", "element-invisible", "aural", "offscreen", "a11y-hidden"};

    /** Whether a heading is there for screen readers only (its class says so, or an inline display:none). */
    static boolean isVisuallyHidden(Element h) {
        String ci = Hints.classAndId(h);
        if (!ci.isEmpty() && (containsAny(ci, HIDDEN_HINTS) || hasToken(ci, "hidden") || hasToken(ci, "invisible"))) {
            return true;
        }
        String style = h.attr("style");
        return !style.isEmpty() && style.replace(" ", "").toLowerCase(Locale.ROOT).contains("display:none");
    }

    /** Whether {@code word} is one of the space-separated tokens of {@code s}. */
    private static boolean hasToken(String s, String word) {
        for (int i = s.indexOf(word); i >= 0; i = s.indexOf(word, i + 1)) {
            boolean startOk = i == 0 || s.charAt(i - 1) == ' ';
            int end = i + word.length();
            if (startOk && (end == s.length() || s.charAt(end) == ' ')) {
                return true;
            }
        }
        return false;
    }

    /** Whether a heading is part of the page itself: not a link (a teaser), nor in a form or dialog (a login box). */
    private static boolean standsAlone(Element h) {
        for (Element e = h; e != null; e = e.parent()) {
            String tag = e.normalName();
            if (tag.equals("a") || tag.equals("form") || tag.equals("dialog") || e != h && isVisuallyHidden(e)) {
                return false;
            }
        }
        return true;
    }

    /** The visible h1 elements of the page (none for screen readers only). */
    private static int visibleH1Count(PageIndex idx) {
        int n = 0;
        for (Element h : idx.select(H1, idx.headings())) {
            if (!isVisuallyHidden(h)) {
                n++;
            }
        }
        return n;
    }

    /** An element's text without ruby annotations (the reading aids above East Asian characters). */
    private static String textWithoutRuby(Element e) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element el && (el.normalName().equals("rt") || el.normalName().equals("rp"))) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (node instanceof TextNode t) {
                    sb.append(t.text());
                }
                return FilterResult.CONTINUE;
            }
        }, e);
        return sb.toString();
    }

    /** The first h1-h3 whose text is the title, or null. */
    private static Element headingShowing(PageIndex idx, String title) {
        String wanted = ContentExtractor.normalize(title);
        if (wanted.isEmpty()) {
            return null;
        }
        int seen = 0;
        for (Element h : idx.select(H2_H3, idx.headings())) {
            if (++seen > 60) {
                break;
            }
            if (ContentExtractor.normalize(h.text()).equals(wanted)) {
                return h;
            }
        }
        return null;
    }

    private static final String[] KICKER_HINTS = {"kicker", "overline", "topline", "dachzeile", "roofline", "eyebrow",
        "spitzmarke", "supertitle", "super-title", "pretitle", "pre-title", "rubric", "headline-intro", "date", "time"};

    /** The h1's text without a kicker, date or label element inside it ("Analysis" in "Analysis: why bridges keep failing"). */
    static String headlineText(Element h1) {
        if (h1 == null) {
            return null;
        }
        String full = TextRenderer.collapse(h1.text()).trim();
        if (h1.childrenSize() == 0) {
            return full;
        }
        if (h1.selectFirst(RUBY_TEXT) != null) {
            return TextRenderer.collapse(textWithoutRuby(h1)).trim();
        }
        StringBuilder kept = new StringBuilder();
        boolean dropped = false;
        Element firstChild = null;
        for (Node n : h1.childNodes()) {
            if (n instanceof Element e) {
                firstChild = e;
                break;
            }
            if (n instanceof TextNode t && !t.isBlank()) {
                break;
            }
        }
        for (Node n : h1.childNodes()) {
            if (n instanceof Element e) {
                String ci = Hints.classAndId(e);
                boolean kickerBlock = e == firstChild && (e.normalName().equals("span") || e.normalName().equals("small")
                        || e.normalName().equals("strong") || e.normalName().equals("b")) && e.text().length() <= 40
                        && e.text().length() * 2 < full.length() && (e.isBlock() || !ci.isEmpty());
                if (e.normalName().equals("time") || !ci.isEmpty() && containsAny(ci, KICKER_HINTS) || kickerBlock) {
                    dropped = true;
                    continue;
                }
                kept.append(' ').append(e.text());
            } else if (n instanceof TextNode t) {
                kept.append(t.text());
            }
        }
        String rest = TextRenderer.collapse(kept.toString()).trim();
        while (!rest.isEmpty() && ":-–—|".indexOf(rest.charAt(0)) >= 0) {
            rest = rest.substring(1).trim();
        }
        return dropped && rest.length() >= 10 ? rest : full;
    }

    private static String title(Document doc, PageIndex idx, Meta meta, JsonNode art, String siteName, Element h1) {
        String h1Text = headlineText(h1);
        List<String> candidates = new ArrayList<>();
        if (art != null) {
            candidates.add(JsonLd.text(art.get("headline")));
        }
        candidates.add(meta.first("og:title", "dc.title", "dc:title", "dcterms.title", "twitter:title", "parsely-title",
                "sailthru.title"));
        if (art != null) {
            candidates.add(JsonLd.text(art.get("name")));
        }
        String pageTitle = doc.title(); // found by a walk of the head: asked once
        candidates.add(pageTitle);
        candidates.removeIf(c -> c == null || c.isBlank());
        // the first candidate that agrees with the page's own <title> or h1 (a JSON-LD "headline" is sometimes a tagline)
        String docTitle = ContentExtractor.normalize(pageTitle);
        String normH1 = ContentExtractor.normalize(h1Text);
        String raw = null;
        for (String c : candidates) {
            String n = ContentExtractor.normalize(c);
            if (!n.isEmpty() && (docTitle.contains(n) || n.contains(normH1) && !normH1.isEmpty() || normH1.contains(n) && !normH1.isEmpty())) {
                raw = c;
                break;
            }
        }
        if (raw == null && !candidates.isEmpty()) {
            raw = candidates.get(0);
        }
        if (raw == null || raw.isBlank()) {
            return h1Text == null ? "" : h1Text;
        }
        String cleaned = cleanTitle(Entities.unescape(TextRenderer.collapse(raw).trim()), siteName, h1Text);
        // the page's one visible h1 (or its one heading marked itemprop=headline), a headline of several words, is the
        // title even where the metadata says otherwise
        boolean onlyH1 = h1 != null && h1Text != null && spaceParts(h1Text) >= 3 && standsAlone(h1)
                && (h1.normalName().equals("h1") ? visibleH1Count(idx) == 1
                : h1.attr("itemprop").equals("headline") && idx.select(MARKED_HEADLINE, idx.marks()).size() == 1);
        boolean headline = isHeadline(h1, h1Text, siteName) && (onlyH1 || agreesWith(h1Text, candidates));
        boolean laterHeading = false; // a later heading took the first h1's place, and cleaned is for the first h1
        if (!headline && !candidates.isEmpty()) {
            // the first h1 is a section name ("News", "Detail"): a later h1 or an h2 that agrees with the metadata
            int seen = 0;
            for (Element h : idx.select(H1_H2, idx.headings())) {
                if (h == h1 || ++seen > 40) {
                    continue;
                }
                String text = headlineText(h);
                if (text != null && text.length() >= 10 && !text.endsWith(":") && isHeadline(h, text, siteName)
                        && agreesWith(text, candidates) && coversTitle(text, candidates)) {
                    h1 = h;
                    h1Text = text;
                    laterHeading = true;
                    headline = true; // a headline that agrees with the metadata
                    break;
                }
            }
        }
        if (headline) {
            String normH1Text = ContentExtractor.normalize(h1Text);
            for (String c : candidates) {
                // the title chosen above was cleaned for the same h1 already (unless a later heading took its place)
                String title1 = c == raw && !laterHeading ? cleaned
                        : cleanTitle(Entities.unescape(TextRenderer.collapse(c).trim()), siteName, h1Text);
                String n = ContentExtractor.normalize(title1);
                if (n.length() < normH1Text.length() && n.indexOf(' ') > 0 && spaceParts(n) >= 3
                        && normH1Text.contains(n)) {
                    return title1; // the h1 carries a kicker or a date beside the headline
                }
            }
            return LEADING_DATE.matcher(h1Text).replaceFirst(""); // what the reader sees above the article beats a title written for search engines
        }
        return h1WithinTitle(cleaned, h1Text) ? LEADING_DATE.matcher(h1Text).replaceFirst("") : cleaned;
    }

    /**
     * How many parts {@code s.split(" ")} gives, counted without building them: the spaces before the last character
     * that is not a space, plus one (trailing empty parts are dropped; a text of spaces only gives none, "" gives one).
     */
    static int spaceParts(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        if (end == 0) {
            return s.isEmpty() ? 1 : 0;
        }
        int parts = 1;
        for (int i = s.indexOf(' '); i >= 0 && i < end; i = s.indexOf(' ', i + 1)) {
            parts++;
        }
        return parts;
    }

    private static final String[] NOT_HEADLINE_HINTS = {"logo", "brand", "site-title", "sitetitle", "site-name", "sitename",
        "masthead", "header__title", "navbar"};

    /** Whether the page's h1 reads as the article's headline rather than the site's name or a logo. */
    static boolean isHeadline(Element h1, String h1Text, String siteName) {
        if (h1 == null || h1Text == null || h1Text.length() < 3 || h1Text.length() > 300 || isVisuallyHidden(h1)) {
            return false;
        }
        String n = ContentExtractor.normalize(h1Text);
        String site = ContentExtractor.normalize(siteName);
        if (n.isEmpty() || !site.isEmpty() && (n.equals(site) || site.contains(n))) {
            return false;
        }
        for (Element e = h1; e != null && !e.normalName().equals("body"); e = e.parent()) {
            String tag = e.normalName();
            if (Hints.isFurnitureTag(tag)) {
                return false;
            }
            String ci = Hints.classAndId(e);
            if (!ci.isEmpty() && containsAny(ci, NOT_HEADLINE_HINTS)) {
                return false;
            }
        }
        for (Element a : h1.getElementsByTag("a")) {
            if (isHomeLink(a.attr("href"), h1.baseUri())) {
                return false; // the site's name linking home
            }
        }
        return h1.selectFirst(IMG) == null || h1Text.length() >= 20;
    }

    private static boolean isHomeLink(String href, String base) {
        String h = href.trim();
        if (h.equals("/") || h.equals("./") || h.equals("index.html") || h.equals("#")) {
            return true;
        }
        String abs = HtmlSanitizer.safeUrl(h, base, false);
        if (abs == null) {
            return false;
        }
        try {
            java.net.URI u = java.net.URI.create(abs);
            String path = u.getPath();
            return u.getHost() != null && (path == null || path.isEmpty() || path.equals("/")) && u.getQuery() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether a heading holds at least 40% of the words of one of the metadata titles (not just a fragment of it). */
    static boolean coversTitle(String heading, List<String> titles) {
        java.util.Set<String> words = new java.util.HashSet<>(java.util.Arrays.asList(ContentExtractor.normalize(heading).split(" ")));
        for (String t : titles) {
            String[] tw = ContentExtractor.normalize(t).split(" ");
            int shared = 0;
            for (String w : tw) {
                if (words.contains(w)) {
                    shared++;
                }
            }
            if (tw.length > 0 && shared * 5 >= tw.length * 2) {
                return true;
            }
        }
        return false;
    }

    /** Whether a headline shares enough words with the page's metadata titles (or there are none to compare with). */
    static boolean agreesWith(String h1Text, List<String> titles) {
        java.util.Set<String> meta = new java.util.HashSet<>();
        for (String t : titles) {
            meta.addAll(java.util.Arrays.asList(ContentExtractor.normalize(t).split(" ")));
        }
        meta.remove("");
        if (meta.isEmpty()) {
            return true;
        }
        String[] words = ContentExtractor.normalize(h1Text).split(" ");
        int shared = 0;
        for (String w : words) {
            if (!w.isEmpty() && meta.contains(w)) {
                shared++;
            }
        }
        return shared * 2 >= words.length || shared >= 3;
    }

    /**
     * Whether the page's h1 is the title with a kicker or site name around it ("Topic: Headline",
     * "Headline › Site"): then the h1 alone is the headline. Short h1s (a section name) do not count.
     */
    static boolean h1WithinTitle(String title, String h1Text) {
        if (h1Text == null || h1Text.length() < 12 || h1Text.split("\\s+").length < 3) {
            return false;
        }
        String t = ContentExtractor.normalize(title);
        String h = ContentExtractor.normalize(h1Text);
        return !h.isEmpty() && t.length() > h.length() && t.contains(h) && h.length() * 5 >= t.length() * 2;
    }

    /** Drops " - Site Name" suffixes (and "Site Name | " prefixes). */
    /** A date before the headline: "23.01.2022 - ", "2022-01-23 | ". */
    private static final Pattern LEADING_DATE = Pattern.compile(
            "^(?:\\d{1,2}\\.\\d{1,2}\\.(?:19|20)\\d{2}|(?:19|20)\\d{2}-\\d{2}-\\d{2})\\s*[-–—|:·]\\s+(?=\\S)");

    static String cleanTitle(String title, String siteName, String h1) {
        String t = LEADING_DATE.matcher(title).replaceFirst("");
        while (t.length() > 1 && "|-–—·:/»".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1).trim(); // "About Jane |" with the site's name left empty
        }
        String normSite = ContentExtractor.normalize(siteName);
        String normH1 = ContentExtractor.normalize(h1);
        if (!normH1.isEmpty()) {
            for (String sep : TITLE_SEPARATORS) {
                for (int k = t.indexOf(sep); k > 0; k = t.indexOf(sep, k + 1)) {
                    if (ContentExtractor.normalize(t.substring(0, k)).equals(normH1)) {
                        return t.substring(0, k).trim();
                    }
                }
            }
        }
        for (String sep : TITLE_SEPARATORS) {
            int i = t.lastIndexOf(sep);
            if (i > 0) {
                String head = t.substring(0, i).trim();
                String tail = t.substring(i + sep.length()).trim();
                String normTail = ContentExtractor.normalize(tail);
                boolean clearSeparator = sep.equals(" | ") || sep.equals(" » ") || sep.equals(" :: ");
                if (clearSeparator && !normTail.isEmpty() && spaceParts(normTail) <= 5 && tail.length() < head.length()) {
                    return head; // "Headline | Some Site": a short tail behind a bar is the site's name
                }
                if (!normSite.isEmpty() && (normTail.equals(normSite) || normSite.contains(normTail) && !normTail.isEmpty())
                        || !normH1.isEmpty() && ContentExtractor.normalize(head).equals(normH1)) {
                    return head;
                }
            }
            int j = t.indexOf(sep);
            if (j > 0) {
                String head = t.substring(0, j).trim();
                String rest = t.substring(j + sep.length()).trim();
                if (!normSite.isEmpty() && ContentExtractor.normalize(head).equals(normSite) && !rest.isEmpty()) {
                    return rest;
                }
            }
        }
        return t;
    }

    // ---------------------------------------------------------------- dates

    private static Published published(Document doc, PageIndex idx, Meta meta, JsonLd ld, JsonNode art, Element h1) {
        Published structured = null;
        nodes:
        for (JsonNode node : new JsonNode[] {art, ld.firstOfType("webpage", "blogposting", "socialmediaposting", "review"),
            ld.firstWith("datePublished")}) {
            if (node == null || node != art && JsonLd.hasType(node, MEDIA_TYPES)) {
                continue; // a picture's or a video's own date is not the article's
            }
            for (String key : new String[] {"datePublished", "dateCreated", "uploadDate"}) {
                Published t = Published.of(JsonLd.text(node.get(key)));
                if (t != null) {
                    structured = t;
                    break nodes;
                }
            }
        }
        Published declared = declaredInMeta(meta);
        if (structured != null) {
            return orShownUpdate(declared == null || declared.day().equals(structured.day()) ? structured
                    : shownDecides(structured, declared, doc, idx, h1), doc, idx, h1);
        }
        if (declared != null) {
            return orShownUpdate(declared.raw().length() == 10 ? shownNear(declared, doc, idx, h1) : declared, doc, idx, h1);
        }
        return undeclared(doc, idx, meta, h1);
    }

    /**
     * A page that shows beside its headline only a later time of last change ("Updated May 6, 2019") presents that
     * day as its date: it replaces an earlier declared publication.
     */
    private static Published orShownUpdate(Published declared, Document doc, PageIndex idx, Element h1) {
        if (h1 == null) {
            return declared; // nothing is shown beside no headline (the date marks are not looked for)
        }
        Instant update = VisibleDates.shownUpdate(doc, h1, idx.dateMarks());
        if (update == null) {
            return declared;
        }
        java.time.LocalDate day = update.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
        return day.isAfter(declared.day()) ? new Published(update, day) : declared;
    }

    private static final java.util.Set<String> MEDIA_TYPES = java.util.Set.of("imageobject", "videoobject", "audioobject",
            "mediaobject");

    /** The first publication time of the page's meta tags, else null. */
    private static Published declaredInMeta(Meta meta) {
        for (String key : new String[] {"article:published_time", "og:article:published_time", "published_time",
            "og:published_time", "datepublished", "dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date",
            "dc.date.created", "date", "pubdate", "publishdate", "publish-date", "publish_date", "parsely-pub-date",
            "sailthru.date", "citation_publication_date", "article.published", "cxenseparse:recs:publishtime",
            "release_date"}) {
            for (String v : meta.all(key)) {
                Published t = Published.of(v);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    /**
     * Structured data and the meta tags declare different days: the one the page shows beside its headline is the
     * publication day (the other is often a first draft's, a media object's or a time converted to another zone).
     */
    private static Published shownDecides(Published structured, Published declared, Document doc, PageIndex idx, Element h1) {
        if (h1 == null) {
            return structured;
        }
        Instant shown = VisibleDates.written(doc, h1, idx.dateMarks());
        return shown != null && shown.atOffset(java.time.ZoneOffset.UTC).toLocalDate().equals(declared.day()) ? declared : structured;
    }

    /** The publication time of a page whose metadata declares none: a marked time, the URL, the dates it shows. */
    private static Published undeclared(Document doc, PageIndex idx, Meta meta, Element h1) {
        Element time = idx.selectFirst(MARKED_PUBLISHED, MAY_BE_MARKED_PUBLISHED, idx.marks());
        Instant inUrl = VisibleDates.fromUrl(doc.location());
        if (time != null) {
            Published t = Published.of(time.hasAttr("datetime") ? time.attr("datetime") : time.attr("content"));
            if (t != null && (inUrl == null || Math.abs(java.time.Duration.between(inUrl, t.at()).toDays()) <= 1)) {
                return t; // a marked time that contradicts the URL's date belongs to another article (a teaser list)
            }
        }
        Instant shown = inUrl;
        if (shown == null) {
            shown = VisibleDates.fromMarked(doc, h1, idx.dateMarks());
        }
        if (shown == null) {
            // a time of last change only when the page shows no date of its own: it may be much later than the article
            for (String key : new String[] {"og:updated_time", "article:modified_time"}) {
                Published t = Published.of(meta.first(key));
                if (t != null) {
                    return t;
                }
            }
            shown = VisibleDates.fromText(doc, h1, idx.dateMarks());
        }
        return shown == null ? null : new Published(shown, shown.atOffset(java.time.ZoneOffset.UTC).toLocalDate());
    }

    /**
     * A day declared without a time ("2021-04-03") is a CMS field of uncertain meaning: the date the page shows beside
     * its headline, when it is within two weeks of it and on another day, is the publication day.
     */
    private static Published shownNear(Published declared, Document doc, PageIndex idx, Element h1) {
        if (h1 == null) {
            return declared;
        }
        Instant shown = VisibleDates.fromMarked(doc, h1, idx.dateMarks());
        if (shown == null) {
            return declared;
        }
        java.time.LocalDate shownDay = shown.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
        long apart = Math.abs(java.time.temporal.ChronoUnit.DAYS.between(shownDay, declared.day()));
        return apart >= 1 && apart <= 14 ? new Published(shown, shownDay) : declared;
    }

    /**
     * The day shown near the headline when metadata gave a UTC time within four hours of midnight and the shown day
     * is one day off: the page wrote its local day, the metadata converted to UTC.
     */
    private static Published dayFromShown(Published when, Document doc, PageIndex idx, Element h1) {
        if (when == null || h1 == null) {
            return when;
        }
        int hour = when.at().atOffset(java.time.ZoneOffset.UTC).getHour();
        if (!when.utc() || hour > 3 && hour < 20) {
            return when;
        }
        Instant shown = VisibleDates.fromPage(doc, h1, false, idx.dateMarks());
        if (shown == null) {
            return when;
        }
        java.time.LocalDate shownDay = shown.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
        long apart = Math.abs(java.time.temporal.ChronoUnit.DAYS.between(shownDay, when.day()));
        return apart == 1 ? new Published(when.at(), shownDay) : when;
    }

    /**
     * The URL's date as the publication day when metadata put the instant one day off it: the URL was written
     * on the local day, the metadata time was often converted to UTC (never near noon UTC, when no zone is on
     * another day, nor when the time carries its local zone). The instant stays as the metadata gave it.
     */
    private static Published dayFromUrl(Published when, String url) {
        if (when == null || url == null) {
            return when;
        }
        int hour = when.at().atOffset(java.time.ZoneOffset.UTC).getHour();
        if (when.local() || hour >= 10 && hour < 13) {
            return when; // between 10:00 and 13:00 UTC every zone from UTC-10 to UTC+11 is on the same day
        }
        Instant shown = VisibleDates.fromUrl(url);
        if (shown == null) {
            return when;
        }
        java.time.LocalDate urlDay = shown.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
        long apart = Math.abs(java.time.temporal.ChronoUnit.DAYS.between(urlDay, when.day()));
        return apart == 1 ? new Published(when.at(), urlDay) : when;
    }

    /** A publication instant and the day it fell on where the page was written. */
    private record Published(Instant at, java.time.LocalDate day, boolean utc, boolean local, String raw) {
        Published(Instant at, java.time.LocalDate day) {
            this(at, day, false, false, "");
        }

        /** A time written with the offset of a zone other than UTC ("...T21:05:00-04:00"): its day is the local day. */
        private static final Pattern LOCAL_OFFSET = Pattern.compile("T[0-9:.]+[+-](?!00:?00$)[0-9]{2}:?[0-9]{2}$");

        static Published of(String raw) {
            Dates.Dated dated = Dates.parseDated(raw);
            if (dated == null) {
                return null;
            }
            Instant t = dated.at();
            java.time.LocalDate day = dated.day();
            String r = raw.trim();
            boolean utc = r.length() > 10 && (r.endsWith("Z") || r.endsWith("+00:00") || r.endsWith("+0000"));
            boolean local = !utc && r.length() > 10 && LOCAL_OFFSET.matcher(r).find();
            return new Published(t, day != null ? day : t.atOffset(java.time.ZoneOffset.UTC).toLocalDate(), utc, local, r);
        }
    }

    // ---------------------------------------------------------------- tags, images, urls, language

    private static List<String> tags(PageIndex idx, Meta meta, JsonNode art) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String t : meta.all("article:tag")) {
            addTag(tags, t);
        }
        if (art != null) {
            for (String t : JsonLd.strings(art.get("keywords"), true)) {
                addTag(tags, t);
            }
        }
        for (String t : meta.all("parsely-tags")) {
            for (String part : t.split(",")) {
                addTag(tags, part);
            }
        }
        for (Element a : idx.select(TAG_LINKS, relNaming(idx.rels(), "tag"))) {
            addTag(tags, a.text());
        }
        return new ArrayList<>(tags.values()).subList(0, Math.min(tags.size(), 30));
    }

    /**
     * The elements of {@code rels} whose rel attribute holds {@code word} (lower-case ASCII) in any case: all those a
     * query for a rel matching that word in any ASCII case ({@code [rel~=(?i)\bword\b]}) can match, found without a regex.
     */
    static List<Element> relNaming(List<Element> rels, String word) {
        List<Element> out = new ArrayList<>();
        for (Element el : rels) {
            if (containsIgnoringCase(el.attr("rel"), word)) {
                out.add(el);
            }
        }
        return out;
    }

    /** Whether {@code s} holds the lower-case ASCII {@code word} in any case (no lower-cased copy is made). */
    private static boolean containsIgnoringCase(String s, String word) {
        // a first letter that only itself and its capital match in any case ("author", "tag") is looked for before the
        // word: not i, k and s, which a non-ASCII letter matches too (dotted and dotless i, the Kelvin sign, the long s)
        char first = word.charAt(0);
        boolean byFirst = first >= 'a' && first <= 'z' && first != 'i' && first != 'k' && first != 's';
        for (int i = 0; i + word.length() <= s.length(); i++) {
            if ((!byFirst || (s.charAt(i) | 0x20) == first) && s.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    private static void addTag(Map<String, String> tags, String raw) {
        if (raw == null) {
            return;
        }
        String t = TextRenderer.collapse(raw).trim();
        if (t.startsWith("#")) {
            t = t.substring(1).trim();
        }
        if (t.isEmpty() || t.length() > 60) {
            return;
        }
        tags.putIfAbsent(t.toLowerCase(Locale.ROOT), t);
    }

    private static String leadImage(Document doc, PageIndex idx, Meta meta, JsonLd ld, JsonNode art) {
        List<String> candidates = new ArrayList<>();
        candidates.add(meta.first("og:image:secure_url", "og:image:url", "og:image"));
        candidates.add(meta.first("twitter:image", "twitter:image:src"));
        if (art != null) {
            candidates.add(ld.url(art.get("image")));
            candidates.add(JsonLd.text(art.get("thumbnailUrl")));
        }
        Element link = idx.selectFirst(IMAGE_SRC_LINK, MAY_BE_REL_LINK, idx.rels());
        if (link != null) {
            candidates.add(link.attr("href"));
        }
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                String abs = HtmlSanitizer.safeUrl(c, doc.baseUri(), false);
                if (abs != null) {
                    return abs;
                }
            }
        }
        return null;
    }

    private static String canonical(Document doc, PageIndex idx, Meta meta, JsonNode art, String pageUrl) {
        Element link = idx.selectFirst(CANONICAL_LINK, MAY_BE_REL_LINK, idx.rels());
        List<String> candidates = new ArrayList<>();
        if (link != null) {
            candidates.add(link.attr("href"));
        }
        candidates.add(meta.first("og:url"));
        if (art != null) {
            candidates.add(JsonLd.text(art.get("url")));
        }
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                String abs = HtmlSanitizer.safeUrl(c, doc.baseUri(), false);
                if (abs != null) {
                    return abs;
                }
            }
        }
        return pageUrl == null || pageUrl.isBlank() ? null : HtmlSanitizer.safeUrl(pageUrl, null, false);
    }

    private static String declaredLanguage(Document doc, Meta meta, JsonNode art) {
        // the root element the parser makes is the html element the query would find first
        Element html = doc.firstElementChild();
        if (html == null || !html.normalName().equals("html")) {
            html = doc.selectFirst(HTML);
        }
        List<String> candidates = new ArrayList<>();
        if (html != null) {
            candidates.add(html.attr("lang"));
            candidates.add(html.attr("xml:lang"));
        }
        if (art != null) {
            candidates.add(JsonLd.text(art.get("inLanguage")));
        }
        candidates.add(meta.first("content-language", "language", "dc.language", "og:locale"));
        for (String c : candidates) {
            String n = LanguageDetector.normalizeTag(c);
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    /** A cheap test every {@link #READING_TIME} or {@link #READING_TIME_LABEL_FIRST} match passes: a digit and a reading word. */
    static boolean mayStateReadingTime(String text) {
        if (!hasDigit(text)) {
            return false;
        }
        String l = text.toLowerCase(Locale.ROOT);
        return l.contains("lees") || l.contains("lez") || l.contains("read") || l.contains("lese") || l.contains("lect")
                || l.contains("leit") || l.contains("lett");
    }

    /**
     * Whether {@code text()} of the element may hold one of the reading words {@link #mayStateReadingTime} looks for,
     * read from its text nodes without building the text: {@code text()} joins them, collapsing white space and
     * dropping invisible characters (passed over here too: a few more matches do no harm), so a word it shows is
     * found here. False means {@code mayStateReadingTime(el.text())} is false.
     */
    static boolean mayNameReading(Element el) {
        // the last four characters read, lower-cased, newest in the low 16 bits
        long last = 0;
        for (Node node = el; node != null; node = ContentExtractor.nextNode(node, el)) {
            if (node instanceof TextNode t) {
                last = readReading(t.getWholeText(), last);
                if (last == READ_A_READING_WORD) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * As {@link #mayNameReading(Element)} for one text: false means {@code mayStateReadingTime(text)} is false (and
     * so is it for the text trimmed), told without the lower-cased copy that test makes.
     */
    static boolean mayNameReading(String text) {
        return readReading(text, 0) == READ_A_READING_WORD;
    }

    /** What {@link #readReading} answers once it has read a reading word (no four characters it keeps pack so). */
    private static final long READ_A_READING_WORD = Long.MIN_VALUE;

    /**
     * Reads a text on from the last four characters read before it ({@code last}, packed as {@link #READING_WORDS}
     * are): the last four after it, or {@link #READ_A_READING_WORD} as soon as they end a reading word.
     */
    private static long readReading(String s, long last) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 128 && Character.getType(c) == Character.FORMAT) {
                continue; // a soft hyphen, a zero-width space or joiner: text() leaves them out
            }
            // the words are ASCII: a character outside it matters only when it lower-cases into ASCII (the
            // dotted capital I and the Kelvin sign are the only two), any other breaks a word as its lower case would
            char lower = c < 128 ? c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c
                    : c == '\u0130' ? 'i' : c == '\u212A' ? 'k' : NOT_ASCII;
            last = last << 16 | lower;
            if (lower < 128 && READING_WORD_ENDS[lower]) {
                for (long word : READING_WORDS) {
                    if ((word >>> 48 == 0 ? last & 0xFFFF_FFFF_FFFFL : last) == word) {
                        return READ_A_READING_WORD;
                    }
                }
            }
        }
        return last;
    }

    /** What {@link #mayNameReading} keeps of a character that does not lower-case into ASCII: it is in no word. */
    private static final char NOT_ASCII = '\uFFFF';
    /**
     * The words {@link #mayStateReadingTime} looks for (three or four lower-case ASCII letters), and each packed as
     * {@link #mayNameReading} keeps its last characters.
     */
    private static final String[] READING_WORD_LIST = {"lees", "lez", "read", "lese", "lect", "leit", "lett"};
    private static final long[] READING_WORDS = new long[READING_WORD_LIST.length];
    /** The last characters of {@link #READING_WORD_LIST}: only after one of them can a word have been read. */
    private static final boolean[] READING_WORD_ENDS = new boolean[128];

    static {
        for (int w = 0; w < READING_WORD_LIST.length; w++) {
            String word = READING_WORD_LIST[w];
            long p = 0;
            for (int i = 0; i < word.length(); i++) {
                p = p << 16 | word.charAt(i);
            }
            READING_WORDS[w] = p;
            READING_WORD_ENDS[word.charAt(word.length() - 1)] = true;
        }
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A reading time the page states ("2 min. leestijd", "5 min read"), outside sidebars and teaser lists: looked for
     * in the index's {@link PageIndex#readingTexts} (the page not changed since the index was made), in page order.
     */
    private static Integer statedReadingTime(Meta meta, PageIndex idx) {
        for (int i = 1; i <= 4; i++) {
            String label = meta.first("twitter:label" + i);
            String data = meta.first("twitter:data" + i);
            if (label != null && data != null) {
                String l = label.toLowerCase(Locale.ROOT);
                if (l.contains("leestijd") || l.contains("reading time") || l.contains("lesezeit") || l.contains("lecture")
                        || l.contains("lectura") || l.contains("read time")) {
                    Integer n = leadingNumber(data);
                    if (n != null) {
                        return n;
                    }
                }
            }
        }
        List<TextNode> texts = idx.readingTexts();
        List<ContentExtractor.Stats> parents = idx.readingParents();
        java.util.Set<Element> readParents = null; // made when a first parent's text is read (on few pages)
        for (int k = 0, n = texts.size(); k < n; k++) {
            ContentExtractor.Stats ps = parents.get(k);
            if (!ps.digit) {
                // no digit in the parent's text, so none in this text either: no stated time
                continue;
            }
            TextNode t = texts.get(k);
            String s = t.getWholeText();
            String text;
            Element parent = t.parent();
            if (ps.text > 120) {
                if (!hasDigit(s) || !mayNameReading(s)) {
                    continue; // no stated time in the text (its test below, without trimming and lower-casing it)
                }
                text = s.trim();
            } else {
                if (parent.childNodeSize() == 1 && (!hasDigit(s) || !mayNameReading(s))) {
                    // the parent's text is this text, white space collapsed and invisible characters dropped (which
                    // mayNameReading passes over): no digit or no reading word there, no stated time
                    continue;
                }
                if (readParents == null) {
                    readParents = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                }
                if (!readParents.add(parent) || !mayNameReading(parent)) {
                    continue; // its text was read for an earlier text node, in vain, or it names no reading
                }
                text = parent.text();
            }
            if (!mayStateReadingTime(text)) {
                continue;
            }
            Matcher m = READING_TIME.matcher(text);
            Matcher m2 = READING_TIME_LABEL_FIRST.matcher(text);
            Integer found = null;
            if (m.find()) {
                found = Integer.parseInt(m.group(1));
            } else if (m2.find()) {
                found = Integer.parseInt(m2.group(1));
            }
            if (found != null && found >= 1 && found <= 300) {
                return found;
            }
        }
        return null;
    }

    /** Whether a lower-cased class or id (or both) names a part beside the article (sidebar, widget, related...). */
    static boolean offTopicName(String ci) {
        return !ci.isEmpty() && containsAny(ci, OFF_TOPIC_WORDS);
    }

    /** Whether an element's text is at most {@code max} chars, known from the precomputed statistics (no text() walk). */
    static boolean shortText(Map<Element, ContentExtractor.Stats> stats, Element el, int max) {
        ContentExtractor.Stats s = stats == null ? null : stats.get(el);
        return s != null ? s.text <= max : el.childNodeSize() <= 3 && el.text().length() <= max;
    }

    private static Integer leadingNumber(String s) {
        int i = 0;
        while (i < s.length() && !Character.isDigit(s.charAt(i))) {
            i++;
        }
        int j = i;
        while (j < s.length() && Character.isDigit(s.charAt(j)) && j - i < 4) {
            j++;
        }
        if (j == i) {
            return null;
        }
        int n = Integer.parseInt(s.substring(i, j));
        return n >= 1 && n <= 300 ? n : null;
    }

    // ---------------------------------------------------------------- authors

    /** Authors by lower-cased name, in order of discovery, merged across sources. */
    private static final class AuthorSet {
        private final LinkedHashMap<String, Author> byName = new LinkedHashMap<>();

        boolean isEmpty() {
            return byName.isEmpty();
        }

        void add(String name, String bio, String url, String avatar) {
            if (name == null) {
                return;
            }
            String n = TextRenderer.collapse(name).trim();
            if (n.isEmpty()) {
                return;
            }
            String key = ContentExtractor.normalize(n);
            Author old = byName.get(key);
            if (old == null) {
                byName.put(key, new Author(0, n, blankToNull(bio), blankToNull(url), blankToNull(avatar)));
            } else {
                byName.put(key, new Author(0, old.name(), old.bio() != null ? old.bio() : blankToNull(bio),
                        old.url() != null ? old.url() : blankToNull(url),
                        old.avatarUrl() != null ? old.avatarUrl() : blankToNull(avatar)));
            }
        }

        /** Adds details to an author already known; ignores unknown names. */
        boolean enrich(String name, String bio, String url, String avatar) {
            if (name == null || !byName.containsKey(ContentExtractor.normalize(name))) {
                return false;
            }
            add(name, bio, url, avatar);
            return true;
        }

        List<Author> list() {
            return new ArrayList<>(byName.values());
        }

        /** Removes and returns the authors matching {@code test}. */
        List<Author> removeIf(java.util.function.Predicate<Author> test) {
            List<Author> removed = new ArrayList<>();
            byName.values().removeIf(a -> {
                if (test.test(a)) {
                    removed.add(a);
                    return true;
                }
                return false;
            });
            return removed;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static List<Author> authors(Document doc, List<Element> live, PageIndex idx, Meta meta, JsonLd ld, JsonNode art, String siteName,
                                        List<AuthorBoxes.Box> boxes, Map<Element, ContentExtractor.Stats> stats, Element h1) {
        String base = doc.baseUri();
        String normSite = ContentExtractor.normalize(siteName);
        AuthorSet set = new AuthorSet();

        // 1. JSON-LD persons
        List<JsonNode> ldAuthors = new ArrayList<>();
        JsonNode credited = art != null ? art : ld.firstOfType("webpage");
        if (credited != null && credited.get("author") == null && credited.get("creator") == null && art != null) {
            credited = ld.firstOfType("webpage"); // Yoast puts the author on the WebPage node
        }
        if (credited != null) {
            for (String field : new String[] {"author", "creator"}) {
                JsonNode a = credited.get(field);
                if (a != null && a.isArray()) {
                    a.forEach(ldAuthors::add);
                } else if (a != null) {
                    ldAuthors.add(a);
                }
                if (!ldAuthors.isEmpty()) {
                    break;
                }
            }
        }
        List<JsonNode> orgs = new ArrayList<>();
        for (JsonNode a : ldAuthors) {
            JsonNode p = ld.resolve(a);
            if (p == null) {
                continue;
            }
            if (p.isTextual()) {
                for (String n : Bylines.names(p.asText())) {
                    set.add(n, null, null, null);
                }
                continue;
            }
            if (JsonLd.hasType(p, java.util.Set.of("organization", "newsmediaorganization", "corporation"))) {
                orgs.add(p);
                continue;
            }
            addPerson(set, ld, p, base);
        }
        String hostKey = hostKey(doc.location());
        if (credited != null && !set.isEmpty()) {
            addCoAuthors(set, ld, credited.get("creator"), normSite, hostKey);
        }
        // 1b. microdata: an itemprop=author element (its itemprop=name, else its text) outside comments and teaser lists
        if (set.isEmpty()) {
            microdataAuthors(set, idx, base);
        }
        // 2. meta tags
        if (set.isEmpty()) {
            for (String key : new String[] {"dc.creator", "dc:creator", "dcterms.creator", "author", "article:author", "parsely-author",
                "sailthru.author", "byl", "citation_author", "twitter:data1"}) {
                for (String v : meta.all(key)) {
                    if (key.equals("twitter:data1") && !isWrittenByLabel(meta.first("twitter:label1"))) {
                        continue;
                    }
                    if (v.startsWith("http")) {
                        continue;
                    }
                    for (String n : Bylines.names(v)) {
                        if (!ContentExtractor.normalize(n).equals(normSite)) {
                            set.add(n, null, null, null);
                        }
                    }
                }
                if (!set.isEmpty()) {
                    break;
                }
            }
        }
        // 2b. metadata credits the desk ("Redaktion"): the agency credit the report closes with ("(XY mit dpa)") names its source
        List<Author> declared = set.list();
        if (declared.size() == 1 && Bylines.isDeskCredit(declared.get(0).name())) {
            String agency = closingAgencyCredit(live);
            if (agency != null) {
                set.removeIf(x -> true);
                set.add(agency, null, null, null);
            }
        }
        // names that look like the site itself or a user handle only count when the page shows no better byline
        List<Author> weak = set.removeIf(a -> isWeakName(a.name(), normSite, hostKey));
        // 3. rel=author links and byline elements (outside sidebars and boxes)
        for (Element a : idx.select(AUTHOR_LINKS, relNaming(idx.rels(), "author"))) {
            if (Hints.inBoilerplate(a) || insideBox(a, boxes)) {
                continue;
            }
            String url = HtmlSanitizer.safeUrl(a.attr("href"), base, false);
            String text = a.normalName().equals("link") ? "" : a.text();
            if (!Bylines.looksLikeName(text)) {
                continue;
            }
            for (String n : Bylines.names(text)) {
                if (!set.enrich(n, null, url, null) && set.isEmpty()) {
                    set.add(n, null, url, null);
                }
            }
        }
        Element near = null;
        boolean nearDone = false;
        if (set.isEmpty()) {
            NearByline found = bylineNearTitle(live, idx, stats, h1, boxes);
            Element el = element(found);
            near = el;
            nearDone = true;
            if (el != null) {
                Element link = el.normalName().equals("a") ? el : el.selectFirst(LINK_WITH_HREF);
                String url = link == null ? null : HtmlSanitizer.safeUrl(link.attr("href"), base, false);
                for (String n : found.names()) {
                    if (!isWeakName(n, normSite, hostKey)) {
                        set.add(n, null, url, null);
                    } else {
                        weak.add(new Author(0, n, null, url, null)); // a blog whose author is its name
                    }
                }
            }
        }
        // 3b. metadata gave a first name only ("Nils"): the byline shown near the headline has the full name
        List<Author> known = set.list();
        if (known.size() == 1 && known.get(0).name().indexOf(' ') < 0) {
            Element el = nearDone ? near : element(bylineNearTitle(live, idx, stats, h1, boxes));
            String first = known.get(0).name().toLowerCase(Locale.ROOT) + " ";
            if (el != null) {
                for (String n : Bylines.names(el.text())) {
                    if (n.toLowerCase(Locale.ROOT).startsWith(first)) {
                        Author a = known.get(0);
                        set.removeIf(x -> true);
                        set.add(n, a.bio(), a.url(), a.avatarUrl());
                        break;
                    }
                }
            }
        }
        // 4. a "By Jane Doe" line anywhere in the page's text
        if (set.isEmpty()) {
            TextByline found = bylineFromText(doc, stats);
            if (found != null) {
                // the name read from an element ("Par <span><a href=/auteur/x>Jane Doe</a></span>"): a link naming them is their page
                Element link = found.holder() == null ? null
                        : found.holder().normalName().equals("a") ? found.holder() : found.holder().selectFirst(LINK_WITH_HREF);
                String url = link == null || !ContentExtractor.normalize(link.text()).contains(ContentExtractor.normalize(found.name()))
                        ? null : HtmlSanitizer.safeUrl(link.attr("href"), base, false);
                set.add(found.name(), null, url, null);
            }
        }
        // 5. the author box: bio, avatar, page link; or the only name we have
        for (AuthorBoxes.Box box : boxes) {
            boolean matched = box.name() != null && set.enrich(box.name(), box.bio(), box.url(), box.avatarUrl());
            if (!matched) {
                List<Author> list = set.list();
                if (list.size() == 1 && (box.name() == null || !Hints.inBoilerplate(box.element()))) {
                    set.enrich(list.get(0).name(), box.bio(), box.url(), box.avatarUrl());
                } else if (list.isEmpty() && box.name() != null) {
                    set.add(box.name(), box.bio(), box.url(), box.avatarUrl());
                }
            }
        }
        // a first name whose bio starts with the full name ("Stefanus" / "Stefanus Stahl - Maschinenbauer, ...")
        List<Author> named = set.list();
        if (named.size() == 1 && named.get(0).name().indexOf(' ') < 0 && named.get(0).bio() != null) {
            Author a = named.get(0);
            // the regex reads the name literally at the bio's start: without it there, no compile is needed
            Matcher full = !a.bio().startsWith(a.name()) ? null : Pattern.compile("^" + Pattern.quote(a.name()) + "\\s+(\\p{Lu}[\\p{L}'’\\-]{2,})(?=[\\s,.:;–\\-]|$)")
                    .matcher(a.bio());
            if (full != null && full.find()) {
                set.removeIf(x -> true);
                set.add(a.name() + " " + full.group(1), a.bio(), a.url(), a.avatarUrl());
            }
        }
        if (set.isEmpty() && !weak.isEmpty()) {
            // a user handle ("jane.doe") stands for the full name the page writes somewhere ("Jane Q. Doe")
            String text = null;
            for (Author a : weak) {
                String full = null;
                if (Bylines.isHandle(a.name())) {
                    text = text != null ? text : doc.body().text();
                    full = Bylines.expandHandle(a.name(), text);
                }
                set.add(full != null ? full : a.name(), a.bio(), a.url(), a.avatarUrl());
            }
        }
        if (set.isEmpty()) {
            // nobody named: a news agency's credit, or the CMS account that submitted the page
            set.add(uncreditedByline(live, idx.classIds(live)), null, null, null);
        }
        if (set.isEmpty()) {
            // nobody credited above the article: the italic note on its author that closes it
            for (String n : closingNote(live, stats)) {
                set.add(n, null, null, null);
            }
        }
        if (set.isEmpty()) {
            for (JsonNode org : orgs) {
                set.add(JsonLd.text(org.get("name")), null, ld.url(org.get("url")), null);
            }
        }
        if (set.isEmpty()) {
            // nobody credited: the name the blog's author signs their replies with under the post (not a site-like name)
            String replier = postAuthorReply(live, idx.classIds(live));
            if (replier != null && !isWeakName(replier, normSite, hostKey)) {
                set.add(replier, null, null, null);
            }
        }
        if (set.isEmpty()) {
            // nobody credited: the holder of the page's copyright (a blog's owner, a company's press page)
            set.add(copyrightHolder(meta, live), null, null, null);
        }
        return set.list();
    }

    /**
     * The co-authors of a JSON-LD article whose "author" holds the first writer only while its "creator" list names
     * them all: when that list names every author found and more, the others are added in its order.
     */
    /** Words of a creator that is a picture service or a desk, not a writer ("Getty Images", "CoinDesk Staff"). */
    private static final Pattern NOT_A_WRITER = Pattern.compile(
            "(?i)(?<![\\p{L}])(?:images|photos?|pictures|stock|staff|desk|team|agency|press)(?![\\p{L}])");

    private static void addCoAuthors(AuthorSet set, JsonLd ld, JsonNode creators, String normSite, String hostKey) {
        if (creators == null || !creators.isArray() || creators.size() <= set.list().size() || creators.size() > 8) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode c : creators) {
            JsonNode r = ld.resolve(c);
            String name = r == null ? null : r.isTextual() ? r.asText().trim() : JsonLd.text(r.get("name"));
            if (name == null || !Bylines.looksLikeName(name) || Bylines.agencyCredit(name) != null
                    || Bylines.isDeskCredit(name) || isWeakName(name, normSite, hostKey) || NOT_A_WRITER.matcher(name).find()) {
                return; // "Getty Images", "Newsroom", the site itself: not a list of writers
            }
            names.add(name);
        }
        for (Author a : set.list()) {
            if (names.stream().noneMatch(n -> n.equalsIgnoreCase(a.name()))) {
                return; // another list than the authors'
            }
        }
        for (String n : names) {
            if (set.list().stream().noneMatch(a -> a.name().equalsIgnoreCase(n))) {
                set.add(n, null, null, null);
            }
        }
    }

    static final org.jsoup.select.Evaluator MICRODATA_AUTHOR = PageIndex.query("[itemprop~=(?i)^(author|creator)$]");
    private static final org.jsoup.select.Evaluator MICRODATA_NAME = PageIndex.query("[itemprop=name]");

    /** Authors marked with microdata, when at most three (more is a list of articles, each with its author). */
    private static void microdataAuthors(AuthorSet set, PageIndex idx, String base) {
        List<Element> found = new ArrayList<>();
        for (Element el : idx.select(MICRODATA_AUTHOR, MAY_BE_MICRODATA_AUTHOR, idx.marks())) {
            if (!el.normalName().equals("meta") && !el.normalName().equals("link") && !inFurniture(el)) {
                found.add(el);
            }
        }
        if (found.isEmpty() || found.size() > 3) {
            return;
        }
        for (Element el : found) {
            Element nameEl = el.selectFirst(MICRODATA_NAME);
            String name = nameEl == null ? el.text() : nameEl.hasAttr("content") ? nameEl.attr("content") : nameEl.text();
            if (name.length() > 80 || !Bylines.looksLikeName(name)) {
                continue;
            }
            Element link = el.normalName().equals("a") ? el : el.selectFirst(LINK_WITH_HREF);
            String url = link == null ? null : HtmlSanitizer.safeUrl(link.attr("href"), base, false);
            for (String n : Bylines.names(name)) {
                set.add(n, null, url, null);
            }
        }
    }

    /**
     * Whether an element sits in the page's navigation, comments or teaser lists, or in the page's own footer (the
     * footer of an article, where bylines often are, does not count).
     */
    private static boolean inFurniture(Element el) {
        boolean footer = false;
        for (Element e = el; e != null; e = e.parent()) {
            String tag = e.normalName();
            if (tag.equals("body") || tag.equals("html")) {
                return footer;
            }
            if (tag.equals("article") || tag.equals("main")) {
                footer = false;
            } else if (tag.equals("footer")) {
                footer = true;
            } else if (tag.equals("nav")) {
                return true;
            }
            String ci = Hints.classAndId(e);
            if (!ci.isEmpty() && containsAny(ci, TEASER_HINTS)) {
                return true;
            }
        }
        return footer;
    }

    private static final int CREDIT_SCAN_PARAGRAPHS = 400;
    private static final org.jsoup.select.Evaluator FIGURE_OR_CAPTION = PageIndex.query("figure, figcaption");
    private static final org.jsoup.select.Evaluator HTML = PageIndex.query("html");

    /**
     * The credit of a page that names no person: a news agency's credit in an element marked as a credit
     * ("<p class=credit>AFP</p>") or in a paragraph's dateline ("Hamburg (dpa/lno) – ...", a closing "(dpa)"),
     * else the account of a CMS submission line ("Submitted by jdoe on ..."). Null when there is none.
     */
    private static String uncreditedByline(List<Element> live, ClassIds names) {
        int paragraphs = 0;
        String account = null;
        for (int k = 0; k < live.size(); k++) {
            Element el = live.get(k);
            String name = el.normalName();
            if (name.equals("p") && paragraphs++ < CREDIT_SCAN_PARAGRAPHS && textHas(el, '(')
                    && mayShowCredit(el)) {
                String credit = Bylines.datelineCredit(el.text());
                if (credit != null && !Hints.inBoilerplate(el)) {
                    return credit;
                }
            }
            if (names.className(k).contains("credit")
                    && el.closest(FIGURE_OR_CAPTION) == null) {
                String credit = Bylines.agencyCredit(el.text());
                if (credit != null && !Hints.inBoilerplate(el)) {
                    return credit;
                }
            }
            if (account == null) {
                for (int i = 0, n = el.childNodeSize(); i < n; i++) {
                    if (el.childNode(i) instanceof TextNode t && Bylines.mayHoldCmsLine(t.getWholeText())) {
                        account = Bylines.cmsAccount(el.text());
                        break;
                    }
                }
            }
        }
        return account;
    }

    /**
     * Whether a paragraph's text may show an agency credit as {@link Bylines#datelineCredit} reads one, told from its
     * text nodes without building the text: it holds a '(' and either fewer than {@link Bylines#DATELINE_HEAD}
     * characters the text certainly shows come before the first one (so it may open a dateline), or the last
     * character the text may end with is ')' (so it may close with a credit). A long paragraph with a '(' in its
     * middle, the common case, is ruled out.
     */
    static boolean mayShowCredit(Element p) {
        int shown = 0; // characters text() shows before the first '(' (none dropped, none made a space)
        boolean paren = false;
        char last = 0;
        Node node = p;
        while (node != null) {
            if (node instanceof TextNode t) {
                String s = t.getWholeText();
                if (!paren) {
                    int at = s.indexOf('(');
                    // the characters before it are counted only as far as the head reaches
                    for (int i = 0, upTo = at < 0 ? s.length() : at; i < upTo && shown < Bylines.DATELINE_HEAD; i++) {
                        if (alwaysShown(s.charAt(i))) {
                            shown++;
                        }
                    }
                    if (at >= 0) {
                        if (shown < Bylines.DATELINE_HEAD) {
                            return true;
                        }
                        paren = true;
                    }
                }
                for (int i = s.length() - 1; i >= 0; i--) {
                    char c = s.charAt(i);
                    // a line terminator may follow the end a regex '$' reads
                    if (alwaysShown(c) && c != '\u0085' && c != '\u2028' && c != '\u2029') {
                        last = c;
                        break;
                    }
                }
            }
            node = nextInWalk(node, p, true);
        }
        return paren && last == ')';
    }

    /** Whether text() shows a character of a text node as it is: not white space it collapses or trims, not one it drops. */
    static boolean alwaysShown(char c) {
        return c > ' ' && c != '\u00A0' && c != '\u200B' && c != '\u00AD';
    }

    private static final org.jsoup.select.Evaluator COMMENTER_NAME = PageIndex.query(".fn");

    /**
     * The name on the first comment the post's own author wrote (a blog marks it "bypostauthor"), read from its
     * "fn" (the commenter's display name); null when there is none.
     */
    private static String postAuthorReply(List<Element> live, ClassIds names) {
        for (int k = 0; k < live.size(); k++) {
            if (!names.className(k).contains("bypostauthor")) {
                continue;
            }
            Element fn = live.get(k).selectFirst(COMMENTER_NAME);
            List<String> found = fn == null ? List.of() : Bylines.names(fn.text());
            return found.size() == 1 ? found.get(0) : null;
        }
        return null;
    }

    /** The shortest paragraph whose closing agency credit names the report's source. */
    private static final int CLOSING_CREDIT_PARAGRAPH = 80;

    /** The first agency credit that closes a paragraph outside page furniture, teasers and navigation, else null. */
    private static String closingAgencyCredit(List<Element> live) {
        for (Element el : live) {
            if (el.normalName().equals("p") && textHas(el, '(')) {
                String text = el.text();
                if (text.length() < CLOSING_CREDIT_PARAGRAPH) {
                    continue; // "Lesen Sie auch: ... (AFP)": a teaser line, not the paragraph that closes a report
                }
                String credit = Bylines.closingCredit(text);
                if (credit != null && !Hints.inBoilerplate(el) && !inTeaserOrNav(el)) {
                    return credit;
                }
            }
        }
        return null;
    }

    /** Whether a text node inside the element holds the character (a test before building the element's text). */
    private static boolean textHas(Element el, char c) {
        for (int i = 0, n = el.childNodeSize(); i < n; i++) {
            Node child = el.childNode(i);
            if (child instanceof TextNode t ? t.getWholeText().indexOf(c) >= 0 : child instanceof Element e && textHas(e, c)) {
                return true;
            }
        }
        return false;
    }

    /** The length (chars) an italic author note may have. */
    private static final int NOTE_MIN = 25;
    private static final int NOTE_MAX = 400;

    /**
     * The people named by an author note in italics ("<em>Jane Doe is a professor of ...</em>") that stands as a
     * block of its own (a paragraph, or a line after a break) outside navigation and teaser lists; the first such note
     * in the page. Empty when there is none.
     */
    private static List<String> closingNote(List<Element> live, Map<Element, ContentExtractor.Stats> stats) {
        for (Element el : live) {
            String tag = el.normalName();
            if (!tag.equals("em") && !tag.equals("i")) {
                continue;
            }
            ContentExtractor.Stats s = stats.get(el);
            if (s == null || s.text < NOTE_MIN || s.text > NOTE_MAX || !standsAsBlock(el)) {
                continue;
            }
            List<String> names = Bylines.bioSubjects(TextRenderer.collapse(el.text()));
            if (!names.isEmpty() && !Hints.inBoilerplate(el) && !inTeaserOrNav(el)) {
                return names;
            }
        }
        return List.of();
    }

    /**
     * Whether an inline element is a block of its own: no text beside it in its parent (a lone child of a bold or a
     * paragraph), or text only before it up to a line break.
     */
    private static boolean standsAsBlock(Element el) {
        for (Node n = el.nextSibling(); n != null; n = n.nextSibling()) {
            if (n instanceof TextNode t && !t.isBlank()) {
                return false;
            }
        }
        for (Node n = el.previousSibling(); n != null; n = n.previousSibling()) {
            if (n instanceof TextNode t && !t.isBlank()) {
                return false;
            }
            if (n instanceof Element e) {
                return e.normalName().equals("br") || e.isBlock();
            }
        }
        return true;
    }

    static final Pattern COPYRIGHT_HINT = Pattern.compile("©|\\([cC]\\)|(?i:copyright)");
    private static final int COPYRIGHT_SCAN_ELEMENTS = 400;

    /**
     * A cheap test every {@link #COPYRIGHT_HINT} match passes: a "©", a "(c)" or "(C)", or "copyright" in any case
     * (found from its 'y': the regex reads ASCII letters case-blind only, so the 'y' is one of two characters that
     * the JDK's search finds fast, where a test of every character was the cost).
     */
    static boolean mayHoldCopyright(String s) {
        if (s.indexOf('©') >= 0) {
            return true;
        }
        for (int i = s.indexOf('('); i >= 0 && i + 2 < s.length(); i = s.indexOf('(', i + 1)) {
            if ((s.charAt(i + 1) | 0x20) == 'c' && s.charAt(i + 2) == ')') {
                return true;
            }
        }
        return copyrightAround(s, 'y') || copyrightAround(s, 'Y');
    }

    /** Whether "copyright" (in any case) has its 'y' at one of the places {@code y} stands in the text. */
    private static boolean copyrightAround(String s, char y) {
        for (int i = s.indexOf(y, 3); i >= 0; i = s.indexOf(y, i + 1)) {
            if (s.regionMatches(true, i - 3, "copyright", 0, 9)) {
                return true;
            }
        }
        return false;
    }

    /** The copyright holder named in the page's copyright meta tag, else in a copyright line near the page's end. */
    private static String copyrightHolder(Meta meta, List<Element> live) {
        String declared = Bylines.copyrightHolder(meta.first("copyright", "dc.rights", "dcterms.rights"));
        if (declared != null) {
            return declared;
        }
        int seen = 0;
        for (int i = live.size() - 1; i >= 0 && seen++ < COPYRIGHT_SCAN_ELEMENTS; i--) {
            Element el = live.get(i);
            for (int k = 0, n = el.childNodeSize(); k < n; k++) {
                if (!(el.childNode(k) instanceof TextNode t)) {
                    continue;
                }
                String s = t.getWholeText();
                if (s.length() <= 300 && mayHoldCopyright(s) && COPYRIGHT_HINT.matcher(s).find()) {
                    String holder = Bylines.copyrightHolder(el.text());
                    return holder != null ? holder : Bylines.copyrightHolder(s);
                }
            }
        }
        return null;
    }

    /** The distinctive part of a page's host: "www.example-news.de" → "example-news". Empty when unknown. */
    static String hostKey(String url) {
        if (url == null) {
            return "";
        }
        try {
            String u = url.trim().replace(" ", "%20");
            String host = plainHttpHost(u);
            if (host == null) {
                host = java.net.URI.create(u).getHost();
            }
            if (host == null) {
                return "";
            }
            String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
            return labels.length >= 2 ? labels[labels.length - Hosts.registrableLabels(labels)] : labels[0];
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /**
     * The host of a plain http or https URL ("https://www.example.com:8080/a/b?c=d#e"), read as {@code URI.getHost()}
     * reads it without the URI parser (the page's URL, asked for on every page, is nearly always this plain); null when
     * the URL is not that plain: another scheme, user info, a host that is not a plain host name (an address, an
     * underscore, an empty label), or a character the parser may refuse or read otherwise (non-ASCII, a bracket, a bad
     * escape, a second '#'). The parser then decides.
     */
    static String plainHttpHost(String u) {
        int start = u.startsWith("https://") ? 8 : u.startsWith("http://") ? 7 : -1;
        if (start < 0) {
            return null;
        }
        int n = u.length();
        int end = start;
        while (end < n && u.charAt(end) != '/' && u.charAt(end) != '?' && u.charAt(end) != '#') {
            end++;
        }
        int hostEnd = u.indexOf(':', start);
        if (hostEnd < 0 || hostEnd > end) {
            hostEnd = end;
        } else if (end - hostEnd - 1 > 5) {
            return null; // a port of more digits than any port has: the parser judges it
        } else {
            for (int i = hostEnd + 1; i < end; i++) {
                if (u.charAt(i) < '0' || u.charAt(i) > '9') {
                    return null;
                }
            }
        }
        // labels of ASCII letters, digits and inner hyphens; the last starts with a letter (so it is no IPv4 address)
        int label = start;
        for (int i = start; i <= hostEnd; i++) {
            char c = i < hostEnd ? u.charAt(i) : '.';
            if (c == '.') {
                if (i == label || u.charAt(label) == '-' || u.charAt(i - 1) == '-') {
                    return null;
                }
                if (i == hostEnd && !isAsciiLetter(u.charAt(label))) {
                    return null;
                }
                label = i + 1;
            } else if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '-') {
                return null;
            }
        }
        boolean fragment = false;
        for (int i = end; i < n; i++) {
            char c = u.charAt(i);
            if (isAsciiLetter(c) || c >= '0' && c <= '9' || "-_.!~*'();/?:@&=+$,".indexOf(c) >= 0) {
                continue;
            }
            if (c == '%' && i + 2 < n && isHexDigit(u.charAt(i + 1)) && isHexDigit(u.charAt(i + 2))) {
                i += 2;
            } else if (c == '#' && !fragment) {
                fragment = true;
            } else {
                return null;
            }
        }
        return u.substring(start, hostEnd);
    }

    static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static String compact(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    /** A name that is the site itself ("The Daily Example" on dailyexample.com, "EXAMPLE.de") or a user handle ("jane.doe", "jdoe_42"). */
    static boolean isWeakName(String name, String normSite, String hostKey) {
        if (name == null) {
            return true;
        }
        String n = name.trim();
        if (n.indexOf(' ') < 0 && (n.indexOf('.') > 0 || n.indexOf('_') > 0 || Bylines.isHandle(n))) {
            return true;
        }
        String c = compact(n);
        if (c.isEmpty()) {
            return true;
        }
        String site = compact(normSite == null ? "" : normSite);
        if (!site.isEmpty() && (c.equals(site) || site.length() >= 4 && c.contains(site) || c.length() >= 4 && site.contains(c))) {
            return true;
        }
        String host = compact(hostKey);
        if (host.isEmpty()) {
            return false;
        }
        if (c.equals(host) || host.length() >= 5 && c.contains(host) || c.length() >= 5 && host.contains(c)) {
            return true;
        }
        for (String label : hostKey.split("-")) {
            if (label.length() >= 2 && c.equals(label)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] TEASER_HINTS = {"teaser", "related", "popular", "recommend", "comment", "slider", "carousel",
        "most-read", "mostread", "meest-gelezen", "more-stories", "morestories", "latest", "trending"};

    /** Whether an element sits in a teaser list, comments, navigation or the footer (an aside alone does not count). */
    private static boolean inTeaserOrNav(Element el) {
        for (Element e = el; e != null; e = e.parent()) {
            String tag = e.normalName();
            if (tag.equals("body") || tag.equals("html")) {
                return false;
            }
            if (tag.equals("nav") || tag.equals("footer")) {
                return true;
            }
            String s = Hints.classAndId(e);
            if (!s.isEmpty() && containsAny(s, TEASER_HINTS)) {
                return true;
            }
        }
        return false;
    }

    /** The byline element nearest the headline, with the names its name text gave (read once, for the choice and the authors). */
    private record NearByline(Element element, List<String> names) {
    }

    private static Element element(NearByline found) {
        return found == null ? null : found.element();
    }

    /**
     * The byline element nearest the headline: elements marked as author or byline that read like a name, not in
     * teaser lists, comments, navigation or author boxes; a kind of element that repeats (the bylines of a teaser list)
     * only when nothing else is found.
     */
    private static NearByline bylineNearTitle(List<Element> live, PageIndex idx, Map<Element, ContentExtractor.Stats> stats,
                                           Element h1, List<AuthorBoxes.Box> boxes) {
        List<Element> candidates = bylineMarked(live, idx);
        Map<String, Integer> kinds = new HashMap<>();
        String[] kindOf = new String[candidates.size()]; // each candidate's kind, made once
        for (int c = 0; c < kindOf.length; c++) {
            Element el = candidates.get(c);
            kindOf[c] = el.normalName() + "." + el.className();
            kinds.merge(kindOf[c], 1, Integer::sum);
        }
        ContentExtractor.Stats title = h1 == null ? null : stats.get(h1);
        // the best is the candidate that reads like a name at the lowest cost, the first in page order among equals:
        // the candidates are tried cheapest first (by cost, then page order), so the search stops at the first cost
        // that can no longer win instead of reading the names of all those nearer the page's start
        int n = kindOf.length;
        long[] byCost = new long[n];
        for (int c = 0; c < n; c++) {
            ContentExtractor.Stats s = stats.get(candidates.get(c));
            long cost = s == null ? 100_000 : title == null ? s.order : s.order >= title.order
                    ? s.order - title.order : 3L * (title.order - s.order);
            if (kinds.get(kindOf[c]) >= 3) {
                cost += 50_000;
            }
            byCost[c] = cost * n + c;
        }
        java.util.Arrays.sort(byCost);
        int best = -1;
        long bestCost = Long.MAX_VALUE;
        List<String> bestNames = null;
        for (long key : byCost) {
            long cost = key / n;
            int c = (int) (key % n);
            if (cost > bestCost || cost == bestCost && c > best) {
                break; // this candidate and all after it cost more than the best, or as much and come later
            }
            Element el = candidates.get(c);
            if (!shortText(stats, el, 120) || insideBox(el, boxes)) {
                continue;
            }
            if (Hints.inBoilerplate(el)) {
                cost += 2_000;
                if (cost > bestCost || cost == bestCost && c > best) {
                    continue;
                }
            }
            Element nameEl = el.selectFirst(MICRODATA_NAME);
            String text = nameEl != null ? nameEl.text() : el.text();
            List<String> names = Bylines.looksLikeName(text) ? Bylines.names(text) : List.of();
            if (names.isEmpty() || inTeaserOrNav(el) || licenceCredit(el)) {
                continue;
            }
            best = c;
            bestCost = cost;
            bestNames = names;
        }
        return best < 0 ? null : new NearByline(candidates.get(best), bestNames);
    }

    private static final org.jsoup.select.Evaluator PICTURE = PageIndex.query("img, picture, figure");
    /** The most text a picture's licence credit holds (title, author, source, licence name); a post holds more. */
    private static final int LICENCE_CREDIT_MAX = 300;
    private static final org.jsoup.select.Evaluator LICENCE_LINK = PageIndex.query("a[href*=creativecommons.org/licenses]");

    /**
     * Whether a byline-marked element credits a picture under its licence (title, author, source, licence): it, its
     * parent or grandparent has a class naming a licence ("license-author", "license-info") and holds no more text
     * than a credit does, or a Creative Commons licence link sits beside it in a small parent or grandparent. The
     * text bound keeps a licence class on a whole post ("entry licensed-cc-by") from hiding the post's byline.
     */
    private static boolean licenceCredit(Element el) {
        Element scope = el;
        for (int i = 0; i < 3; i++) {
            if (containsIgnoringCase(scope.className(), "licen") && VisibleDates.rawTextWithin(scope, LICENCE_CREDIT_MAX)) {
                return true;
            }
            Element up = scope.parent();
            if (i == 2 || up == null || up.childrenSize() > 6 || up.normalName().equals("body")) {
                break;
            }
            scope = up;
        }
        return scope.selectFirst(LICENCE_LINK) != null && scope.selectFirst(PICTURE) != null;
    }

    /**
     * The elements of {@code live} (the body's elements in page order) {@link #isBylineMarked marked as a byline}. When
     * they are the indexed body's (less those removed since), only the indexed elements (all those with an itemprop,
     * all links with a rel) are looked at beyond their class and id.
     */
    private static List<Element> bylineMarked(List<Element> live, PageIndex idx) {
        ClassIds names = idx.classIds(live);
        List<Element> out = new ArrayList<>();
        int[] marksAt = idx.positionsIn(live, idx.marksAt());
        int[] relsAt = marksAt == null ? null : idx.positionsIn(live, idx.relsAt());
        if (marksAt == null || relsAt == null) {
            for (int k = 0; k < live.size(); k++) {
                if (isBylineMarked(live.get(k), names, k)) {
                    out.add(live.get(k));
                }
            }
            return out;
        }
        List<Element> marks = idx.marks();
        List<Element> rels = idx.rels();
        int m = 0;
        int r = 0;
        for (int k = 0; k < live.size(); k++) {
            while (m < marksAt.length && marksAt[m] < k) {
                m++;
            }
            while (r < relsAt.length && relsAt[r] < k) {
                r++;
            }
            if (bylineNamed(names, k)
                    || m < marksAt.length && marksAt[m] == k && marks.get(m).attr("itemprop").equalsIgnoreCase("author")
                    || r < relsAt.length && relsAt[r] == k && authorLink(rels.get(r))) {
                out.add(live.get(k));
            }
        }
        return out;
    }

    /**
     * Whether the lower-cased class or id at {@code k} marks a byline; only those holding an author word
     * ({@link ClassIds#authorNamed}, which covers these words) are read.
     */
    private static boolean bylineNamed(ClassIds names, int k) {
        if (!names.authorNamed(k)) {
            return false;
        }
        String cls = names.className(k);
        String id = names.id(k);
        return !cls.isEmpty() && bylineClass(cls) || !id.isEmpty() && (id.contains("byline") || id.contains("author"));
    }

    /**
     * Whether a lower-cased class holds a byline hint: "byline", "author", "writer", "auteur", "autor" or "verfasser"
     * (the three that start with "aut" looked for only after it).
     */
    private static boolean bylineClass(String cls) {
        return cls.contains("byline") || cls.contains("aut") && (cls.contains("author") || cls.contains("auteur") || cls.contains("autor"))
                || cls.contains("writer") || cls.contains("verfasser");
    }

    /** Whether the element is a link whose rel names an author. */
    private static boolean authorLink(Element el) {
        return el.normalName().equals("a") && containsIgnoringCase(el.attr("rel"), "author");
    }

    /** Marked as an author or byline: itemprop=author, rel=author, or a class or id saying so. */
    private static boolean isBylineMarked(Element el, ClassIds names, int k) {
        if (el.attributesSize() == 0) {
            return false;
        }
        return bylineNamed(names, k) || el.attr("itemprop").equalsIgnoreCase("author") || authorLink(el);
    }

    private static boolean isWrittenByLabel(String label) {
        if (label == null) {
            return false;
        }
        String l = label.toLowerCase(Locale.ROOT);
        return l.contains("written by") || l.contains("geschreven door") || l.contains("auteur") || l.contains("author")
                || l.contains("geschrieben von") || l.contains("écrit par") || l.contains("escrito por");
    }

    private static void addPerson(AuthorSet set, JsonLd ld, JsonNode p, String base) {
        String name = JsonLd.text(p.get("name"));
        if (name == null) {
            String given = JsonLd.text(p.get("givenName"));
            String family = JsonLd.text(p.get("familyName"));
            name = given == null ? family : family == null ? given : given + " " + family;
        }
        if (name == null) {
            return;
        }
        String bio = JsonLd.text(p.get("description"));
        String url = HtmlSanitizer.safeUrl(ld.url(p.get("url")), base, false);
        if (url == null) {
            url = HtmlSanitizer.safeUrl(urlFromId(p), base, false);
        }
        String avatar = HtmlSanitizer.safeUrl(ld.url(p.get("image")), base, false);
        for (String n : Bylines.names(name)) {
            set.add(n, bio == null ? null : TextRenderer.collapse(org.jsoup.parser.Parser.unescapeEntities(bio, false)).trim(), url, avatar);
        }
    }

    private static String urlFromId(JsonNode p) {
        String id = JsonLd.text(p.get("@id"));
        return id != null && !id.contains("#") && (id.contains("/author/") || id.contains("/auteur/")) ? id : null;
    }

    private static boolean insideBox(Element el, List<AuthorBoxes.Box> boxes) {
        for (Element e = el; e != null; e = e.parent()) {
            for (AuthorBoxes.Box b : boxes) {
                if (b.element() == e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isHeading(Element el) {
        for (Element e = el; e != null && e.childrenSize() <= 3; e = e.parent()) {
            String tag = e.normalName();
            if (tag.equals("h1") || tag.equals("h2")) {
                return true;
            }
        }
        return false;
    }

    /** Whether an element's text is one or more names and nothing else (no text after it in its parent). */
    private static boolean namesSomeone(Element el) {
        Node next = el.nextSibling();
        if (next instanceof TextNode tn && !tn.isBlank()) {
            return false; // "By <a>Jane</a> Doe": the element holds part of the name
        }
        String text = el.text();
        return !text.isEmpty() && !Bylines.names(text).isEmpty();
    }

    /** A byline found in the text: the name, and the element it was read from when it was read from one. */
    private record TextByline(String name, Element holder) {
    }

    private static TextByline bylineFromText(Document doc, Map<Element, ContentExtractor.Stats> stats) {
        // a walk of the body by hand that stops at the first byline: the rest of the page is not walked, and no byline
        // is taken from navigation, asides or footers (their insides are passed over)
        Element body = doc.body();
        Node node = body;
        while (node != null) {
            boolean enter = true;
            if (node instanceof TextNode t) {
                TextByline found = bylineIn(t, stats);
                if (found != null) {
                    return found;
                }
            } else if (node instanceof Element el && Hints.isFurnitureTag(el.normalName())) {
                enter = false;
            }
            node = nextInWalk(node, body, enter);
        }
        return null;
    }

    /**
     * The node after {@code node} in a walk of {@code root} and all inside it in page order (by hand: no recursion, so
     * no depth of nesting overflows the stack), entering {@code node}'s children only when {@code enter}; null when
     * the walk is over.
     */
    static Node nextInWalk(Node node, Node root, boolean enter) {
        if (enter && node.childNodeSize() > 0) {
            return node.childNode(0);
        }
        while (node != root && node.nextSibling() == null) {
            node = node.parentNode();
        }
        return node == root ? null : node.nextSibling();
    }

    /**
     * The name of the byline a text node of the body opens or labels ("By", "Autor:" before the name, "Von Jane Doe"
     * as the line), else null. Texts over 100 characters hold none.
     */
    private static TextByline bylineIn(TextNode t, Map<Element, ContentExtractor.Stats> stats) {
        String s = t.getWholeText();
        if (s.length() > 100 || !Bylines.mayOpenByline(s)) {
            return null; // no label, prefix, line or Chinese credit opens so (the most common text, white space, included)
        }
        String han = Bylines.hanCredit(s);
        if (han != null && t.parent() != null && !Hints.inBoilerplate(t.parent())) {
            return new TextByline(han, null); // "责任编辑：Name"
        }
        String words = s.length() <= 40 ? Bylines.labelWords(s) : "";
        boolean prefixOnly = !words.isEmpty() && Bylines.isPrefixWords(words);
        if (!words.isEmpty() && (Bylines.isLabelWords(words) || prefixOnly)) {
            // "<h4>Autor</h4><p><a>Jane Doe</a></p>": the label's element, then the next one holds the name
            Element label = t.parent();
            if (label != null && label.text().trim().length() <= 20 && !Hints.inBoilerplate(label)) {
                // the name as the text right after the label ("<span>Autor:</span> Jane Doe<br>"), else the next element;
                // "<p>Autor <span>Jane Doe</span></p>": the name in the element right after the label's text
                // (only when that element's whole text names someone: an icon, or "<a>Jane</a> Doe", leaves the old reading)
                Node after = t.nextSibling() instanceof Element inLabel && inLabel.childrenSize() <= 1
                        && shortText(stats, inLabel, 60) && namesSomeone(inLabel) ? inLabel : label.nextSibling();
                Element holder = after instanceof Element inLabel ? inLabel
                        : after instanceof TextNode tn && !tn.isBlank() ? null
                        : label.nextElementSibling() != null && shortText(stats, label.nextElementSibling(), 60)
                        ? label.nextElementSibling() : null;
                String name = holder != null ? holder.text() : after instanceof TextNode tn && !tn.isBlank() ? tn.text() : null;
                List<String> names = name == null || name.length() > 60 ? List.of() : Bylines.names(name);
                if (!names.isEmpty() && Character.isUpperCase(names.get(0).charAt(0))) {
                    return new TextByline(names.get(0), holder);
                }
            }
        }
        if (prefixOnly) {
            // "<span>By</span> <a>Jane Doe</a>": read the line the prefix opens
            for (Element up = t.parent(); up != null; up = up.parent()) {
                if (!shortText(stats, up, 100)) {
                    break;
                }
                String name = Bylines.fromLine(up.text());
                if (name != null && !Hints.inBoilerplate(up)) {
                    return new TextByline(name, null);
                }
            }
        }
        if (Bylines.mayOpenLine(s) && s.trim().length() >= 5) {
            Element parent = t.parent();
            if (parent == null || !shortText(stats, parent, 100)) {
                return null; // a "by ..." inside running text is not a byline
            }
            if (isHeading(parent)) {
                return null; // a headline that starts with "Von ..." is not a byline
            }
            String name = Bylines.fromLine(parent.text());
            if (name != null && !Hints.inBoilerplate(parent)) {
                return new TextByline(name, null);
            }
        }
        return null;
    }

    // ================================================================ author page

    private Optional<Author> doExtractAuthorPage(String html, String pageUrl, String authorName) {
        Document doc = HtmlText.parse(html, pageUrl == null ? "" : pageUrl);
        String base = doc.baseUri();
        JsonLd ld = JsonLd.of(doc);
        Meta meta = Meta.of(doc);
        String wanted = ContentExtractor.normalize(authorName);

        JsonNode person = null;
        List<JsonNode> persons = ld.allOfType("person");
        for (JsonNode p : persons) {
            if (!wanted.isEmpty() && ContentExtractor.normalize(JsonLd.text(p.get("name"))).equals(wanted)) {
                person = p;
                break;
            }
        }
        if (person == null) {
            JsonNode profile = ld.firstOfType("profilepage");
            JsonNode main = profile == null ? null : ld.resolve(profile.get("mainEntity"));
            if (main != null && JsonLd.hasType(main, java.util.Set.of("person"))) {
                person = main;
            } else if (persons.size() == 1 && wanted.isEmpty()) {
                person = persons.get(0);
            }
        }
        String name = authorName;
        String bio = null;
        String avatar = null;
        String url = null;
        if (person != null) {
            if (name == null || name.isBlank()) {
                name = JsonLd.text(person.get("name"));
            }
            String d = JsonLd.text(person.get("description"));
            bio = d == null ? null : TextRenderer.collapse(org.jsoup.parser.Parser.unescapeEntities(d, false)).trim();
            avatar = HtmlSanitizer.safeUrl(ld.url(person.get("image")), base, false);
            url = HtmlSanitizer.safeUrl(ld.url(person.get("url")), base, false);
        }
        ContentExtractor.resolveImages(doc);
        for (AuthorBoxes.Box box : AuthorBoxes.find(doc, ContentExtractor.stats(doc.body()))) {
            if (box.name() != null && !wanted.isEmpty() && !ContentExtractor.normalize(box.name()).equals(wanted)
                    && !Hints.inBoilerplate(box.element())) {
                continue; // a box about someone else
            }
            if (box.bio() != null && (bio == null || box.bio().length() > bio.length())) {
                bio = box.bio();
            }
            if (avatar == null) {
                avatar = box.avatarUrl();
            }
            if (name == null && box.name() != null) {
                name = box.name();
            }
        }
        if (avatar == null && !wanted.isEmpty()) {
            for (Element img : doc.select("img[alt][src]")) {
                if (ContentExtractor.normalize(img.attr("alt")).equals(wanted) && !ContentExtractor.isTrackingPixel(img)
                        && !Hints.inBoilerplate(img)) {
                    avatar = HtmlSanitizer.safeUrl(img.attr("src"), base, false);
                    break;
                }
            }
        }
        if (avatar == null && "profile".equalsIgnoreCase(meta.first("og:type"))) {
            avatar = HtmlSanitizer.safeUrl(meta.first("og:image"), base, false);
        }
        if (bio == null) {
            String d = meta.first("og:description", "description", "twitter:description");
            if (d != null && d.trim().length() >= 30) {
                bio = TextRenderer.collapse(d).trim();
            }
        }
        if (bio == null && avatar == null) {
            return Optional.empty();
        }
        if (name == null || name.isBlank()) {
            name = doc.selectFirst("h1") != null ? doc.selectFirst("h1").text() : "";
        }
        if (url == null) {
            url = HtmlSanitizer.safeUrl(pageUrl, null, false);
        }
        return Optional.of(new Author(0, name, bio, url, avatar));
    }
}
