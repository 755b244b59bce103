package org.cryptosec.reader.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser.Operator;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what the user typed into Lucene queries. Semantics:
 * <ul>
 *   <li>Words are ANDed (precision first); {@link BuiltQuery#relaxed()} is the same query with
 *       implicit ORs, which the index runs when the strict one finds nothing. Explicit
 *       {@code AND}/{@code OR}/{@code NOT}/{@code +}/{@code -} keep their meaning in both.</li>
 *   <li>A query of exclusions only ({@code -bitcoin}) means "everything except".</li>
 *   <li>Anything the parser rejects or that is too big (unbalanced quotes or parens, a lone
 *       {@code AND}, {@code title:}, {@code *}, a leading wildcard, more than
 *       {@value #MAX_QUERY_CHARS} characters, more than {@value #MAX_LEAF_CLAUSES} clauses, more
 *       than {@value ArticleQueryParser#MAX_MULTI_TERMS} wildcard/fuzzy terms) is searched as plain
 *       words: the first {@value #MAX_PLAIN_WORDS} whitespace-separated words, each only analysed,
 *       with {@link BuiltQuery#fellBackToPlainWords()} set. Building never throws.</li>
 * </ul>
 * Thread-safe: a parser is made per call.
 */
final class ArticleQueryBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleQueryBuilder.class);

    static final int MAX_QUERY_CHARS = 1_000;
    static final int MAX_PLAIN_WORDS = 32;
    static final int MAX_LEAF_CLAUSES = 512;
    private static final Pattern SYNTAX = Pattern.compile("[\"()\\[\\]{}^~*?\\\\:/!+&|]");
    private static final Pattern LONE_OPERATOR = Pattern.compile("(?<=^|\\s)[-+!](?=\\s|$)");
    private static final Pattern FIELD_PREFIX = Pattern.compile(
            "(?i)(?<![\\p{L}\\p{N}_])(title|text|body|content|author|authors|by|source|site|feed|tag|tags|lang|language"
                    + "|published|date|year|month|day|after|since|from|before|until):");
    /** A word that may start, continue or end a synonym phrase: "(north", "korea)", "-noord". */
    private static final Pattern PHRASE_WORD = Pattern.compile("([(+-]*)([\\p{L}\\p{N}][\\p{L}\\p{N}'’.-]*)(\\)*)");
    private static final Set<String> OPERATOR_WORDS = Set.of("AND", "OR", "NOT", "&&", "||", "!");

    private final Analyzer analyzer;
    private final Synonyms synonyms;

    ArticleQueryBuilder(Analyzer analyzer) {
        this(analyzer, Synonyms.none());
    }

    ArticleQueryBuilder(Analyzer analyzer, Synonyms synonyms) {
        this.analyzer = analyzer;
        this.synonyms = synonyms;
    }

    /**
     * A query ready to run.
     *
     * @param strict  words ANDed; null when the text has nothing searchable (only stop words,
     *                punctuation)
     * @param relaxed words ORed, or null when it would be the same as {@code strict}
     */
    record BuiltQuery(Query strict, Query relaxed, boolean fellBackToPlainWords) {
        boolean isEmpty() {
            return strict == null;
        }
    }

    BuiltQuery build(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return new BuiltQuery(null, null, false);
        }
        if (trimmed.length() > MAX_QUERY_CHARS) {
            LOG.debug("query of {} characters searched as plain words", trimmed.length());
            return plainWords(trimmed.substring(0, MAX_QUERY_CHARS));
        }
        // "Eleven Finance - REKT": a dash between spaces is punctuation, not "exclude REKT".
        String cleaned = LONE_OPERATOR.matcher(trimmed).replaceAll(" ").strip();
        if (cleaned.isEmpty()) {
            return new BuiltQuery(null, null, false);
        }
        try {
            Set<String> phrases = new java.util.HashSet<>();
            String withPhrases = quoteSynonymPhrases(cleaned, synonyms, phrases);
            Query strict = parse(withPhrases, Operator.AND, phrases);
            Query relaxed = parse(withPhrases, Operator.OR, phrases);
            if (isEmptyQuery(strict)) {
                return new BuiltQuery(null, null, false);
            }
            return new BuiltQuery(strict, relaxed.equals(strict) ? null : relaxed, false);
        } catch (ParseException | RuntimeException e) {
            // RuntimeException: TooComplexToDeterminize, TooManyClauses and friends from query building.
            LOG.debug("query {} searched as plain words: {}", abbreviate(trimmed), firstLine(e.getMessage()));
            return plainWords(trimmed);
        }
    }

    /**
     * The text as plain words (no syntax), always with {@code fellBackToPlainWords} set. Words keep
     * their synonyms unless that would make more than {@value #MAX_LEAF_CLAUSES} clauses.
     */
    BuiltQuery plainWords(String text) {
        BuiltQuery withSynonyms = plainWords(text, synonyms);
        if (withSynonyms.isEmpty() || countLeaves(withSynonyms.strict()) <= MAX_LEAF_CLAUSES) {
            return withSynonyms;
        }
        return plainWords(text, Synonyms.none());
    }

    BuiltQuery plainWords(String text, Synonyms expansions) {
        List<String> words = new ArrayList<>();
        // Query syntax characters become spaces: "kernwapens~2.5" is the words kernwapens and 2.5.
        // A field prefix ("title:(kernwapens") is not a word to look for.
        String unfielded = FIELD_PREFIX.matcher(text == null ? "" : text).replaceAll(" ");
        String unsyntaxed = SYNTAX.matcher(unfielded).replaceAll(" ");
        for (String w : unsyntaxed.strip().split("\\s+")) {
            if (!w.isEmpty() && !OPERATOR_WORDS.contains(w)) {
                words.add(w);
            }
            if (words.size() == MAX_PLAIN_WORDS) {
                break;
            }
        }
        ArticleQueryParser parser = new ArticleQueryParser(analyzer, Operator.AND, expansions, Set.of());
        BooleanQuery.Builder strict = new BooleanQuery.Builder();
        BooleanQuery.Builder relaxed = new BooleanQuery.Builder();
        int clauses = 0;
        for (String w : words) {
            Query q = parser.plainWord(w);
            if (q != null) {
                strict.add(q, Occur.MUST);
                relaxed.add(q, Occur.SHOULD);
                clauses++;
            }
        }
        if (clauses == 0) {
            return new BuiltQuery(null, null, true);
        }
        Query s = strict.build();
        return new BuiltQuery(s, clauses == 1 ? null : relaxed.build(), true);
    }

    private Query parse(String text, Operator operator, Set<String> synonymPhrases) throws ParseException {
        ArticleQueryParser parser = new ArticleQueryParser(analyzer, operator, synonyms, synonymPhrases);
        Query q = parser.parse(text);
        int leaves = countLeaves(q);
        if (leaves > MAX_LEAF_CLAUSES || leaves > IndexSearcher.getMaxClauseCount()) {
            throw new ParseException("query has " + leaves + " clauses, more than " + MAX_LEAF_CLAUSES);
        }
        return datesAsFilters(onlyExclusionsMeansAllExcept(q), parser.dateQueries());
    }

    /**
     * Date restrictions at the top level ({@code hack after:2022}) restrict, whatever the operator:
     * they become FILTER clauses (no score), and the words keep at least one match required.
     */
    static Query datesAsFilters(Query q, Set<Query> dates) {
        if (dates.isEmpty() || q == null) {
            return q;
        }
        if (dates.contains(q)) {
            return new BooleanQuery.Builder().add(q, Occur.FILTER).build();
        }
        if (!(q instanceof BooleanQuery)) {
            return q;
        }
        BooleanQuery bq = (BooleanQuery) q;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int should = 0;
        boolean moved = false;
        for (BooleanClause c : bq.clauses()) {
            if (dates.contains(c.getQuery()) && (c.getOccur() == Occur.MUST || c.getOccur() == Occur.SHOULD)) {
                b.add(c.getQuery(), Occur.FILTER);
                moved = true;
            } else {
                b.add(c);
                if (c.getOccur() == Occur.SHOULD) {
                    should++;
                }
            }
        }
        if (!moved) {
            return q;
        }
        b.setMinimumNumberShouldMatch(Math.max(bq.getMinimumNumberShouldMatch(), should > 0 ? 1 : 0));
        return b.build();
    }

    /**
     * Puts unquoted runs of words that form a synonym phrase ({@code North Korea exchange}) in quotes
     * ({@code "North Korea" exchange}), longest phrase first, and adds their keys to {@code phrases} so the
     * parser expands them (a phrase the user quoted stays exact).
     */
    static String quoteSynonymPhrases(String text, Synonyms synonyms, Set<String> phrases) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '"') {
                int close = text.indexOf('"', i + 1);
                i = close < 0 ? n : close + 1;
            } else {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    if (text.charAt(i) == '"') {
                        int close = text.indexOf('"', i + 1);
                        i = close < 0 ? n : close;
                    }
                    i++;
                }
            }
            parts.add(text.substring(start, Math.min(i, n)));
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int p = 0; p < parts.size(); ) {
            int taken = 0;
            for (int len = Math.min(Synonyms.MAX_PHRASE_WORDS, parts.size() - p); len >= 2 && taken == 0; len--) {
                String phrase = phraseAt(parts, p, len);
                if (phrase != null && synonyms.isPhrase(Synonyms.normalize(phrase))) {
                    java.util.regex.Matcher first = PHRASE_WORD.matcher(parts.get(p));
                    java.util.regex.Matcher last = PHRASE_WORD.matcher(parts.get(p + len - 1));
                    first.matches();
                    last.matches();
                    out.append(out.length() == 0 ? "" : " ").append(first.group(1)).append('"')
                            .append(phrase).append('"').append(last.group(3));
                    phrases.add(Synonyms.normalize(phrase));
                    taken = len;
                }
            }
            if (taken == 0) {
                out.append(out.length() == 0 ? "" : " ").append(parts.get(p));
                taken = 1;
            }
            p += taken;
        }
        return out.toString();
    }

    /** The words of parts[p..p+len) joined, when each is a plain word (prefix only on the first, ")" only on the last). */
    private static String phraseAt(List<String> parts, int p, int len) {
        StringBuilder words = new StringBuilder();
        for (int k = 0; k < len; k++) {
            java.util.regex.Matcher m = PHRASE_WORD.matcher(parts.get(p + k));
            if (!m.matches() || OPERATOR_WORDS.contains(m.group(2))
                    || (k > 0 && !m.group(1).isEmpty()) || (k < len - 1 && !m.group(3).isEmpty())) {
                return null;
            }
            words.append(k == 0 ? "" : " ").append(m.group(2));
        }
        return words.toString();
    }

    private static Query onlyExclusionsMeansAllExcept(Query q) {
        if (!(q instanceof BooleanQuery)) {
            return q;
        }
        BooleanQuery bq = (BooleanQuery) q;
        if (bq.clauses().isEmpty()) {
            return q;
        }
        for (BooleanClause c : bq.clauses()) {
            if (c.getOccur() != Occur.MUST_NOT) {
                return q;
            }
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST);
        for (BooleanClause c : bq.clauses()) {
            b.add(c);
        }
        return b.build();
    }

    private static boolean isEmptyQuery(Query q) {
        return q == null || (q instanceof BooleanQuery && ((BooleanQuery) q).clauses().isEmpty());
    }

    /** Leaf queries (terms, phrases' terms, multi-term queries) in the whole tree. */
    static int countLeaves(Query q) {
        int[] count = {0};
        q.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return this;
            }

            @Override
            public void consumeTerms(Query query, Term... terms) {
                count[0] += Math.max(1, terms.length);
            }

            @Override
            public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
                count[0]++;
            }

            @Override
            public void visitLeaf(Query query) {
                count[0]++;
            }
        });
        return count[0];
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
