package org.cryptosec.reader.search;

import java.util.List;
import java.util.Locale;

/**
 * The analysis chains the index knows. Each article's title and text go into the fields of its
 * language plus the language-neutral {@link #FOLDED} fields; an article without a language goes into
 * every chain, so it is still found with stemming whatever language it turns out to be.
 */
enum IndexLanguage {
    /** Kraaij-Pohlmann Dutch stemming (finds hackt/hacken/gehackt and exchange/exchanges). */
    DUTCH("nl"),
    /** Lucene's EnglishAnalyzer (Porter stemming, English stop words). */
    ENGLISH("en"),
    /** Standard tokenizer, lower case, ASCII folding: no stemming, every article has it. */
    FOLDED("std");

    private final String suffix;

    IndexLanguage(String suffix) {
        this.suffix = suffix;
    }

    String titleField() {
        return SearchFields.TITLE + "_" + suffix;
    }

    String textField() {
        return SearchFields.TEXT + "_" + suffix;
    }

    /** The primary language subtag in lower case ("nl-NL" → "nl"), or "" when absent. */
    static String normalizeTag(String lang) {
        if (lang == null) {
            return "";
        }
        String trimmed = lang.strip().toLowerCase(Locale.ROOT);
        int cut = 0;
        while (cut < trimmed.length() && Character.isLetter(trimmed.charAt(cut))) {
            cut++;
        }
        String primary = trimmed.substring(0, cut);
        return primary.length() > 8 ? primary.substring(0, 8) : primary;
    }

    /** The chains an article of this language (a BCP 47 tag, may be null) is analysed with. */
    static List<IndexLanguage> chainsFor(String lang) {
        switch (normalizeTag(lang)) {
            case "nl":
                return List.of(DUTCH, FOLDED);
            case "en":
                return List.of(ENGLISH, FOLDED);
            case "":
                return List.of(DUTCH, ENGLISH, FOLDED);
            default:
                return List.of(FOLDED);
        }
    }
}
