package org.cryptosec.reader.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;
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

    SnippetHighlighter(Analyzer analyzer) {
        this.highlighter = UnifiedHighlighter.builderWithoutSearcher(analyzer)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getWordInstance(Locale.ROOT), SNIPPET_CHARS, 0.5f))
                .withFormatter(new HtmlFormatter())
                .withMaxNoHighlightPassages(0)
                .withMaxLength(MAX_ANALYZED_CHARS)
                .withHandleMultiTermQuery(true)
                .withHighlightPhrasesStrictly(true)
                .build();
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
