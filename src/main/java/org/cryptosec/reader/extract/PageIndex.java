package org.cryptosec.reader.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

/**
 * The elements the metadata stages query (scripts, meta and link tags, headings, links, times, elements with an
 * itemprop or property), gathered in one walk of the page in document order. Each stage's selector is then matched
 * against this short list instead of walking the whole page again; the result is what {@code doc.select} gives for
 * any selector whose subject is one of these elements.
 * The same walk lists what the body stages need: the body's elements with their statistics and lower-cased class
 * and id by position, its images and noscripts, the short texts a reading time is looked for in, and the bounds
 * that tell when a relaxed second pick cannot win.
 */
final class PageIndex {

    /** Whether the walk indexes an element of this tag for the metadata stages, whatever its attributes. */
    private static boolean indexedTag(String tag) {
        // a switch: asked of every element of the page
        return switch (tag) {
            case "script", "meta", "link", "h1", "h2", "h3", "a", "time", "html" -> true;
            default -> false;
        };
    }

    private final Document doc;
    private final List<Element> metas = new ArrayList<>();
    private final List<Element> scripts = new ArrayList<>();
    /** Sized as the walk's other per-element lists: growing it from ten by halves cost 3% of the walk. */
    private final List<Element> bodyElements = new ArrayList<>(1024);
    private final List<Element> bodyImages = new ArrayList<>();
    private final List<Element> bodyNoscripts = new ArrayList<>();
    /** The statistics of {@link #bodyNoscripts}, in the same order. */
    private final List<ContentExtractor.Stats> bodyNoscriptStats = new ArrayList<>();
    private final ContentExtractor.StatsBuilder bodyStats;
    private VisibleDates.Marks dateMarks;
    private ClassIds classIds;
    private ClassIds bodyClassIds;
    /** The body elements' classes and ids, read in the walk (their attributes are at hand there). */
    private final ClassIds.Builder bodyNames = new ClassIds.Builder(1024);
    /** The body's text nodes a stated reading time is looked for in, with their parents' statistics (see {@link #readingTexts}). */
    private final List<TextNode> readingTexts = new ArrayList<>();
    private final List<ContentExtractor.Stats> readingParents = new ArrayList<>();
    /** The body's elements once noscripts were unwrapped or removed (see {@link #liveBodyElements}), and their names. */
    private List<Element> liveElements;
    private ClassIds liveNames;
    private List<ContentExtractor.Stats> liveStats;

    private PageIndex(Document doc) {
        this.doc = doc;
        this.bodyStats = new ContentExtractor.StatsBuilder(1024);
    }

