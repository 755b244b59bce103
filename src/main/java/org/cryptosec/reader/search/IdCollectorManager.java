package org.cryptosec.reader.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/** The article ids (id doc values) of every hit, sorted ascending. */
final class IdCollectorManager implements CollectorManager<IdCollectorManager.Ids, long[]> {

    @Override
    public Ids newCollector() {
        return new Ids();
    }

    @Override
    public long[] reduce(Collection<Ids> collectors) {
        int total = 0;
        for (Ids c : collectors) {
            total += c.size;
        }
        long[] all = new long[total];
        int at = 0;
        for (Ids c : collectors) {
            System.arraycopy(c.ids, 0, all, at, c.size);
            at += c.size;
        }
        Arrays.sort(all);
        return all;
    }

    static final class Ids extends SimpleCollector {
        private long[] ids = new long[64];
        private int size;
        private NumericDocValues values;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            values = DocValues.getNumeric(context.reader(), SearchFields.ID_VALUES);
        }

        @Override
        public void setScorer(Scorable scorer) {
            // ids only
        }

        @Override
        public void collect(int doc) throws IOException {
            if (values.advanceExact(doc)) {
                if (size == ids.length) {
                    ids = Arrays.copyOf(ids, size * 2);
                }
                ids[size++] = values.longValue();
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
