package org.cryptosec.reader.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.cryptosec.reader.model.Facet;
import org.cryptosec.reader.model.FacetDimension;
import org.cryptosec.reader.model.FacetValue;

/**
 * Counts facet values over every hit from the SortedSetDocValues of the facet fields (no facets
 * module, no taxonomy index): per segment an int per ordinal, turned into labels once at the end of
 * the segment. Years are the sums of their months.
 */
final class FacetCounts implements CollectorManager<FacetCounts.Counter, List<Facet>> {

    /** Values kept per facet (the {@code distinct} count covers all). */
    static final int TOP_VALUES = 50;

    /** Dimensions with their own doc values field; YEAR is derived from MONTH. */
    private static final FacetDimension[] STORED = {FacetDimension.SOURCE, FacetDimension.AUTHOR,
            FacetDimension.LANGUAGE, FacetDimension.TAG, FacetDimension.MONTH};

    /** The sorted-set doc values field of a dimension: "key\0spelling" per value. */
    static String field(FacetDimension d) {
        return "facet_" + d.key();
    }

    /** The indexed field of a dimension: the value's key ({@link ArticleDocuments#facetKey}), for filters. */
    static String keyField(FacetDimension d) {
        return "facet_key_" + d.key();
    }

    @Override
    public Counter newCollector() {
        return new Counter();
    }

    @Override
    public List<Facet> reduce(Collection<Counter> counters) {
        Map<FacetDimension, Map<String, Map<String, Long>>> totals = new EnumMap<>(FacetDimension.class);
        for (Counter c : counters) {
            c.totals.forEach((d, keys) -> {
                Map<String, Map<String, Long>> t = totals.computeIfAbsent(d, k -> new HashMap<>());
                keys.forEach((key, spellings) -> {
                    Map<String, Long> s = t.computeIfAbsent(key, k -> new HashMap<>());
                    spellings.forEach((spelling, n) -> s.merge(spelling, n, Long::sum));
                });
            });
        }
        Map<String, Map<String, Long>> years = new HashMap<>();
        totals.getOrDefault(FacetDimension.MONTH, Map.of()).forEach((month, spellings) -> {
            String year = month.substring(0, Math.min(4, month.length()));
            years.computeIfAbsent(year, k -> new HashMap<>()).merge(year, sum(spellings), Long::sum);
        });
        totals.put(FacetDimension.YEAR, years);
        List<Facet> facets = new ArrayList<>();
        for (FacetDimension d : FacetDimension.values()) {
            Map<String, Long> counts = new HashMap<>();
            totals.getOrDefault(d, Map.of()).values().forEach(spellings -> counts.put(mostCommon(spellings), sum(spellings)));
            facets.add(facet(d, counts));
        }
        return facets;
    }

    /** The hits of one value, all spellings together. */
    private static long sum(Map<String, Long> spellings) {
        long n = 0;
        for (long c : spellings.values()) {
            n += c;
        }
        return n;
    }

    /** The spelling with the most hits; of equal counts the first in code point order, so it does not vary. */
    static String mostCommon(Map<String, Long> spellings) {
        String best = null;
        long most = -1;
        for (Map.Entry<String, Long> e : spellings.entrySet()) {
            if (e.getValue() > most || (e.getValue() == most && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }

    private static Facet facet(FacetDimension d, Map<String, Long> counts) {
        Comparator<Map.Entry<String, Long>> order = d == FacetDimension.YEAR || d == FacetDimension.MONTH
                ? Map.Entry.<String, Long>comparingByKey().reversed()
                : Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(e -> e.getKey().toLowerCase(java.util.Locale.ROOT))
                        .thenComparing(Map.Entry.comparingByKey());
        List<FacetValue> values = counts.entrySet().stream().sorted(order).limit(TOP_VALUES)
                .map(e -> new FacetValue(e.getKey(), e.getValue())).toList();
        return new Facet(d, values, counts.size());
    }

    /** Collects one slice of segments. */
    static final class Counter implements Collector {
        /** Per dimension: key → spelling → hits. */
        private final Map<FacetDimension, Map<String, Map<String, Long>>> totals = new EnumMap<>(FacetDimension.class);

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedSetDocValues[] values = new SortedSetDocValues[STORED.length];
            int[][] counts = new int[STORED.length][];
            for (int i = 0; i < STORED.length; i++) {
                values[i] = DocValues.getSortedSet(context.reader(), field(STORED[i]));
                long n = values[i].getValueCount();
                counts[i] = new int[(int) Math.min(n, Integer.MAX_VALUE - 8)];
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                    // counts only
                }

                @Override
                public void collect(int doc) throws IOException {
                    for (int i = 0; i < values.length; i++) {
                        SortedSetDocValues v = values[i];
                        if (v.advanceExact(doc)) {
                            int[] c = counts[i];
                            for (int k = v.docValueCount(); k > 0; k--) {
                                long ord = v.nextOrd();
                                if (ord < c.length) {
                                    c[(int) ord]++;
                                }
                            }
                        }
                    }
                }

                @Override
                public void finish() throws IOException {
                    for (int i = 0; i < values.length; i++) {
                        Map<String, Map<String, Long>> t = totals.computeIfAbsent(STORED[i], k -> new HashMap<>());
                        int[] c = counts[i];
                        for (int ord = 0; ord < c.length; ord++) {
                            if (c[ord] > 0) {
                                String label = values[i].lookupOrd(ord).utf8ToString();
                                int cut = label.indexOf(ArticleDocuments.KEY_END);
                                String key = cut < 0 ? label : label.substring(0, cut);
                                String spelling = cut < 0 ? label : label.substring(cut + 1);
                                t.computeIfAbsent(key, k -> new HashMap<>()).merge(spelling, (long) c[ord], Long::sum);
                            }
                        }
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
