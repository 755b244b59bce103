package org.cryptosec.reader.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The classic QueryParser over a virtual default field, rewritten to the real fields: a word or
 * phrase becomes a disjunction (DisjunctionMaxQuery) over the language fields, each analysed with
 * its own analyzer, titles boosted {@value #TITLE_BOOST}x. Prefix, wildcard and fuzzy terms search
 * only the unstemmed (folded) fields, since the user typed a surface form. {@code author:},
 * {@code title:}, {@code text:}, {@code source:}, {@code tag:} and {@code lang:} map to their
 * fields; an unknown field ({@code 10:30}, {@code foo:bar}) is searched as the words it contains.
 *
 * <p>Not thread-safe (QueryParser keeps state): make one per query.
 */
final class ArticleQueryParser extends QueryParser {

    static final String DEFAULT_FIELD = "_default";
    static final float TITLE_BOOST = 3f;
    static final float TIE_BREAKER = 0.1f;
    /** Prefix, wildcard and fuzzy terms allowed in one query (each expands to many terms). */
    static final int MAX_MULTI_TERMS = 8;
    /** Terms one fuzzy query expands to, per field. */
    static final int FUZZY_EXPANSIONS = 20;
    /** Synonym alternatives added to one query at most; beyond, words are searched as typed. */
    static final int MAX_SYNONYM_ALTERNATIVES = 48;
    /** Weight of a synonym's match relative to the word typed. */
    static final float SYNONYM_BOOST = 0.8f;

    private static final List<FieldBoost> DEFAULT_WORD_FIELDS = List.of(
            new FieldBoost(IndexLanguage.DUTCH.titleField(), TITLE_BOOST),
            new FieldBoost(IndexLanguage.ENGLISH.titleField(), TITLE_BOOST),
            new FieldBoost(IndexLanguage.FOLDED.titleField(), TITLE_BOOST),
            new FieldBoost(IndexLanguage.DUTCH.textField(), 1f),
            new FieldBoost(IndexLanguage.ENGLISH.textField(), 1f),
            new FieldBoost(IndexLanguage.FOLDED.textField(), 1f),
            new FieldBoost(SearchFields.AUTHOR, 1f),
            new FieldBoost(SearchFields.TAG, 1f));
    private static final List<FieldBoost> DEFAULT_MULTI_TERM_FIELDS = List.of(
            new FieldBoost(IndexLanguage.FOLDED.titleField(), TITLE_BOOST),
            new FieldBoost(IndexLanguage.FOLDED.textField(), 1f),
            new FieldBoost(SearchFields.AUTHOR, 1f),
            new FieldBoost(SearchFields.TAG, 1f));
    private static final List<FieldBoost> TITLE_FIELDS = List.of(
            new FieldBoost(IndexLanguage.DUTCH.titleField(), 1f),
            new FieldBoost(IndexLanguage.ENGLISH.titleField(), 1f),
            new FieldBoost(IndexLanguage.FOLDED.titleField(), 1f));
    private static final List<FieldBoost> TEXT_FIELDS = List.of(
            new FieldBoost(IndexLanguage.DUTCH.textField(), 1f),
            new FieldBoost(IndexLanguage.ENGLISH.textField(), 1f),
            new FieldBoost(IndexLanguage.FOLDED.textField(), 1f));

    private record FieldBoost(String field, float boost) {
    }

    /** What a field name in the query stands for. */
    private enum Target { DEFAULT, TITLE, TEXT, SINGLE, LANG, DATE, AFTER, BEFORE, UNKNOWN }

    @FunctionalInterface
    private interface PerField {
        Query build(String field) throws ParseException;
    }

    private int multiTerms;
    private int synonymAlternatives;
    private final Synonyms synonyms;
    /** Normalised phrases the builder put in quotes because they have synonyms (so they expand). */
    private final Set<String> synonymPhrases;
    /** The date restrictions made while parsing (by identity), which the builder turns into filters. */
    private final Set<Query> dateQueries = Collections.newSetFromMap(new IdentityHashMap<>());

    ArticleQueryParser(Analyzer analyzer, Operator defaultOperator) {
        this(analyzer, defaultOperator, Synonyms.none(), Set.of());
    }

    ArticleQueryParser(Analyzer analyzer, Operator defaultOperator, Synonyms synonyms, Set<String> synonymPhrases) {
        super(DEFAULT_FIELD, analyzer);
        this.synonyms = synonyms;
        this.synonymPhrases = synonymPhrases;
        setDefaultOperator(defaultOperator);
        // "Noord-Korea" or "10:30" in one query term is searched as a phrase, not as loose words.
        setSplitOnWhitespace(true);
        setAutoGeneratePhraseQueries(true);
        setAllowLeadingWildcard(false);
        setFuzzyPrefixLength(1);
        setDeterminizeWorkLimit(2_000);
    }

    /** The words of {@code word} (no syntax: it is only analysed) across the default fields. */
    Query plainWord(String word) {
        try {
            return getFieldQuery(DEFAULT_FIELD, word, false);
        } catch (ParseException e) {
            // getFieldQuery on the default field only analyses; nothing in it parses.
            throw new IllegalStateException("analysing a plain word failed: " + e.getMessage(), e);
        }
    }

    private static Target target(String field) {
        if (DEFAULT_FIELD.equals(field)) {
            return Target.DEFAULT;
        }
        switch (field.toLowerCase(Locale.ROOT)) {
            case "title":
                return Target.TITLE;
            case "text": case "body": case "content":
                return Target.TEXT;
            case "author": case "authors": case "by":
            case "source": case "site": case "feed":
            case "tag": case "tags":
                return Target.SINGLE;
            case "lang": case "language":
                return Target.LANG;
            case "published": case "date": case "year": case "month": case "day":
                return Target.DATE;
            case "after": case "since": case "from":
                return Target.AFTER;
            case "before": case "until":
                return Target.BEFORE;
            default:
                return isLanguageField(field) ? Target.SINGLE : Target.UNKNOWN;
        }
    }

    private static boolean isLanguageField(String field) {
        for (IndexLanguage l : IndexLanguage.values()) {
            if (l.titleField().equals(field) || l.textField().equals(field)) {
                return true;
            }
        }
        return false;
    }

    private static String singleField(String field) {
        switch (field.toLowerCase(Locale.ROOT)) {
            case "author": case "authors": case "by":
                return SearchFields.AUTHOR;
            case "source": case "site": case "feed":
                return SearchFields.SOURCE;
            case "tag": case "tags":
                return SearchFields.TAG;
            default:
                return field;
        }
    }

    /** The date restrictions of the last {@link #parse}, by identity. */
    Set<Query> dateQueries() {
        return dateQueries;
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        switch (target(field)) {
            case DEFAULT:
                return withSynonyms(DEFAULT_WORD_FIELDS, queryText, quoted, f -> super.getFieldQuery(f, queryText, quoted));
            case TITLE:
                return withSynonyms(TITLE_FIELDS, queryText, quoted, f -> super.getFieldQuery(f, queryText, quoted));
            case TEXT:
                return withSynonyms(TEXT_FIELDS, queryText, quoted, f -> super.getFieldQuery(f, queryText, quoted));
            case DATE:
            case AFTER:
            case BEFORE:
                return dateQuery(target(field), queryText);
            case SINGLE:
                return super.getFieldQuery(singleField(field), queryText, quoted);
            case LANG:
                String tag = IndexLanguage.normalizeTag(queryText);
                if (tag.isEmpty()) {
                    throw new ParseException("lang: needs a language code such as nl or en");
                }
                return new TermQuery(new Term(SearchFields.LANG, tag));
            default:
                // "10:30", "foo:bar": the user meant the text, colon included; analyse it as such.
                return getFieldQuery(DEFAULT_FIELD, field + ":" + queryText, quoted);
        }
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        switch (target(field)) {
            case DEFAULT:
                return withSynonyms(DEFAULT_WORD_FIELDS, queryText, true, f -> super.getFieldQuery(f, queryText, slop));
            case TITLE:
                return withSynonyms(TITLE_FIELDS, queryText, true, f -> super.getFieldQuery(f, queryText, slop));
            case TEXT:
                return withSynonyms(TEXT_FIELDS, queryText, true, f -> super.getFieldQuery(f, queryText, slop));
            case DATE:
            case AFTER:
            case BEFORE:
                return getFieldQuery(field, queryText, true);
            case SINGLE:
                return super.getFieldQuery(singleField(field), queryText, slop);
            case LANG:
                return getFieldQuery(field, queryText, true);
            default:
                return getFieldQuery(DEFAULT_FIELD, field + ":" + queryText, true);
        }
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        return multiTerm(field, f -> super.getPrefixQuery(f, termStr));
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        if ("*".equals(field) && "*".equals(termStr)) {
            return new MatchAllDocsQuery();
        }
        return multiTerm(field, f -> super.getWildcardQuery(f, termStr));
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        return multiTerm(field, f -> super.getFuzzyQuery(f, termStr, minSimilarity));
    }

    @Override
    protected Query newFuzzyQuery(Term term, float minimumSimilarity, int prefixLength) {
        int edits = FuzzyQuery.floatToEdits(minimumSimilarity, term.text().codePointCount(0, term.text().length()));
        return new FuzzyQuery(term, edits, prefixLength, FUZZY_EXPANSIONS, true);
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        throw new ParseException("regular expressions are not supported");
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2,
            boolean startInclusive, boolean endInclusive) throws ParseException {
        if (target(field) != Target.DATE) {
            throw new ParseException("ranges are only supported on dates (published:[2022-01 TO 2022-06])");
        }
        try {
            long from = Long.MIN_VALUE;
            long to = Long.MAX_VALUE;
            if (part1 != null && !"*".equals(part1)) {
                DatePeriods.Period p = DatePeriods.parse(part1);
                from = startInclusive ? p.start() : p.end();
            }
            if (part2 != null && !"*".equals(part2)) {
                DatePeriods.Period p = DatePeriods.parse(part2);
                to = (endInclusive ? p.end() : p.start()) - 1;
            }
            return dated(from, to);
        } catch (IllegalArgumentException e) {
            throw new ParseException(e.getMessage());
        }
    }

    /** {@code year:2022}, {@code published:2022-03}: within; {@code after:X}: from X on; {@code before:X}: until X. */
    private Query dateQuery(Target target, String text) throws ParseException {
        try {
            DatePeriods.Period p = DatePeriods.parse(text);
            switch (target) {
                case AFTER:
                    return dated(p.start(), Long.MAX_VALUE);
                case BEFORE:
                    return dated(Long.MIN_VALUE, p.start() - 1);
                default:
                    return dated(p.start(), p.end() - 1);
            }
        } catch (IllegalArgumentException e) {
            throw new ParseException(e.getMessage());
        }
    }

    private Query dated(long from, long to) {
        Query q = LongPoint.newRangeQuery(SearchFields.PUBLISHED, from, to);
        dateQueries.add(q);
        return q;
    }

    /**
     * The word or phrase across {@code fields}, or, when it has synonyms (and was not put in quotes by
     * the user), the best of it and each synonym across the same fields, synonyms weighing a little
     * less. Each field analyses each form itself, so "gehackt" is stemmed by the Dutch fields.
     */
    private Query withSynonyms(List<FieldBoost> fields, String queryText, boolean quoted, PerField typed)
            throws ParseException {
        Query original = across(fields, typed);
        String key = Synonyms.normalize(queryText);
        if (quoted && !synonymPhrases.contains(key)) {
            return original;
        }
        List<String> alternatives = synonyms.expand(key);
        if (alternatives.isEmpty() || synonymAlternatives + alternatives.size() > MAX_SYNONYM_ALTERNATIVES) {
            return original;
        }
        synonymAlternatives += alternatives.size();
        List<Query> forms = new ArrayList<>(alternatives.size() + 1);
        if (original != null) {
            forms.add(original);
        }
        for (String alt : alternatives) {
            Query q = across(fields, f -> super.getFieldQuery(f, alt, true));
            if (q != null) {
                forms.add(new BoostQuery(q, SYNONYM_BOOST));
            }
        }
        if (forms.isEmpty()) {
            return null;
        }
        return forms.size() == 1 ? forms.get(0) : new DisjunctionMaxQuery(forms, TIE_BREAKER);
    }

    private Query multiTerm(String field, PerField build) throws ParseException {
        if (++multiTerms > MAX_MULTI_TERMS) {
            throw new ParseException("more than " + MAX_MULTI_TERMS + " prefix, wildcard or fuzzy terms");
        }
        switch (target(field)) {
            case DEFAULT:
                return across(DEFAULT_MULTI_TERM_FIELDS, build);
            case TITLE:
                return build.build(IndexLanguage.FOLDED.titleField());
            case TEXT:
                return build.build(IndexLanguage.FOLDED.textField());
            case SINGLE:
                return build.build(singleField(field));
            case LANG:
                return build.build(SearchFields.LANG);
            case DATE:
            case AFTER:
            case BEFORE:
                throw new ParseException("dates take no wildcards or fuzzy marks: use 2022, 2022-03 or 2022-03-05");
            default:
                throw new ParseException("unknown field: " + field);
        }
    }

    private static Query across(List<FieldBoost> fields, PerField build) throws ParseException {
        List<Query> perField = new ArrayList<>(fields.size());
        for (FieldBoost fb : fields) {
            Query q = build.build(fb.field());
            if (q != null) {
                perField.add(fb.boost() == 1f ? q : new BoostQuery(q, fb.boost()));
            }
        }
        if (perField.isEmpty()) {
            return null;
        }
        return perField.size() == 1 ? perField.get(0) : new DisjunctionMaxQuery(perField, TIE_BREAKER);
    }
}
