package org.cryptosec.reader.store;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.cryptosec.reader.model.ArticleFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks that the article list is read in index order rather than sorted. */
final class QueryPlans {

    private static final Logger LOG = LoggerFactory.getLogger(QueryPlans.class);

    private QueryPlans() {
    }

    static String plan(Database db, String sql, List<Object> args) {
        return db.withConnection("explain", c -> {
            StringBuilder sb = new StringBuilder();
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sb.append(rs.getString("detail")).append("; ");
                    }
                }
            }
            return sb.toString();
        });
    }

    /** All, one feed, unread, and unread of one feed must not sort the whole table. */
    static void assertListWalksIndexes(Database db, long feedId) {
        for (ArticleFilter filter : List.of(ArticleFilter.ALL, ArticleFilter.feed(feedId),
                new ArticleFilter(null, true, false), new ArticleFilter(feedId, true, false))) {
            ArticleRepository.ListQuery q = ArticleRepository.listQuery(filter);
            List<Object> args = new java.util.ArrayList<>(q.args());
            args.add(50);
            args.add(0);
            String page = plan(db, q.pageSql(), args);
            LOG.info("{}: page plan {} count plan {}", filter, page, plan(db, q.countSql(), q.args()));
            assertFalse(page.contains("TEMP B-TREE"), filter + " must walk an index, not sort: " + page);
        }
    }
}
