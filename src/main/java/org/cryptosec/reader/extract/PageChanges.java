package org.cryptosec.reader.extract;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * The changes the first pick makes to a parsed page, made through here and logged in order, so that {@link #undo}
 * gives the page back as the parser left it: the relaxed pick then reads that page instead of parsing the HTML a
 * second time (a second parse was 1.3% of all extraction time, on the one page in forty that takes the relaxed
 * pick). What the first pick does to a page is only this: images' sources resolved, noscripts unwrapped or taken
 * out, author boxes and junk taken out, siblings of the best block moved into a new element that joins them, a lead
 * paragraph put in and the content's boilerplate taken out. Anything else changed without this log would stay
 * changed; {@code PageChangesCorpusTest} checks on every benchmark page, and {@code PageChangesTest} on made-up and
 * random ones, that nothing is.
 */
final class PageChanges {

    private static final byte REMOVED = 0;
    private static final byte MOVED = 1;
    private static final byte UNWRAPPED = 2;
    private static final byte ATTRIBUTES = 3;
    private static final byte INSERTED = 4;

    private byte[] kinds = new byte[64];
    private Node[] nodes = new Node[64];
    /** The former parent of a node removed, moved or unwrapped. */
    private Element[] parents = new Element[64];
    /** Its former place among the parent's children; for an unwrapped element, also how many children it had. */
    private int[] places = new int[64];
    private int[] counts = new int[64];
    /** False for {@link #UNLOGGED}: the changes are made, nothing is noted. */
    private final boolean logging;
    /** The former attributes of an element whose attributes changed (null: it had none). */
    private Attributes[] attributes = new Attributes[64];
    private int size;

    /** A log of the changes made through it, for {@link #undo}. */
    PageChanges() {
        this(true);
    }

    private PageChanges(boolean logging) {
        this.logging = logging;
    }

    /** Makes the changes and notes none: for the callers that never undo (holds no state, so it is shared). */
    static final PageChanges UNLOGGED = new PageChanges(false);

    private void log(byte kind, Node node, Element parent, int place, int count, Attributes former) {
        if (!logging) {
            return;
        }
        if (size == kinds.length) {
            int grown = size * 2;
            kinds = java.util.Arrays.copyOf(kinds, grown);
            nodes = java.util.Arrays.copyOf(nodes, grown);
            parents = java.util.Arrays.copyOf(parents, grown);
            places = java.util.Arrays.copyOf(places, grown);
            counts = java.util.Arrays.copyOf(counts, grown);
            attributes = java.util.Arrays.copyOf(attributes, grown);
        }
        kinds[size] = kind;
        nodes[size] = node;
        parents[size] = parent;
        places[size] = place;
        counts[size] = count;
        attributes[size] = former;
        size++;
    }

    /** Takes a node out of the page (nothing when it is out already). */
    void remove(Node node) {
        Element parent = node.parentElement();
        if (parent != null) {
            log(REMOVED, node, parent, node.siblingIndex(), 0, null);
            node.remove();
        }
    }

    /** Moves a node of the page to the end of {@code target}'s children. */
    void moveTo(Element target, Node node) {
        Element parent = node.parentElement();
        log(MOVED, node, parent, parent == null ? -1 : node.siblingIndex(), 0, null);
        target.appendChild(node);
    }

    /** Puts an element's children in its place and takes it out ({@link Node#unwrap}). */
    void unwrap(Element element) {
        Element parent = element.parent();
        if (parent == null) {
            throw new IllegalStateException("cannot unwrap an element outside the page: " + element.normalName());
        }
        log(UNWRAPPED, element, parent, element.siblingIndex(), element.childNodeSize(), null);
        element.unwrap();
    }

    /** Notes an element's attributes as they are, before they are changed. */
    void changingAttributes(Element element) {
        if (logging) {
            log(ATTRIBUTES, element, null, 0, 0, element.attributesSize() == 0 ? null : element.attributes().clone());
        }
    }

    /** Notes a node put into the page (by the caller, just now). */
    void inserted(Node node) {
        log(INSERTED, node, null, 0, 0, null);
    }

    /** How many changes are logged. */
    int size() {
        return size;
    }

    /**
     * Undoes the logged changes, last first, and gives the document the output settings a new parse has: the page is
     * then as the parser left it, unless something changed it without this log. The log is empty afterwards.
     */
    void undo(Document doc) {
        for (int i = size - 1; i >= 0; i--) {
            Node node = nodes[i];
            switch (kinds[i]) {
                case REMOVED -> parents[i].insertChildren(places[i], node);
                case MOVED -> {
                    if (parents[i] == null) {
                        node.remove();
                    } else {
                        parents[i].insertChildren(places[i], node);
                    }
                }
                case UNWRAPPED -> {
                    Element element = (Element) node;
                    Element parent = parents[i];
                    Node[] children = new Node[counts[i]];
                    for (int k = 0; k < children.length; k++) {
                        children[k] = parent.childNode(places[i] + k);
                    }
                    element.insertChildren(0, children);
                    parent.insertChildren(places[i], element);
                }
                case ATTRIBUTES -> restore((Element) node, attributes[i]);
                case INSERTED -> node.remove();
                default -> throw new IllegalStateException("unknown change " + kinds[i]);
            }
            nodes[i] = null;
            parents[i] = null;
            attributes[i] = null;
        }
        size = 0;
        doc.outputSettings(new Document.OutputSettings());
    }

    /** Gives an element back its former attributes, in their order, a key without a value (a boolean one) as such. */
    private static void restore(Element element, Attributes former) {
        element.clearAttributes();
        if (former == null) {
            return;
        }
        Attributes now = element.attributes();
        for (Attribute a : former) {
            now.put(a.getKey(), a.hasDeclaredValue() ? a.getValue() : null);
        }
    }
}
