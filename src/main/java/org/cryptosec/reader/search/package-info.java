/**
 * Full-text search over the library: the only package that uses Lucene.
 *
 * <p>{@link org.cryptosec.reader.search.ArticleIndex} is the whole public surface. Inside:
 * <ul>
 *   <li>{@code IndexAnalyzers}: one analyzer per field. Title and text are indexed per article
 *       language into {@code title_nl/text_nl} (Kraaij-Pohlmann Dutch stemmer, since the stock
 *       DutchAnalyzer leaves hackt/hacken and exchange/exchanges apart), {@code title_en/text_en}
 *       (EnglishAnalyzer), and always {@code title_std/text_std} (standard tokenizer, lower case,
 *       ASCII folding; no stemming). An article without a language gets all three.</li>
 *   <li>{@code ArticleQueryParser}/{@code ArticleQueryBuilder}: the classic QueryParser over a
 *       virtual default field; each word or phrase becomes a DisjunctionMaxQuery over every
 *       language field (each analysed with its own analyzer, titles boosted 3x) plus author and
 *       tag. Prefix/wildcard/fuzzy terms search the unstemmed fields only. Words are ANDed; when
 *       that finds nothing the implicit ANDs become ORs. Anything unparsable or oversized is
 *       searched as plain words with {@code fellBackToPlainWords} set.</li>
 *   <li>{@code SnippetHighlighter}: UnifiedHighlighter re-analysing the stored text with the
 *       article's language fields; own formatter (matches in {@code <b>}, the rest escaped).</li>
 *   <li>{@code ArticleDocuments}: the article ↔ document mapping.</li>
 * </ul>
 */
package org.cryptosec.reader.search;
