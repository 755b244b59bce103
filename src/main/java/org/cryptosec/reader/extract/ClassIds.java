package org.cryptosec.reader.extract;

import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * The lower-cased class and id of each element of a list (the body's elements in page order), read once for the
 * metadata stages that test them (dates, bylines, author boxes, credits) instead of by each stage again.
 */
final class ClassIds {

    private final List<Element> elements;
    private final String[] classes;
    private final String[] ids;

    private ClassIds(List<Element> elements) {
        this.elements = elements;
        int n = elements.size();
        classes = new String[n];
        ids = new String[n];
        for (int i = 0; i < n; i++) {
            Element el = elements.get(i);
            if (el.attributesSize() == 0) {
                classes[i] = "";
                ids[i] = "";
            } else {
                classes[i] = el.className().toLowerCase(Locale.ROOT);
                ids[i] = el.id().toLowerCase(Locale.ROOT);
            }
        }
    }

    /** The class and id of each of {@code elements}, by position. */
    static ClassIds of(List<Element> elements) {
        return new ClassIds(elements);
    }

    /** Whether these are the names of exactly this list. */
    boolean describe(List<Element> list) {
        return list == elements;
    }

    /** The lower-cased class attribute (trimmed) of the element at {@code i}, empty when it has none. */
    String className(int i) {
        return classes[i];
    }

    /** The lower-cased id of the element at {@code i}, empty when it has none. */
    String id(int i) {
        return ids[i];
    }
}
