package org.cryptosec.reader.model;

import java.util.Objects;

/**
 * Keep only hits whose {@code dimension} has this exact value (as shown in {@link Facet}). Filters of
 * one dimension are ORed, filters of different dimensions ANDed.
 */
public record FacetFilter(FacetDimension dimension, String value) {

    /** Characters of a filter value at most (the index cuts longer facet values to this). */
    public static final int MAX_VALUE_CHARS = 200;

    public FacetFilter {
        Objects.requireNonNull(dimension, "dimension");
        value = value == null ? "" : value.strip();
    }

    /**
     * What makes this filter unusable, in words ("the year filter is a year such as 2022, not '21'"); null when it
     * can match: a value, at most {@link #MAX_VALUE_CHARS} characters, no control characters, a year as 2022, a month as
     * 2022-03, a language as nl (the only forms the index holds, so any other one would match nothing without saying why).
     */
    public String problem() {
        String what = "the " + dimension.key() + " filter";
        if (value.isEmpty()) {
            return what + " has no value";
        }
        if (value.length() > MAX_VALUE_CHARS) {
            return what + " has more than " + MAX_VALUE_CHARS + " characters";
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            return what + " contains a line break or another control character";
        }
        if (dimension == FacetDimension.LANGUAGE && !isLanguageCode(value)) {
            return what + " is a language code such as nl or en, not '" + value + "'";
        }
        if (dimension == FacetDimension.YEAR && !value.matches("\\d{4}")) {
            return what + " is a year such as 2022, not '" + value + "'";
        }
        if (dimension == FacetDimension.MONTH && !value.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            return what + " is a month such as 2022-03, not '" + value + "'";
        }
        return null;
    }

    /** As the index holds languages: the primary subtag, lower case letters only, at most 8 ("nl", not "nl-NL"). */
    private static boolean isLanguageCode(String value) {
        return value.length() <= 8 && value.chars().allMatch(Character::isLetter)
                && value.equals(value.toLowerCase(java.util.Locale.ROOT));
    }

    /** "source=Rekt News" or "year:2022"; a language is taken in any case ("lang=NL" is nl). */
    public static FacetFilter parse(String s) {
        String text = s == null ? "" : s;
        int cut = text.indexOf('=');
        if (cut < 0) {
            cut = text.indexOf(':');
        }
        if (cut <= 0 || cut == text.length() - 1) {
            throw new IllegalArgumentException("a filter is DIMENSION=VALUE (e.g. source=Rekt News), not '" + s + "'");
        }
        FacetDimension dimension = FacetDimension.parse(text.substring(0, cut));
        String value = text.substring(cut + 1);
        return new FacetFilter(dimension,
                dimension == FacetDimension.LANGUAGE ? value.toLowerCase(java.util.Locale.ROOT) : value);
    }

    /** The filter as {@code --filter} takes it, unquoted: "lang=nl". */
    public String text() {
        return dimension.key() + "=" + value;
    }
}