    static PageIndex of(Document doc) {
        PageIndex index = new PageIndex(doc);
        Element body = doc.body();
        walk(new NodeVisitor() {
            private boolean inBody;
            /** The outermost open element whose part the reading time is not looked for in, or null. */
            private Element offTopic;

            @Override
            public void head(Node node, int depth) {
                if (inBody || node == body) {
                    index.bodyStats.head(node);
                }
                if (node instanceof Element el) {
                    String tag = el.normalName();
                    if (el == body) {
                        inBody = true;
                    }
                    if (inBody) {
                        index.bodyElements.add(el);
                        index.bodyNames.add(el);
                        // the names are read for the relaxed bound outside the parts it already leaves out, and for
                        // the reading time outside those it already skips
                        boolean relaxedOut = index.bodyStats.inRelaxedDropped();
                        long words = relaxedOut && offTopic != null ? 0
                                : ArticleExtractor.nameWords(index.bodyNames.lastClassName(), index.bodyNames.lastId());
                        index.noteDateNamed(relaxedOut && offTopic != null ? 0 : ArticleExtractor.dateWords(words)
                                ? VisibleDates.Marks.NAMED : VisibleDates.Marks.UNNAMED);
                        index.bodyNames.noteAuthorNamed(relaxedOut && offTopic != null
                                ? AuthorBoxes.mayNameAuthor(index.bodyNames.lastClassName())
                                        || AuthorBoxes.mayNameAuthor(index.bodyNames.lastId())
                                : ArticleExtractor.authorWords(words));
                        if (el != body && !relaxedOut && ArticleExtractor.relaxedDrops(el, tag, words)) {
                            index.bodyStats.dropFromRelaxed();
                        }
                        if (offTopic == null && (Hints.isFurnitureTag(tag) || tag.equals("script") || tag.equals("style")
                                || ArticleExtractor.offTopicWords(words))) {
                            offTopic = el;
                        }
                        if (el != body && tag.equals("img")) {
                            index.bodyImages.add(el);
                        } else if (el != body && tag.equals("noscript")) {
                            index.bodyNoscriptStats.add(index.bodyStats.current()); // the noscript's, just opened
                            index.bodyNoscripts.add(el);
                        }
                    }
                    if (indexedTag(tag) || el.hasAttr("itemprop") || el.hasAttr("property")) {
                        index.noteCandidate(el, tag, inBody);
                        if (tag.equals("meta")) {
                            index.metas.add(el);
                        } else if (tag.equals("script")) {
                            index.scripts.add(el);
                        }
                    }
                } else if (inBody && offTopic == null && node instanceof TextNode t) {
                    int length = t.getWholeText().length();
                    if (length >= READING_TEXT_MIN && length <= READING_TEXT_MAX) {
                        index.readingTexts.add(t);
                        index.readingParents.add(index.bodyStats.current());
                    }
                }
            }


            @Override
            public void tail(Node node, int depth) {
                if (inBody) {
                    index.bodyStats.tail(node);
                }
                if (node == offTopic) {
                    offTopic = null;
                }
                if (node == body) {
                    inBody = false;
                }
            }
        }, doc);
        return index;
    }

    /**
     * Calls the visitor's head and tail on every node of {@code root}'s subtree in the order (and with the depths)
     * {@code NodeTraversor.traverse} does, for a visitor that changes nothing: keeping only the open nodes and where
     * the walk is in each, it asks no node for its sibling index or its parent again to allow for changes, and its
     * calls to this one visitor can be inlined (NodeTraversor's serve every visitor of the program).
     */
    static void walk(NodeVisitor visitor, Node root) {
        Node[] parents = new Node[64];
        int[] at = new int[64];
        int depth = 0;
        Node node = root;
        while (true) {
            visitor.head(node, depth);
            if (node.childNodeSize() > 0) {
                if (depth == parents.length) {
                    parents = java.util.Arrays.copyOf(parents, depth * 2);
                    at = java.util.Arrays.copyOf(at, depth * 2);
                }
                parents[depth] = node;
                at[depth] = 0;
                depth++;
                node = node.childNode(0);
                continue;
            }
            // a leaf: close it, then the parents it ends, till one has a next child
            while (true) {
                visitor.tail(node, depth);
                if (depth == 0) {
                    return;
                }
                Node parent = parents[depth - 1];
                int next = ++at[depth - 1];
                if (next < parent.childNodeSize()) {
                    node = parent.childNode(next);
                    break;
                }
                node = parent;
                depth--;
            }
        }
    }

    /** The lengths of the text nodes {@link #readingTexts} lists. */
    static final int READING_TEXT_MIN = 5;
    static final int READING_TEXT_MAX = 120;

    /**
     * The body's text nodes of {@value #READING_TEXT_MIN} to {@value #READING_TEXT_MAX} characters, in page order, as
     * they were when the index was made, outside page furniture, scripts, styles and parts whose class or id names
     * them as beside the article ({@link ArticleExtractor#offTopicName}): where a page states its reading time.
     */
    List<TextNode> readingTexts() {
        return readingTexts;
    }

    /** The statistics of the parent of each of {@link #readingTexts}, by position. */
    List<ContentExtractor.Stats> readingParents() {
        return readingParents;
    }

