package org.cryptosec.reader.search;

import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * A gentle recency factor for relevance: {@code 1 + WEIGHT * 0.5^(age / HALF_LIFE)}, so a piece
 * published today weighs at most {@value #WEIGHT} more than an old one with the same words, and ties
 * go to the newer. Undated articles get 1. Reads the published doc values.
 */
final class RecencyBoost extends DoubleValuesSource {

    static final double WEIGHT = 0.05;
    static final double HALF_LIFE_MILLIS = 365.25 * 24 * 3600 * 1000;

    private final long now;

    RecencyBoost(long nowMillis) {
        this.now = nowMillis;
    }

    private static final double DECAY_PER_MILLI = Math.log(2) / HALF_LIFE_MILLIS;

    static double factor(long ageMillis) {
        return 1 + WEIGHT * Math.exp(-DECAY_PER_MILLI * Math.max(0, ageMillis));
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues published = DocValues.getNumeric(ctx.reader(), SearchFields.PUBLISHED);
        return new DoubleValues() {
            private double value = 1;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                value = published.advanceExact(doc) ? factor(now - published.longValue()) : 1;
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher reader) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return false;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(now);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof RecencyBoost && ((RecencyBoost) obj).now == now;
    }

    @Override
    public String toString() {
        return "recency(now=" + now + ")";
    }
}
