package org.cryptosec.reader.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL side of the search benchmark only (not part of the library schema): an FTS5 table over
 * article title and text (external content, so the text is not stored twice), queried with bm25 order
 * and snippet(); and the {@code LIKE '%word%'} scan other readers use. Never used by the app.
 */
public final class BenchmarkQueries {

    /** One answer row. {@code snippet} holds matches in {@code <b>} (FTS5) or a plain excerpt (LIKE). */
    public record TextHit(long articleId, String title, String snippet) {
    }

    static final String FTS_TABLE = "bench_fts";

    private final Database db;

    public BenchmarkQueries(Database db) {
        if (db == null) {
            throw new IllegalArgumentException("database is null");
        }
        this.db = db;
    }

    /** Creates (or rebuilds) the FTS5 table over every stored article; returns the bytes it added to the file. */
    public long buildFullTextTable() {
        return db.inTransaction(() -> db.withConnection("build the FTS5 benchmark table", c -> {
            long before = fileBytes(c);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE VIRTUAL TABLE IF NOT EXISTS " + FTS_TABLE + " USING fts5(title, text,"
                        + " content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2')");
                st.execute("INSERT INTO " + FTS_TABLE + "(" + FTS_TABLE + ") VALUES('rebuild')");
            }
            return fileBytes(c) - before;
        }));
    }

    private static long fileBytes(java.sql.Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            long pages;
            long size;
            try (ResultSet rs = st.executeQuery("PRAGMA page_count")) {
                rs.next();
                pages = rs.getLong(1);
            }
            try (ResultSet rs = st.executeQuery("PRAGMA page_size")) {
                rs.next();
                size = rs.getLong(1);
            }
            return pages * size;
        }
    }

    /**
     * Runs an FTS5 MATCH expression (build it with {@link #ftsTerm}/{@link #ftsPhrase}/{@link #ftsPrefix}),
     * best bm25 first, with a snippet of the text.
     *
     * @throws StoreException when the expression is not valid FTS5 syntax
     */
    public List<TextHit> fullText(String match, int limit) {
        return db.withConnection("FTS5 search", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT rowid, title, snippet(" + FTS_TABLE
                    + ", 1, '<b>', '</b>', '…', 24) FROM " + FTS_TABLE + " WHERE " + FTS_TABLE
                    + " MATCH ? ORDER BY bm25(" + FTS_TABLE + ") LIMIT ?")) {
                ps.setString(1, match);
                ps.setInt(2, limit);
                return hits(ps);
            }
        });
    }

    /** Articles by an author (name compared as the store does: case and spacing ignored), newest first. */
    public List<TextHit> byAuthor(String name, int limit) {
        return db.withConnection("search by author", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.title, substr(a.text, 1, 200) FROM authors au"
                    + " JOIN article_authors aa ON aa.author_id = au.id JOIN articles a ON a.id = aa.article_id"
                    + " WHERE au.name_key = ? ORDER BY a.published DESC LIMIT ?")) {
                ps.setString(1, Sql.nameKey(name));
                ps.setInt(2, limit);
                return hits(ps);
            }
        });
    }

    /**
     * The QuiteRSS way: every needle must occur ({@code title LIKE '%n%' OR text LIKE '%n%'}); an
     * optional author needle matches {@code authors.name LIKE '%a%'}. Every row is scanned (all matches
     * are found, then the newest 20 kept), with the text around the first needle as snippet.
     */
    public List<TextHit> like(List<String> needles, String authorNeedle, int limit) {
        StringBuilder sql = new StringBuilder("SELECT a.id, a.title, substr(a.text, max(1, instr(lower(a.text), lower(?)) - 80), 200)"
                + " FROM articles a WHERE 1 = 1");
        for (int i = 0; i < needles.size(); i++) {
            sql.append(" AND (a.title LIKE ? ESCAPE '\\' OR a.text LIKE ? ESCAPE '\\')");
        }
        if (authorNeedle != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_authors aa JOIN authors au ON au.id = aa.author_id"
                    + " WHERE aa.article_id = a.id AND au.name LIKE ? ESCAPE '\\')");
        }
        // "+published": no index walk that stops at the 20 newest matches; like Lucene (exact total) and
        // FTS5 (bm25 over all matches), every match is found, as a reader listing the filtered articles does.
        sql.append(" ORDER BY +a.published DESC LIMIT ?");
        return db.withConnection("LIKE search", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int p = 1;
                ps.setString(p++, needles.isEmpty() ? "" : needles.get(0));
                for (String n : needles) {
                    String pattern = "%" + escapeLike(n) + "%";
                    ps.setString(p++, pattern);
                    ps.setString(p++, pattern);
                }
                if (authorNeedle != null) {
                    ps.setString(p++, "%" + escapeLike(authorNeedle) + "%");
                }
                ps.setInt(p, limit);
                return hits(ps);
            }
        });
    }

    private static List<TextHit> hits(PreparedStatement ps) throws SQLException {
        List<TextHit> hits = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                hits.add(new TextHit(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
        }
        return hits;
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A word as an FTS5 string (so words such as AND/NEAR stay words). */
    public static String ftsTerm(String word) {
        return "\"" + word.replace("\"", "\"\"") + "\"";
    }

    /** Words as one FTS5 phrase. */
    public static String ftsPhrase(List<String> words) {
        return ftsTerm(String.join(" ", words));
    }

    /** An FTS5 prefix query. */
    public static String ftsPrefix(String prefix) {
        return ftsTerm(prefix) + " *";
    }
}