    /**
     * The body and the elements inside it, in page order (what {@code body.getAllElements()} gives), once
     * {@link ContentExtractor#resolveImages(List, List, List)} unwrapped or removed the body's noscripts (and
     * nothing else changed the page's elements since the index was made): the listed elements without the
     * noscripts and without the insides of those removed. Made on first use and kept.
     */
    List<Element> liveBodyElements() {
        if (bodyNoscripts.isEmpty()) {
            return bodyElements;
        }
        if (liveElements == null) {
            // each noscript leaves out itself (unwrapped: its children stayed) or its whole part (removed)
            int[] skipTo = new int[bodyElements.size()];
            for (int k = 0; k < bodyNoscripts.size(); k++) {
                // kept from the walk: a removed noscript has no parent to be found from
                ContentExtractor.Stats s = bodyNoscriptStats.get(k);
                skipTo[s.order] = bodyNoscripts.get(k).childNodeSize() == 0 ? s.order + 1 : s.end + 1;
            }
            ClassIds all = classIds(bodyElements);
            ClassIds.Builder names = new ClassIds.Builder(bodyElements.size());
            List<Element> live = new ArrayList<>(bodyElements.size());
            List<ContentExtractor.Stats> ordered = bodyStats.inOrder();
            List<ContentExtractor.Stats> stats = new ArrayList<>(bodyElements.size());
            for (int i = 0, n = bodyElements.size(); i < n; ) {
                // the run of elements kept up to the next noscript, copied at once
                int end = i;
                while (end < n && skipTo[end] <= end) {
                    end++;
                }
                live.addAll(bodyElements.subList(i, end));
                stats.addAll(ordered.subList(i, end));
                for (int k = i; k < end; k++) {
                    names.add(all.className(k), all.id(k));
                    names.noteAuthorNamed(all.authorNamed(k));
                }
                i = end < n ? skipTo[end] : n;
            }
            liveElements = live;
            liveNames = names.build(live);
            liveStats = stats;
        }
        return liveElements;
    }

    /**
     * The body and the elements inside it, in page order (what {@code body.getAllElements()} gives), as they were
     * when the index was made: valid until the page is changed.
     */
    List<Element> bodyElements() {
        return bodyElements;
    }

    /**
     * The statistics of the body's elements (what {@code ContentExtractor.stats(doc.body())} gives) as they were
     * when the index was made; the caller keeps them up to date with its removals.
     */
    StatsMap bodyStats() {
        return bodyStats.stats();
    }

    /** The statistics of {@link #bodyElements}, by position (the same objects as {@link #bodyStats}). */
    List<ContentExtractor.Stats> bodyStatsInOrder() {
        return bodyStats.inOrder();
    }

    /**
     * The statistics of the elements of {@code list} by position (the objects {@link #bodyStats} maps them to) when
     * it is {@link #bodyElements} or {@link #liveBodyElements}, else null.
     */
    List<ContentExtractor.Stats> statsByPosition(List<Element> list) {
        return list == bodyElements ? bodyStats.inOrder() : list == liveElements ? liveStats : null;
    }

    /** An upper bound on the length of the rendered text of any part of the body as it was when the index was made. */
    long bodyRenderBound() {
        return bodyStats.renderBound();
    }

    /**
     * By position among {@link #bodyElements}: whether the element's class or id holds a date word, as the walk found
     * with the other name words ({@link VisibleDates.Marks#NAMED}, {@link VisibleDates.Marks#UNNAMED}; 0 where the walk
     * did not read the names), for {@link #dateMarks}.
     */
    private byte[] dateNamed = new byte[1024];

    private void noteDateNamed(byte named) {
        int at = bodyElements.size() - 1;
        if (at == dateNamed.length) {
            dateNamed = java.util.Arrays.copyOf(dateNamed, at * 2);
        }
        dateNamed[at] = named;
    }

    /** The body's elements that may show a date (see {@link VisibleDates.Marks}), found on first use and kept. */
    VisibleDates.Marks dateMarks() {
        if (dateMarks == null) {
            dateMarks = VisibleDates.Marks.of(bodyElements, classIds(bodyElements), marks(), marksAt(), dateNamed,
                    bodyStats.stats());
        }
        return dateMarks;
    }

