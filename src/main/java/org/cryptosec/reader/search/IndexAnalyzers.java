package org.cryptosec.reader.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * The analyzers of every index field, in one place (a later synonym filter goes here).
 *
 * <p>Dutch uses the Kraaij-Pohlmann Snowball stemmer rather than the stock DutchAnalyzer, which
 * leaves hackt/hacken and exchange/exchanges apart. Wallet addresses and hashes (0x..., bc1...) stay
 * one token: the standard tokenizer keeps letter-digit runs together up to 255 characters.
 */
final class IndexAnalyzers {

    /** Gap between the values of a multi-valued field, so a phrase never spans two authors or tags. */
    static final int VALUE_GAP = 100;

    private IndexAnalyzers() {
    }

    /** Analyzer for the whole document; fields without their own analyzer get the folding one. */
    static Analyzer perField() {
        Analyzer folding = folding();
        Analyzer dutch = dutch();
        Analyzer english = new EnglishAnalyzer();
        Analyzer names = foldingWithGap();
        Map<String, Analyzer> byField = new HashMap<>();
        byField.put(IndexLanguage.DUTCH.titleField(), dutch);
        byField.put(IndexLanguage.DUTCH.textField(), dutch);
        byField.put(IndexLanguage.ENGLISH.titleField(), english);
        byField.put(IndexLanguage.ENGLISH.textField(), english);
        byField.put(IndexLanguage.FOLDED.titleField(), folding);
        byField.put(IndexLanguage.FOLDED.textField(), folding);
        byField.put(SearchFields.AUTHOR, names);
        byField.put(SearchFields.TAG, names);
        byField.put(SearchFields.SOURCE, names);
        byField.put(SearchFields.LANG, keywordLowercase());
        return new PerFieldAnalyzerWrapper(folding, byField);
    }

    /** Standard tokenizer, lower case, Dutch stop words, Kraaij-Pohlmann stemmer. */
    static Analyzer dutch() {
        try {
            return CustomAnalyzer.builder()
                    .withTokenizer("standard")
                    .addTokenFilter("lowercase")
                    .addTokenFilter("stop", "ignoreCase", "true",
                            "words", "org/apache/lucene/analysis/snowball/dutch_stop.txt",
                            "format", "snowball")
                    .addTokenFilter("snowballPorter", "language", "Kp")
                    .addTokenFilter("asciiFolding")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the Dutch analyzer (Lucene resources missing?)", e);
        }
    }

    /** Standard tokenizer, lower case, ASCII folding; no stop words, no stemming. */
    static Analyzer folding() {
        return buildFolding(0);
    }

    private static Analyzer foldingWithGap() {
        return buildFolding(VALUE_GAP);
    }

    private static Analyzer buildFolding(int gap) {
        try {
            return CustomAnalyzer.builder()
                    .withTokenizer("standard")
                    .addTokenFilter("lowercase")
                    .addTokenFilter("asciiFolding")
                    .withPositionIncrementGap(gap)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the folding analyzer", e);
        }
    }

    private static Analyzer keywordLowercase() {
        try {
            return CustomAnalyzer.builder()
                    .withTokenizer("keyword")
                    .addTokenFilter("lowercase")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the keyword analyzer", e);
        }
    }
}
