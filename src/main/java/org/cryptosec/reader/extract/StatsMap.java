package org.cryptosec.reader.extract;

import java.util.AbstractMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * The statistics of a walk's elements by element, found from where each element was in the walk rather than from a
 * hash of it. A map by identity needs every element's identity hash, which the JVM makes on first use, through a
 * call out of compiled code: filling one for the index walk's 397,000 elements a pass over the benchmark pages was
 * 2.2% of extraction, for the 113,000 elements that are ever looked up.
 *
 * <p>An element is found at once when it is next to the one found last (the next in page order, itself, its parent,
 * the first element after its part): a look over the page in order, or up from an element to its ancestors. Any
 * other is found from the nearest of its ancestors found so, down through the elements that were the children of
 * each in the walk. An element neither finds (moved under another parent, made after the walk, never walked) is
 * looked for in the whole walk, which also tells for sure that one is not in it. All that work has a budget, 32
 * comparisons a walked element: past it, and at every change to the map but the statistics of elements made after
 * the walk ({@link #putMade}), the map by identity is made and answers from then on. An element is only ever taken to
 * be the one at a place when it is the very object walked there, so the map holds exactly what a map by identity of
 * the walk would.
 */
final class StatsMap extends AbstractMap<Element, ContentExtractor.Stats> {
    private final Element[] elements;
    private final List<ContentExtractor.Stats> ordered;
    /** By place: the place of the element's parent, -1 for the walk's root. */
    private final int[] parentAt;
    /** By place: the place of the element's last descendant, its own when it has none. */
    private final int[] endAt;
    private final int count;
    /** The place of the element found last, -1 before the first. */
    private int last = -1;
    /** The map by identity, once made; null before. */
    private IdentityHashMap<Element, ContentExtractor.Stats> byIdentity;
    /** Elements made after the walk, with their statistics (see {@link #putMade}); null when none. */
    private IdentityHashMap<Element, ContentExtractor.Stats> made;
    /** The ancestors {@link #place} goes up through, kept from one call to the next (the page's own elements). */
    private Element[] chain;
    /** How many times the whole walk was looked through. */
    private int searches;
    /** The elements compared so far to place others: going up, passing children, looking through the walk. */
    private long work;
    /**
     * The most {@link #work} the places may take: {@link #WORK_PER_ELEMENT} comparisons a walked element (and a few
     * for a tiny walk). Past it the map by identity answers, so no page costs much more than making that map (a
     * comparison costs about a fortieth of an element's identity hash and entry), whatever its shape and the order
     * it is asked in.
     */
    private long budget;
    /**
     * On the benchmark pages, the budget is spent on 20 pages of 502 at 32 (34 at 16, 9 at 64): each then fills the map
     * by identity after some work, which costs at most 32 comparisons an element more than filling it at once.
     */
    private static final int WORK_PER_ELEMENT = 32;
    /** The most ancestors {@link #place} goes up through (a power of two, as its list of them doubles from 16). */
    private static final int MAX_CHAIN = 256;
    /** What {@link #search} gives for an element not in the walk. */
    private static final int NOT_WALKED = -1;
    /** What {@link #search} gives when the work left would not pay for it: the map by identity must answer. */
    private static final int UNKNOWN = -2;

    StatsMap(Element[] elements, List<ContentExtractor.Stats> ordered, int[] parentAt, int[] endAt, int count) {
        this.elements = elements;
        this.ordered = ordered;
        this.parentAt = parentAt;
        this.endAt = endAt;
        this.count = count;
        this.budget = (long) WORK_PER_ELEMENT * count + 64;
    }

    @Override
    public ContentExtractor.Stats get(Object key) {
        if (byIdentity == null && work <= budget && key instanceof Element el) {
            int at = place(el);
            if (at >= 0) {
                return ordered.get(at);
            }
            if (made != null && made.containsKey(el)) {
                return made.get(el); // made after the walk: not walked
            }
            at = search(el);
            if (at != UNKNOWN) {
                return at >= 0 ? ordered.get(at) : null;
            }
        }
        return byIdentity().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        if (byIdentity == null && work <= budget && key instanceof Element el) {
            if (place(el) >= 0 || made != null && made.containsKey(el)) {
                return true;
            }
            int at = search(el);
            if (at != UNKNOWN) {
                return at >= 0;
            }
        }
        return byIdentity().containsKey(key);
    }

    /**
     * Adds the statistics of elements made after the walk (so never in it, which the caller answers for: the
     * statistics of a walked element given here would not replace its own), kept aside; the walk's elements are still
     * found by their places.
     */
    void putMade(Map<Element, ContentExtractor.Stats> stats) {
        if (byIdentity != null) {
            byIdentity.putAll(stats);
            return;
        }
        if (made == null) {
            made = new IdentityHashMap<>();
        }
        made.putAll(stats);
    }

    /**
     * What {@code get(removed)} gives for an element taken out of {@code formerParent}: looked for among the children
     * the parent had in the walk, as the removed one has no parent to be placed from.
     */
    ContentExtractor.Stats formerChild(Element formerParent, Element removed) {
        if (byIdentity == null && work <= budget && formerParent != null) {
            int p = place(formerParent);
            int at = p >= 0 ? childPlace(p, removed) : -1;
            if (at >= 0) {
                last = at;
                return ordered.get(at);
            }
        }
        return get(removed);
    }

    @Override
    public ContentExtractor.Stats put(Element key, ContentExtractor.Stats value) {
        return byIdentity().put(key, value);
    }

    @Override
    public ContentExtractor.Stats remove(Object key) {
        return byIdentity().remove(key);
    }

    @Override
    public void putAll(Map<? extends Element, ? extends ContentExtractor.Stats> m) {
        byIdentity().putAll(m);
    }

    @Override
    public int size() {
        // the walked elements are distinct, and those made after the walk none of them
        return byIdentity != null ? byIdentity.size() : count + (made == null ? 0 : made.size());
    }

    @Override
    public Set<Entry<Element, ContentExtractor.Stats>> entrySet() {
        return byIdentity().entrySet();
    }

    /** How many times the whole walk was looked through so far (for tests). */
    int searches() {
        return searches;
    }

    /** The {@link #work} so far, and its {@link #budget} (for tests). */
    long work() {
        return work;
    }

    long budget() {
        return budget;
    }

    /** Lifts the {@link #budget}, so that a test sees what the places alone answer. */
    void withoutBudget() {
        budget = Long.MAX_VALUE - Integer.MAX_VALUE;
    }

    /** Whether every answer so far came from the places: the map by identity was never needed (for tests). */
    boolean placedOnly() {
        return byIdentity == null;
    }

    /** The map by identity of the walk, made on first need. */
    private IdentityHashMap<Element, ContentExtractor.Stats> byIdentity() {
        if (byIdentity == null) {
            byIdentity = new IdentityHashMap<>(Math.max(32, count));
            for (int i = 0; i < count; i++) {
                byIdentity.put(elements[i], ordered.get(i));
            }
            if (made != null) {
                byIdentity.putAll(made);
                made = null;
            }
        }
        return byIdentity;
    }

    /**
     * The element's place found by looking through the whole walk, {@link #NOT_WALKED} when it is not there, or
     * {@link #UNKNOWN} when that would take the work past its {@link #budget}.
     */
    private int search(Element el) {
        if (work + count > budget) {
            return UNKNOWN;
        }
        searches++;
        work += count;
        for (int i = 0; i < count; i++) {
            if (elements[i] == el) {
                last = i;
                return i;
            }
        }
        return NOT_WALKED;
    }

    /** The element's place in the walk, or -1 when it cannot be placed (moved, added, never walked). */
    private int place(Element el) {
        int top = nearLast(el);
        if (top >= 0) {
            last = top;
            return top;
        }
        // up to the nearest ancestor placed at once (or the walk's root), then down through the children each had in
        // the walk; a loop, not a recursion, as a hostile page may nest deeper than a stack goes
        Element[] chain = this.chain;
        if (chain == null) {
            chain = new Element[16];
            this.chain = chain;
        }
        int links = 0;
        Element e = el;
        while (true) {
            if (e == elements[0]) {
                top = 0;
                break;
            }
            if (links == chain.length) {
                if (links == MAX_CHAIN) {
                    return -1; // a page nested deeper than this is looked through instead (then the map by identity)
                }
                chain = java.util.Arrays.copyOf(chain, links * 2);
                this.chain = chain;
            }
            chain[links++] = e;
            work++;
            e = e.parent();
            if (e == null) {
                return -1;
            }
            top = nearLast(e);
            if (top >= 0) {
                break;
            }
        }
        for (int k = links - 1; k >= 0 && top >= 0; k--) {
            top = childPlace(top, chain[k]);
        }
        if (top >= 0) {
            last = top;
        }
        return top;
    }

    /** The place of {@code el} when it is next to the element found last, else -1. */
    private int nearLast(Element el) {
        int l = last;
        if (l + 1 < count && elements[l + 1] == el) {
            return l + 1;
        }
        if (l < 0) {
            return -1;
        }
        if (elements[l] == el) {
            return l;
        }
        int parent = parentAt[l];
        if (parent >= 0 && elements[parent] == el) {
            return parent;
        }
        int after = endAt[l] + 1;
        return after < count && elements[after] == el ? after : -1;
    }

    /** How many of a parent's children {@link #childPlace} looks at before it gives up. */
    private static final int MAX_CHILDREN_PASSED = 64;

    /**
     * The place of {@code child} among the elements the element placed at {@code parent} had as children in the walk
     * (the first just after it, each next one after the part of the one before), or -1: it is not one of the first
     * {@value #MAX_CHILDREN_PASSED}, which bounds the cost of a long list asked in any order.
     */
    private int childPlace(int parent, Element child) {
        int end = endAt[parent];
        int at = parent + 1;
        for (int passed = 0; at <= end && passed < MAX_CHILDREN_PASSED; passed++) {
            work++;
            if (elements[at] == child) {
                return at;
            }
            at = endAt[at] + 1;
        }
        return -1;
    }
}