    /**
     * The lower-cased classes and ids of {@code elements}: those of the body's elements and of
     * {@link #liveBodyElements} are kept; for another list, those of the last list asked.
     */
    ClassIds classIds(List<Element> elements) {
        if (elements == bodyElements) {
            if (bodyClassIds == null) {
                bodyClassIds = bodyNames.build(bodyElements);
            }
            return bodyClassIds;
        }
        if (elements == liveElements) {
            return liveNames;
        }
        if (classIds == null || !classIds.describe(elements)) {
            classIds = ClassIds.of(elements);
        }
        return classIds;
    }

    /** An upper bound on the score of a relaxed pick over the same page (see {@code StatsBuilder.relaxedScoreBound}). */
    long relaxedScoreBound() {
        return bodyStats.relaxedScoreBound();
    }

    /** The img elements inside the body, in page order, as they were when the index was made. */
    List<Element> bodyImages() {
        return bodyImages;
    }

    /** The noscript elements inside the body, in page order, as they were when the index was made. */
    List<Element> bodyNoscripts() {
        return bodyNoscripts;
    }

    /** A selector parsed once, for {@link #select} and {@link #selectFirst}. */
    static Evaluator query(String css) {
        return QueryParser.parse(css);
    }

    /** The meta elements, in page order. */
    List<Element> metas() {
        return metas;
    }

    /** The script elements, in page order. */
    List<Element> scripts() {
        return scripts;
    }

    /** Whether a later stage removed the element from the page. */
    private boolean attached(Element el) {
        Element top = el;
        while (top.parent() != null) {
            top = top.parent();
        }
        return top == doc;
    }

    // ---------------------------------------------------------------- metadata kinds (added after the walk's code)

    /** The indexed headings and marked elements, and the linking elements with a rel (see {@link #marks}), sorted out in the walk. */
    private final List<Element> marks = new ArrayList<>();
    private final List<Element> rels = new ArrayList<>();
    private final List<Element> headings = new ArrayList<>();
    /** Where each of {@link #marks} and of {@link #rels} sits among {@link #bodyElements}, -1 outside the body. */
    private int[] marksAt = new int[64];
    private int[] relsAt = new int[16];

    /**
     * Sorts the element the walk has just indexed (its tag {@code tag}) into the kinds the metadata stages ask for,
     * noting where it sits: the last of the body's elements so far, or outside the body. Done in the walk, while the
     * element is at hand.
     */
    private void noteCandidate(Element el, String tag, boolean inBody) {
        int at = inBody ? bodyElements.size() - 1 : -1;
        boolean mark;
        switch (tag) {
            case "h1", "h2", "h3" -> {
                headings.add(el);
                mark = true;
            }
            case "time" -> mark = true;
            case "a", "link" -> {
                if (el.hasAttr("rel")) {
                    if (rels.size() == relsAt.length) {
                        relsAt = java.util.Arrays.copyOf(relsAt, rels.size() * 2);
                    }
                    relsAt[rels.size()] = at;
                    rels.add(el);
                }
                mark = el.hasAttr("itemprop") || el.hasAttr("property");
            }
            case "script", "meta", "html" -> mark = el.hasAttr("itemprop") || el.hasAttr("property");
            default -> mark = true; // indexed for its itemprop or property (a few more do no harm: the queries decide)
        }
        if (mark) {
            if (marks.size() == marksAt.length) {
                marksAt = java.util.Arrays.copyOf(marksAt, marks.size() * 2);
            }
            marksAt[marks.size()] = at;
            marks.add(el);
        }
    }

    /**
     * The indexed h1, h2 and h3 elements, the elements with an itemprop or property attribute and the time elements,
     * in page order: every element a heading, microdata or time selector can match.
     */
    List<Element> marks() {
        return marks;
    }

    /** The indexed h1, h2 and h3 elements, in page order (see {@link #marks}, which holds them too). */
    List<Element> headings() {
        return headings;
    }

