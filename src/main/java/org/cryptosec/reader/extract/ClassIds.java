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

    private ClassIds(List<Element> elements, String[] classes, String[] ids, long[] authorWords) {
        this.elements = elements;
        this.classes = classes;
        this.ids = ids;
        this.authorWords = authorWords;
    }

    /** The class and id of each of {@code elements}, by position. */
    static ClassIds of(List<Element> elements) {
        Builder b = new Builder(elements.size());
        for (Element el : elements) {
            b.add(el);
        }
        return b.build(elements);
    }

    /** Collects the names element by element, during a walk of the page that lists the elements. */
    static final class Builder {
        private String[] classes;
        private String[] ids;
        private int size;
        /** By position, the author words noted with {@link #noteAuthorNamed} (see {@link ClassIds#authorNamed}). */
        private long[] authorWords;
        /** How many positions had their author words noted: when all did, the names need not be read for them again. */
        private int authorNoted;

        Builder(int capacity) {
            classes = new String[Math.max(16, capacity)];
            ids = new String[classes.length];
            authorWords = new long[(classes.length + 63) >> 6];
        }

        /**
         * Notes whether the names of the element added last hold an author word (what
         * {@link AuthorBoxes#mayNameAuthor} tells of its class or id), as its reader found out with other words.
         */
        void noteAuthorNamed(boolean named) {
            int at = size - 1;
            if (named) {
                authorWords[at >> 6] |= 1L << at;
            }
            authorNoted++;
        }

        /** Adds the names of the next element of the list. */
        void add(Element el) {
            if (el.attributesSize() == 0) {
                add("", "");
            } else {
                // the HTML parser lower-cases attribute names, so the exact keys find what className() and id() find
                // with their case-blind ones, without comparing every key letter by letter
                org.jsoup.nodes.Attributes a = el.attributes();
                add(a.get("class").trim().toLowerCase(Locale.ROOT), a.get("id").toLowerCase(Locale.ROOT));
            }
        }

        /** Adds the next element's names, already read and lower-cased. */
        void add(String className, String id) {
            if (size == classes.length) {
                classes = java.util.Arrays.copyOf(classes, size * 2);
                ids = java.util.Arrays.copyOf(ids, size * 2);
                authorWords = java.util.Arrays.copyOf(authorWords, (size * 2 + 63) >> 6);
            }
            classes[size] = className;
            ids[size] = id;
            size++;
        }

        /** The class of the element added last. */
        String lastClassName() {
            return classes[size - 1];
        }

        /** The id of the element added last. */
        String lastId() {
            return ids[size - 1];
        }

        /** The names of {@code elements}, whose elements were added in order. */
        ClassIds build(List<Element> elements) {
            if (elements.size() != size) {
                throw new IllegalStateException("names of " + size + " elements for a list of " + elements.size());
            }
            return new ClassIds(elements, classes, ids, authorNoted == size ? authorWords : null);
        }
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

    /**
     * By position, bit i set when the class or id at i holds an author word ({@link AuthorBoxes#mayNameAuthor}):
     * noted by the walk that read the names ({@link Builder#noteAuthorNamed}), else judged once, at the first
     * question, for the author stages that would each read the names again; null till then.
     */
    private long[] authorWords;

    private long[] authorWords() {
        if (authorWords == null) {
            long[] words = new long[(elements.size() + 63) >> 6];
            for (int i = 0, n = elements.size(); i < n; i++) {
                if (AuthorBoxes.mayNameAuthor(classes[i]) || AuthorBoxes.mayNameAuthor(ids[i])) {
                    words[i >> 6] |= 1L << i;
                }
            }
            authorWords = words;
        }
        return authorWords;
    }

    /** Whether the author words are known without reading the names again (noted by the walk, or judged already). */
    boolean authorWordsKnown() {
        return authorWords != null;
    }

    /** Whether the class or id at {@code i} holds an author word ({@link AuthorBoxes#mayNameAuthor}). */
    boolean authorNamed(int i) {
        return (authorWords()[i >> 6] & 1L << i) != 0;
    }

    /**
     * The first position at or after {@code from} whose class or id holds an author word
     * ({@link AuthorBoxes#mayNameAuthor}), or -1: every other position names neither a byline nor an author box.
     */
    int nextAuthorNamed(int from) {
        long[] authorWords = authorWords();
        int w = from >> 6;
        if (w >= authorWords.length) {
            return -1;
        }
        long bits = authorWords[w] & (-1L << from);
        while (bits == 0) {
            if (++w == authorWords.length) {
                return -1;
            }
            bits = authorWords[w];
        }
        return (w << 6) + Long.numberOfTrailingZeros(bits);
    }

    /**
     * What {@code Hints.classAndId} gives for the element at {@code i}: its class and id joined by a space (lower-casing
     * the parts lower-cases the joined string), empty when it has neither.
     */
    String classAndId(int i) {
        return classes[i].isEmpty() && ids[i].isEmpty() ? "" : classes[i] + " " + ids[i];
    }

    // ---------------------------------------------------------------- hints, judged once per name

    /** Per position: which of {@link Hints#isNegative} and {@link Hints#isPositive} of its {@link #classAndId} are known, and their answers. */
    private byte[] hintsAt;
    /** The same by {@link #classAndId} (one cell each, updated in place), for the positions that share one. */
    private java.util.Map<String, int[]> hintsByName;
    private static final int NEGATIVE_KNOWN = 1;
    private static final int NEGATIVE = 2;
    private static final int POSITIVE_KNOWN = 4;
    private static final int POSITIVE = 8;

    /** {@code Hints.isNegative(classAndId(i))}, judged once for all the stages that ask (and all positions of the same name). */
    boolean isNegative(int i) {
        return (hints(i, NEGATIVE_KNOWN) & NEGATIVE) != 0;
    }

    /** {@code Hints.classWeight(classAndId(i))}, from the same verdicts as {@link #isNegative}. */
    int classWeight(int i) {
        int h = hints(i, NEGATIVE_KNOWN | POSITIVE_KNOWN);
        return ((h & NEGATIVE) != 0 ? -25 : 0) + ((h & POSITIVE) != 0 ? 25 : 0);
    }

    /**
     * The string whose hints are those of {@link #classAndId} at {@code i}, built only when the element has both a class
     * and an id: the space that joins them is in no hint word and ends a word as the string's end does, so the verdicts
     * of the class alone (or the id alone) are those of the joined string.
     */
    private String judged(int i) {
        return ids[i].isEmpty() ? classes[i] : classes[i].isEmpty() ? ids[i] : classes[i] + " " + ids[i];
    }

    /** The verdicts known of the name at {@code i}, judging those of {@code wanted} not known yet. */
    private int hints(int i, int wanted) {
        if (hintsAt == null) {
            hintsAt = new byte[classes.length];
            hintsByName = new java.util.HashMap<>();
        }
        int h = hintsAt[i];
        if ((h & wanted) == wanted) {
            return h;
        }
        String ci = judged(i);
        int[] cell = hintsByName.computeIfAbsent(ci, name -> new int[1]);
        h = cell[0];
        if ((wanted & NEGATIVE_KNOWN) != 0 && (h & NEGATIVE_KNOWN) == 0) {
            h |= NEGATIVE_KNOWN | (Hints.isNegative(ci) ? NEGATIVE : 0);
        }
        if ((wanted & POSITIVE_KNOWN) != 0 && (h & POSITIVE_KNOWN) == 0) {
            h |= POSITIVE_KNOWN | (Hints.isPositive(ci) ? POSITIVE : 0);
        }
        cell[0] = h;
        hintsAt[i] = (byte) h;
        return h;
    }
}
