package org.cryptosec.reader.search;

import java.util.ArrayList;
import java.util.function.Supplier;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import java.util.Map;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the HTML snippet of a hit: the best passage of about {@value #SNIPPET_CHARS} characters
 * around the matches, matches in {@code <b>}, all other text HTML-escaped, whitespace collapsed.
 * The stored title/text is re-analysed with each language field's analyzer (UnifiedHighlighter
 * without a searcher), so stemmed matches (hacken → "hackt") are marked too. Thread-safe.
 */
final class SnippetHighlighter {

    private static final Logger LOG = LoggerFactory.getLogger(SnippetHighlighter.class);

    static final int SNIPPET_CHARS = 200;
    /** Characters of the text looked at for matches; longer texts are highlighted in their start. */
    static final int MAX_ANALYZED_CHARS = 20_000;
    private static final String ELLIPSIS = "…";

    private final UnifiedHighlighter highlighter;
    private final Analyzer analyzer;

    SnippetHighlighter(Analyzer analyzer) {
        this.analyzer = analyzer;
        this.highlighter = configure(UnifiedHighlighter.builderWithoutSearcher(analyzer)).build();
    }

    private static UnifiedHighlighter.Builder configure(UnifiedHighlighter.Builder builder) {
        return builder
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        new SpaceBreakIterator(), SNIPPET_CHARS, 0.5f))
                .withFormatter(new HtmlFormatter())
                .withMaxNoHighlightPassages(0)
                .withMaxLength(MAX_ANALYZED_CHARS)
                .withHandleMultiTermQuery(true)
                .withHighlightPhrasesStrictly(true)
                // Terms of the highlighted field only, instead of Weight.matches of the whole query per hit
                // and field (which looked every term of every field up in the term dictionary again).
                .withWeightMatches(false);
    }

    /**
     * Where a snippet comes from, in order: the language text fields, the folded text, the language
     * titles, the folded title. Each pass highlights only the hits no earlier pass found a passage for
     * (most hits are done after the first), and only the fields the query searches.
     */
    private static final List<List<String>> PASSES = List.of(
            List.of(IndexLanguage.DUTCH.textField(), IndexLanguage.ENGLISH.textField()),
            List.of(IndexLanguage.FOLDED.textField()),
            List.of(IndexLanguage.DUTCH.titleField(), IndexLanguage.ENGLISH.titleField()),
            List.of(IndexLanguage.FOLDED.titleField()));

    /**
     * The snippets of a page of hits, highlighted from the offsets kept in the postings of the
     * language fields (no re-analysis of the texts): same choice as {@link #snippet} per hit (its
     * languages' text fields, then title fields, then the start of the text). {@code titles} and
     * {@code texts} are the stored values of the hits, in the order of {@code docIds}.
     */
    String[] snippets(IndexSearcher searcher, Query query, int[] docIds, List<List<IndexLanguage>> languages,
            String[] titles, String[] texts) {
        String[] out = new String[docIds.length];
        if (query != null && docIds.length > 0) {
            java.util.Set<String> searched = fieldsOf(query);
            boolean multiTerm = hasMultiTermQuery(query);
            for (List<String> pass : PASSES) {
                List<String> fields = pass.stream().filter(searched::contains).toList();
                if (!fields.isEmpty()) {
                    highlightPass(searcher, query, multiTerm, fields, docIds, languages, titles, texts, out);
                }
            }
        }
        for (int i = 0; i < docIds.length; i++) {
            if (out[i] == null) {
                String body = texts[i] == null ? "" : texts[i];
                out[i] = leadingExcerpt(body.isBlank() ? (titles[i] == null ? "" : titles[i]) : body);
            }
        }
        return out;
    }

    /** Highlights {@code fields} for the hits without a snippet yet, keeping per hit the first field of its chains with a passage. */
    private void highlightPass(IndexSearcher searcher, Query query, boolean multiTerm, List<String> fields, int[] docIds,
            List<List<IndexLanguage>> languages, String[] titles, String[] texts, String[] out) {
        int[] slots = java.util.stream.IntStream.range(0, docIds.length).filter(i -> out[i] == null).toArray();
        if (slots.length == 0) {
            return;
        }
        int[] pending = new int[slots.length];
        List<List<IndexLanguage>> pendingLanguages = new ArrayList<>(slots.length);
        String[] pendingTitles = new String[slots.length];
        String[] pendingTexts = new String[slots.length];
        for (int k = 0; k < slots.length; k++) {
            pending[k] = docIds[slots[k]];
            pendingLanguages.add(languages.get(slots[k]));
            pendingTitles[k] = titles[slots[k]];
            pendingTexts[k] = texts[slots[k]];
        }
        int[] passages = new int[fields.size()];
        java.util.Arrays.fill(passages, 1);
        Map<String, String[]> marked;
        try {
            marked = new StoredValueHighlighter(configure(UnifiedHighlighter.builder(searcher, analyzer)), pending,
                    pendingLanguages, pendingTitles, pendingTexts, multiTerm)
                    .highlightFields(fields.toArray(String[]::new), query, pending, passages);
        } catch (IOException | RuntimeException e) {
            LOG.debug("highlighting a page of hits failed: {}", e.toString());
            return;
        }
        for (int k = 0; k < slots.length; k++) {
            for (IndexLanguage lang : pendingLanguages.get(k)) {
                String s = nonBlank(marked.get(lang.textField()), k);
                if (s == null) {
                    s = nonBlank(marked.get(lang.titleField()), k);
                }
                if (s != null) {
                    out[slots[k]] = s;
                    break;
                }
            }
        }
    }

    /** The fields the query looks terms up in (prefix, fuzzy and wildcard terms included). */
    static java.util.Set<String> fieldsOf(Query query) {
        java.util.Set<String> fields = new java.util.HashSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                return true;
            }

            @Override
            public void consumeTerms(Query q, org.apache.lucene.index.Term... terms) {
                for (org.apache.lucene.index.Term t : terms) {
                    fields.add(t.field());
                }
            }

            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                fields.add(field);
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                // MUST_NOT terms are never highlighted, and neither are their fields.
                return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
            }
        });
        return fields;
    }

    /** True when the query holds prefix, wildcard or fuzzy terms (matched through an automaton). */
    static boolean hasMultiTermQuery(Query query) {
        boolean[] found = {false};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                found[0] = true;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return found[0];
    }

    private static String nonBlank(String[] values, int i) {
        return values == null || values[i] == null || values[i].isBlank() ? null : values[i];
    }

    /**
     * The language fields are indexed, not stored: their content is the stored title or text, which
     * the caller has already loaded, so it is handed over instead of read again.
     */
    private static final class StoredValueHighlighter extends UnifiedHighlighter {
        private final Map<Integer, Integer> slotOfDoc = new java.util.HashMap<>();
        private final List<List<IndexLanguage>> languages;
        private final String[] titles;
        private final String[] texts;
        private final boolean multiTerm;

        StoredValueHighlighter(UnifiedHighlighter.Builder builder, int[] docIds, List<List<IndexLanguage>> languages,
                String[] titles, String[] texts, boolean multiTerm) {
            super(builder);
            for (int i = 0; i < docIds.length; i++) {
                slotOfDoc.put(docIds[i], i);
            }
            this.languages = languages;
            this.titles = titles;
            this.texts = texts;
            this.multiTerm = multiTerm;
        }

        /**
         * Offsets come from the postings, except for queries with prefix/wildcard/fuzzy terms: matching
         * their automaton against the postings walks the whole term dictionary of the segment for every
         * hit, while re-analysing the hit's text (a small in-memory index) does not grow with the library.
         */
        @Override
        protected OffsetSource getOffsetSource(String field) {
            return multiTerm ? OffsetSource.ANALYSIS : super.getOffsetSource(field);
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
                throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                Integer slot = slotOfDoc.get(doc);
                CharSequence[] row = new CharSequence[fields.length];
                for (int f = 0; f < fields.length; f++) {
                    String v = slot == null || !hasField(languages.get(slot), fields[f]) ? ""
                            : fields[f].startsWith(SearchFields.TITLE + "_") ? titles[slot] : texts[slot];
                    v = v == null ? "" : v;
                    row[f] = v.length() > MAX_ANALYZED_CHARS ? v.substring(0, safeCut(v, MAX_ANALYZED_CHARS)) : v;
                }
                values.add(row);
            }
            return values;
        }

        private static boolean hasField(List<IndexLanguage> chains, String field) {
            for (IndexLanguage lang : chains) {
                if (lang.textField().equals(field) || lang.titleField().equals(field)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The snippet of one hit: a passage of the text with matches, else the title with matches, else
     * the start of the text (or the title), all escaped.
     */
    String snippet(Query query, List<IndexLanguage> languages, String title, String text) {
        String body = text == null ? "" : text;
        String head = title == null ? "" : title;
        if (query != null) {
            for (IndexLanguage lang : languages) {
                String s = highlight(lang.textField(), query, body);
                if (s != null) {
                    return s;
                }
            }
            for (IndexLanguage lang : languages) {
                String s = highlight(lang.titleField(), query, head);
                if (s != null) {
                    return s;
                }
            }
        }
        return leadingExcerpt(body.isBlank() ? head : body);
    }

    private String highlight(String field, Query query, String content) {
        if (content.isBlank()) {
            return null;
        }
        String limited = content.length() > MAX_ANALYZED_CHARS
                ? content.substring(0, safeCut(content, MAX_ANALYZED_CHARS)) : content;
        try {
            Object result = highlighter.highlightWithoutSearcher(field, query, limited, 1);
            if (result instanceof String && !((String) result).isBlank()) {
                return (String) result;
            }
            return null;
        } catch (IOException | RuntimeException e) {
            // Highlighting is decoration: a failure costs the marks, never the hit.
            LOG.debug("highlighting field {} failed: {}", field, e.toString());
            return null;
        }
    }

    /** The first ~{@value #SNIPPET_CHARS} characters, cut at a word boundary, escaped. */
    static String leadingExcerpt(String content) {
        String s = content == null ? "" : content.strip();
        if (s.length() <= SNIPPET_CHARS) {
            return escapeCollapsing(s, 0, s.length());
        }
        int cut = SNIPPET_CHARS;
        int space = s.lastIndexOf(' ', SNIPPET_CHARS);
        if (space > SNIPPET_CHARS / 2) {
            cut = space;
        }
        cut = safeCut(s, cut);
        return escapeCollapsing(s, 0, cut).strip() + " " + ELLIPSIS;
    }

    private static int safeCut(String s, int at) {
        return at > 0 && at < s.length() && Character.isHighSurrogate(s.charAt(at - 1)) ? at - 1 : at;
    }

    /** HTML-escapes {@code s[from, to)} and collapses each whitespace run into one space. */
    static String escapeCollapsing(String s, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from + 16);
        appendEscaped(sb, s, from, to);
        return sb.toString();
    }

    private static void appendEscaped(StringBuilder sb, String s, int from, int to) {
        boolean lastWasSpace = sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ';
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                if (!lastWasSpace) {
                    sb.append(' ');
                    lastWasSpace = true;
                }
                continue;
            }
            lastWasSpace = false;
            switch (c) {
                case '&': sb.append("&amp;"); break;
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '"': sb.append("&quot;"); break;
                case '\'': sb.append("&#39;"); break;
                default:
                    if (c < 0x20 || c == 0x7F) {
                        sb.append(' ');
                    } else {
                        sb.append(c);
                    }
            }
        }
    }

    /** Passages to HTML: escaped text, merged matches in {@code <b>}, ellipses where text was cut. */
    private static final class HtmlFormatter extends PassageFormatter {
        @Override
        public String format(Passage[] passages, String content) {
            StringBuilder sb = new StringBuilder();
            for (Passage p : passages) {
                int start = Math.max(0, p.getStartOffset());
                int end = Math.min(content.length(), p.getEndOffset());
                if (sb.length() > 0) {
                    sb.append(' ').append(ELLIPSIS).append(' ');
                } else if (start > 0) {
                    sb.append(ELLIPSIS).append(' ');
                }
                int pos = start;
                int[] starts = p.getMatchStarts();
                int[] ends = p.getMatchEnds();
                int n = p.getNumMatches();
                int i = 0;
                while (i < n) {
                    int ms = Math.max(starts[i], pos);
                    int me = Math.min(ends[i], end);
                    // merge overlapping or touching matches into one <b>
                    while (i + 1 < n && starts[i + 1] <= me) {
                        i++;
                        me = Math.max(me, Math.min(ends[i], end));
                    }
                    i++;
                    if (ms >= me) {
                        continue;
                    }
                    appendEscaped(sb, content, pos, ms);
                    sb.append("<b>");
                    appendEscaped(sb, content, ms, me);
                    sb.append("</b>");
                    pos = me;
                }
                appendEscaped(sb, content, pos, end);
                if (end < content.length()) {
                    trimTrailingSpace(sb);
                    sb.append(' ').append(ELLIPSIS);
                }
            }
            return sb.toString().strip();
        }

        private static void trimTrailingSpace(StringBuilder sb) {
            while (sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
                sb.setLength(sb.length() - 1);
            }
        }
    }
}