    /** The indexed a and link elements that have a rel attribute, in page order (see {@link #marks}). */
    List<Element> rels() {
        return rels;
    }

    /** Where each of {@link #marks} sits among {@link #bodyElements} as indexed (ascending), -1 for those outside the body. */
    int[] marksAt() {
        if (marksAt.length != marks.size()) {
            marksAt = java.util.Arrays.copyOf(marksAt, marks.size());
        }
        return marksAt;
    }

    /** Where each of {@link #rels} sits among {@link #bodyElements} as indexed (ascending), -1 for those outside the body. */
    int[] relsAt() {
        if (relsAt.length != rels.size()) {
            relsAt = java.util.Arrays.copyOf(relsAt, rels.size());
        }
        return relsAt;
    }

    /** The last list {@link #positionsIn} was asked about, and where each of the body's elements sits in it (null: not such a list). */
    private List<Element> movedFor;
    private int[] moved;

    /**
     * The positions {@code at} (among {@link #bodyElements}, as {@link #marksAt} and {@link #relsAt} give them) turned
     * into positions among {@code list}: the body's elements listed again after some were removed or unwrapped (the
     * others in the same order), -1 for those no longer listed. Null when {@code list} is not such a list.
     */
    int[] positionsIn(List<Element> list, int[] at) {
        if (list == bodyElements) {
            return at;
        }
        if (movedFor != list) {
            movedFor = list;
            moved = new int[bodyElements.size()];
            int k = 0;
            for (int i = 0, n = bodyElements.size(); i < n; i++) {
                moved[i] = k < list.size() && bodyElements.get(i) == list.get(k) ? k++ : -1;
            }
            if (k != list.size()) {
                moved = null; // an element of the list was not indexed, or it moved
            }
        }
        if (moved == null) {
            return null;
        }
        int[] out = new int[at.length];
        for (int j = 0; j < at.length; j++) {
            out[j] = at[j] < 0 ? -1 : moved[at[j]];
        }
        return out;
    }

    /**
     * The elements of {@code among} matching {@code query} that are still in the page, in page order; {@code among}
     * holds indexed elements in page order that include every element the query can match ({@link #marks} or {@link #rels}).
     */
    List<Element> select(Evaluator query, List<Element> among) {
        return select(query.asPredicate(doc), among);
    }

    /**
     * As {@link #select(Evaluator, List)}, the query asked only of the elements that pass {@code mayMatch}: a cheap test
     * (a tag, an attribute present) that every element the query matches passes, so the selector's evaluators are not
     * run over every marked element.
     */
    List<Element> select(Evaluator query, Predicate<Element> mayMatch, List<Element> among) {
        return select(mayMatch.and(query.asPredicate(doc)), among);
    }

    /** The first element {@link #select(Evaluator, Predicate, List)} gives, or null. */
    Element selectFirst(Evaluator query, Predicate<Element> mayMatch, List<Element> among) {
        return first(mayMatch.and(query.asPredicate(doc)), among);
    }

    /** The first element {@link #select(Evaluator, List)} gives, or null. */
    Element selectFirst(Evaluator query, List<Element> among) {
        return first(query.asPredicate(doc), among);
    }

    /**
     * As {@link #select(Evaluator, List)}, with the query written out as a test of one element (cheaper than a
     * selector's evaluators where it is asked of many).
     */
    List<Element> select(Predicate<Element> test, List<Element> among) {
        return matching(test, among, Integer.MAX_VALUE);
    }

    private Element first(Predicate<Element> test, List<Element> among) {
        List<Element> first = matching(test, among, 1);
        return first.isEmpty() ? null : first.get(0);
    }

    /** The first {@code most} elements of {@code among} that pass the test and are still in the page. */
    private List<Element> matching(Predicate<Element> matches, List<Element> among, int most) {
        List<Element> out = new ArrayList<>(Math.min(most, 8));
        for (int i = 0, n = among.size(); i < n && out.size() < most; i++) {
            Element el = among.get(i);
            if (matches.test(el) && attached(el)) {
                out.add(el);
            }
        }
        return out;
    }
}
