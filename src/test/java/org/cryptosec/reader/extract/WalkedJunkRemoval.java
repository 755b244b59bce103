package org.cryptosec.reader.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cryptosec.reader.extract.ContentExtractor.Stats;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Junk removal by a walk of the page, as the extractor did it before it went over the page index's lists: the
 * reference the index-based {@link ContentExtractor#removeJunk} is checked against.
 */
final class WalkedJunkRemoval {

    private WalkedJunkRemoval() {
    }

    /**
     * Removes what is never content: scripts, forms, hidden elements, page furniture, boilerplate-classed blocks.
     * {@code stats} are the body's current statistics, kept up to date; returns them as they are afterwards.
     */
    static Map<Element, Stats> removeJunk(Document doc, Map<Element, Stats> stats) {
        return removeJunk(doc, stats, null);
    }

    /**
     * As {@link #removeJunk(Document, Map)}; a boilerplate-classed element around the page's {@code headline} (a
     * layout wrapper named after the sidebar beside it, "content-with-sidebar-right") is not removed.
     */
    static Map<Element, Stats> removeJunk(Document doc, Map<Element, Stats> stats, Element headline) {
        Element body = doc.body();
        List<Element> remove = new ArrayList<>();
        List<Element> hinted = new ArrayList<>();
        // a page repeats its class names: each distinct class-and-id is judged once
        Map<String, Boolean> negative = new HashMap<>();
        // one walk: what is never content (not descended into), and the boilerplate-classed elements left to judge
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element el) || el == body) {
                    return FilterResult.CONTINUE;
                }
                String tag = el.normalName();
                if (ContentExtractor.isJunk(el, tag)) {
                    remove.add(el);
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (el.attributesSize() > 0 && isHinted(el, tag, Hints.classAndId(el), negative)) {
                    hinted.add(el);
                }
                return FilterResult.CONTINUE;
            }
        }, body);
        removeJudged(body, stats, headline, remove, hinted);
        return stats;
    }

    /**
     * Whether an element with attributes, not junk by {@link #isJunk}, is boilerplate-classed: its class-and-id
     * {@code ci} is negative ({@code negative} keeps the verdict on each one judged), it is no link or main, and it
     * is not marked as the article body.
     */
    private static boolean isHinted(Element el, String tag, String ci, Map<String, Boolean> negative) {
        return !tag.equals("a") && !tag.equals("main") && !ci.isEmpty() && negative.computeIfAbsent(ci, Hints::isNegative)
                && !"articleBody".equals(el.attr("itemprop"));
    }

    /**
     * Removes the junk ({@code remove}, outermost first in page order) and then the boilerplate-classed elements
     * ({@code hinted}) that are not layout wrappers around the headline or most of the article, keeping {@code stats}
     * up to date.
     */
    private static void removeJudged(Element body, Map<Element, Stats> stats, Element headline, List<Element> remove,
                                     List<Element> hinted) {
        Set<Element> aroundHeadline = VisibleDates.headlineAndAncestors(headline);
        ContentExtractor.removeAll(body, stats, remove, PageChanges.UNLOGGED);

        int docLong = stats.get(body).longParagraphs;
        int docProse = stats.get(body).text - stats.get(body).link;
        remove.clear();
        for (Element el : hinted) {
            if (!ContentExtractor.isWrapper(el, stats.get(el), aroundHeadline, docLong, docProse)) {
                remove.add(el);
            }
        }
        for (Element el : remove) {
            if (el.parent() != null) {
                ContentExtractor.subtract(stats, el, body);
                el.remove();
            }
        }
    }
}
