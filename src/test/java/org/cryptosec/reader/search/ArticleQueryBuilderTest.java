package org.cryptosec.reader.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleQueryBuilderTest {

    private final ArticleQueryBuilder builder = new ArticleQueryBuilder(IndexAnalyzers.perField());

    private static String repeat(String word, int n, String sep) {
        return IntStream.range(0, n).mapToObj(i -> word + i).collect(Collectors.joining(sep));
    }

    @ParameterizedTest(name = "\"{0}\" falls back to plain words: {1}")
    @CsvSource(delimiter = '|', value = {
        "hack exchange          | false",
        "hack*                  | false",
        "hack~                  | false",
        "h?ck                   | false",
        "*hack                  | true",
        "/h.ck/                 | true",
        "[a TO b]               | true",
        "hack)                  | true",
        "lang:                  | true",
        "lang:\"\"              | true",
        "foo:b*                 | true",
    })
    void parserFallsBackOnlyOnWhatItCannotOrWillNotRun(String q, boolean fellBack) {
        assertEquals(fellBack, builder.build(q).fellBackToPlainWords(), q);
    }

    @Test
    void moreThanEightWildcardTermsFallBack() {
        assertFalse(builder.build(repeat("ab", ArticleQueryParser.MAX_MULTI_TERMS, "* ") + "*").fellBackToPlainWords());
        assertTrue(builder.build(repeat("ab", ArticleQueryParser.MAX_MULTI_TERMS + 1, "* ") + "*").fellBackToPlainWords());
    }

    @Test
    void tooManyClausesFallBackToAtMostThePlainWordCap() {
        ArticleQueryBuilder.BuiltQuery q = builder.build(repeat("w", 150, " OR "));
        assertTrue(q.fellBackToPlainWords());
        assertEquals(ArticleQueryBuilder.MAX_PLAIN_WORDS, ((BooleanQuery) q.strict()).clauses().size());
        assertTrue(ArticleQueryBuilder.countLeaves(q.strict()) <= ArticleQueryBuilder.MAX_LEAF_CLAUSES);
    }

    @Test
    void implicitAndHasAnOrVariantButExplicitOperatorsDoNot() {
        ArticleQueryBuilder.BuiltQuery words = builder.build("hack exchange");
        assertTrue(((BooleanQuery) words.strict()).clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST));
        assertTrue(((BooleanQuery) words.relaxed()).clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.SHOULD));
        assertNull(builder.build("hack AND exchange").relaxed());
        assertNull(builder.build("hack").relaxed());
    }

    @Test
    void onlyExclusionsMeansEverythingExcept() {
        BooleanQuery q = (BooleanQuery) builder.build("-bitcoin -ether").strict();
        assertEquals(3, q.clauses().size());
        assertTrue(q.clauses().get(0).getQuery() instanceof MatchAllDocsQuery);
    }

    @Test
    void punctuationOnlyIsEmpty() {
        assertTrue(builder.build("... , ;").isEmpty());
        assertTrue(builder.build("\"\"").isEmpty());
    }

    @Test
    void plainWordsDropFieldPrefixes() {
        ArticleQueryBuilder.BuiltQuery q = builder.build("title:(kernwapens AUTHOR:bult");
        assertTrue(q.fellBackToPlainWords());
        assertEquals(2, ((BooleanQuery) q.strict()).clauses().size(), q.strict().toString());
        assertFalse(q.strict().toString().contains(":title"), q.strict().toString());
    }

    @Test
    void plainWordsDropOperatorsAndSyntax() {
        ArticleQueryBuilder.BuiltQuery q = builder.plainWords("AND (hack OR ~exchange");
        assertTrue(q.fellBackToPlainWords());
        assertEquals(2, ((BooleanQuery) q.strict()).clauses().size());
    }
}
