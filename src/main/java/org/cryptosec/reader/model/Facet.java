package org.cryptosec.reader.model;

import java.util.List;

/**
 * Counts of one dimension over all hits of a search, largest first (years and months: newest first).
 * {@code values} holds at most the top ones; {@code distinct} counts them all.
 */
public record Facet(FacetDimension dimension, List<FacetValue> values, int distinct) {

    public Facet {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
