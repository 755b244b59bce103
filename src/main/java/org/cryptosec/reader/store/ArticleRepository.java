package org.cryptosec.reader.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.ArticleFilter;
import org.cryptosec.reader.model.ArticleState;
import org.cryptosec.reader.model.ArticleSummary;
import org.cryptosec.reader.model.Author;
import org.cryptosec.reader.model.Page;

/**
 * Articles, their author links and their read/starred state.
 *
 * <p>Lists are newest first: by {@code COALESCE(published, fetched)} descending, then id descending.
 * In an {@link ArticleSummary}, {@code published} is that same date (the fetch time when the article
 * has no publication date), and {@code excerpt} is the first {@value #EXCERPT_CHARS} characters of the
 * text with whitespace collapsed.
 */
public final class ArticleRepository {

    static final int EXCERPT_CHARS = 200;
    /** Largest page {@link #list} returns. */
    public static final int MAX_PAGE = 10_000;
    /** Articles read per round trip in {@link #forEach}. */
    static final int BATCH = 500;

    private static final String ARTICLE_COLUMNS = "a.id, a.feed_id, a.guid, a.url, a.title, a.source, a.published,"
            + " a.fetched, a.lang, a.reading_minutes, a.lead_image_url, a.tags, a.html, a.text";

    private static final String SUMMARY_SELECT = "SELECT a.id, a.feed_id, a.title, a.source,"
            + " COALESCE(a.published, a.fetched) AS shown, substr(a.text, 1, " + EXCERPT_CHARS + ") AS excerpt,"
            + " COALESCE(s.read, 0) AS read, COALESCE(s.starred, 0) AS starred"
            + " FROM articles a LEFT JOIN article_state s ON s.article_id = a.id";

    private static final String NEWEST_FIRST = " ORDER BY COALESCE(a.published, a.fetched) DESC, a.id DESC";

    private final Database db;

    public ArticleRepository(Database db) {
        if (db == null) {
            throw new IllegalArgumentException("database is null");
        }
        this.db = db;
    }

    /**
     * Inserts the article, links its authors (they must already have ids, in order) and creates its
     * unread state; keeps the original page HTML. Returns the new id.
     *
     * @throws StoreException when the feed does not exist or the feed already has an article with this GUID
     */
    public long insert(Article article, String originalHtml, String contentHash) {
        if (article == null) {
            throw new IllegalArgumentException("article is null");
        }
        List<Long> authorIds = new ArrayList<>(new LinkedHashSet<>(authorIds(article.authors())));
        Instant fetched = article.fetched() != null ? article.fetched() : Instant.now();
        String what = "store article " + describe(article);
        return db.inTransaction(() -> db.withConnection(what, c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO articles (feed_id, guid, url, title, source, published, fetched, lang, reading_minutes,"
                            + " lead_image_url, tags, content_hash, text, html, original_html)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                ps.setLong(1, article.feedId());
                ps.setString(2, article.guid());
                ps.setString(3, article.url());
                ps.setString(4, article.title());
                ps.setString(5, article.source());
                Sql.setInstant(ps, 6, article.published());
                Sql.setInstant(ps, 7, fetched);
                ps.setString(8, article.lang());
                ps.setInt(9, Math.max(0, article.readingMinutes()));
                ps.setString(10, article.leadImageUrl());
                ps.setString(11, Sql.joinTags(article.tags()));
                ps.setString(12, contentHash);
                ps.setString(13, article.text());
                ps.setString(14, article.html());
                ps.setString(15, originalHtml);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            } catch (SQLException e) {
                if (Sql.isUniqueViolation(e)) {
                    throw new StoreException("Cannot store article " + describe(article) + ": feed " + article.feedId()
                            + " already has an article with GUID " + article.guid(), e);
                }
                if (Sql.isForeignKeyViolation(e)) {
                    throw new StoreException("Cannot store article " + describe(article) + ": there is no feed "
                            + article.feedId(), e);
                }
                throw e;
            }
            if (!authorIds.isEmpty()) {
                try {
                    linkAuthors(c, id, authorIds);
                } catch (SQLException e) {
                    if (Sql.isForeignKeyViolation(e)) {
                        throw new StoreException("Cannot store article " + describe(article)
                                + ": one of its authors " + authorIds + " is not stored", e);
                    }
                    throw e;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO article_state (article_id, read, starred) VALUES (?, 0, 0)")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return id;
        }));
    }

    /** Links the authors to the article in byline order. */
    private static void linkAuthors(Connection c, long articleId, List<Long> authorIds) throws SQLException {
        if (authorIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO article_authors (article_id, author_id, position) VALUES (?, ?, ?)")) {
            int position = 0;
            for (long authorId : authorIds) {
                ps.setLong(1, articleId);
                ps.setLong(2, authorId);
                ps.setInt(3, position++);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Replaces what extraction produced for a stored article (title, date, language, reading time, lead
     * image, tags, body and its authors, who must already have ids), keeping its identity, feed, URL,
     * fetch time, original HTML, content hash and read state. Returns false when there is no such article.
     */
    public boolean updateExtraction(Article article) {
        if (article == null) {
            throw new IllegalArgumentException("article is null");
        }
        List<Long> authorIds = new ArrayList<>(new LinkedHashSet<>(authorIds(article.authors())));
        String what = "update the extraction of article " + article.id();
        return db.inTransaction(() -> db.withConnection(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE articles SET title = ?, published = ?, lang = ?, reading_minutes = ?, lead_image_url = ?,"
                            + " tags = ?, text = ?, html = ? WHERE id = ?")) {
                ps.setString(1, article.title());
                Sql.setInstant(ps, 2, article.published());
                ps.setString(3, article.lang());
                ps.setInt(4, Math.max(0, article.readingMinutes()));
                ps.setString(5, article.leadImageUrl());
                ps.setString(6, Sql.joinTags(article.tags()));
                ps.setString(7, article.text());
                ps.setString(8, article.html());
                ps.setLong(9, article.id());
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM article_authors WHERE article_id = ?")) {
                ps.setLong(1, article.id());
                ps.executeUpdate();
            }
            linkAuthors(c, article.id(), authorIds);
            return true;
        }));
    }

    private static List<Long> authorIds(List<Author> authors) {
        List<Long> ids = new ArrayList<>(authors.size());
        for (Author author : authors) {
            if (author == null || author.id() <= 0) {
                throw new IllegalArgumentException("article author " + (author == null ? null : author.name())
                        + " has no id: store it with AuthorRepository.upsert first");
            }
            ids.add(author.id());
        }
        return ids;
    }

    private static String describe(Article article) {
        return article.url() != null ? article.url() : article.guid() != null ? article.guid() : "\"" + article.title() + "\"";
    }

    /**
     * Inserts the article unless one with its GUID (in its feed), its URL or this content hash is stored
     * already, checked in the same transaction as the insert (parallel refreshes of two feeds that list the
     * same article store it once). Returns the new id, or 0 when it was a duplicate.
     */
    public long insertIfAbsent(Article article, String originalHtml, String contentHash) {
        if (article == null) {
            throw new IllegalArgumentException("article is null");
        }
        return db.inTransaction(() -> existsByGuid(article.feedId(), article.guid()) || existsByUrl(article.url())
                || existsByContentHash(contentHash) ? 0L : insert(article, originalHtml, contentHash));
    }

    public boolean existsByGuid(long feedId, String guid) {
        if (guid == null) {
            return false;
        }
        return exists("look up article GUID " + guid, "SELECT 1 FROM articles WHERE feed_id = ? AND guid = ?", feedId, guid);
    }

    public boolean existsByUrl(String url) {
        if (url == null) {
            return false;
        }
        return exists("look up article URL " + url, "SELECT 1 FROM articles WHERE url = ?", url);
    }

    public boolean existsByContentHash(String contentHash) {
        if (contentHash == null) {
            return false;
        }
        return exists("look up article content hash " + contentHash,
                "SELECT 1 FROM articles WHERE content_hash = ?", contentHash);
    }

    /** The id and content hash of the feed's article with this GUID, if stored. */
    public Optional<StoredKey> findByGuid(long feedId, String guid) {
        if (guid == null) {
            return Optional.empty();
        }
        return db.withConnection("look up article GUID " + guid, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, content_hash FROM articles WHERE feed_id = ? AND guid = ? LIMIT 1")) {
                ps.setLong(1, feedId);
                ps.setString(2, guid);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredKey(rs.getLong(1), rs.getString(2))) : Optional.<StoredKey>empty();
                }
            }
        });
    }

    /** An article's id and the content hash it was stored with. */
    public record StoredKey(long id, String contentHash) {
    }

    /**
     * Replaces the content of a stored article whose feed item changed (title, body, authors, dates...),
     * keeping its id, GUID, feed and the reader's state (read, starred). Authors must have ids. False
     * when the article is gone.
     */
    public boolean updateContent(long id, Article article, String originalHtml, String contentHash) {
        if (article == null) {
            throw new IllegalArgumentException("article is null");
        }
        List<Long> authorIds = new ArrayList<>(new LinkedHashSet<>(authorIds(article.authors())));
        return db.inTransaction(() -> db.withConnection("update article " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE articles SET url = ?, title = ?, source = ?,"
                    + " published = ?, lang = ?, reading_minutes = ?, lead_image_url = ?, tags = ?, content_hash = ?,"
                    + " text = ?, html = ?, original_html = ? WHERE id = ?")) {
                ps.setString(1, article.url());
                ps.setString(2, article.title());
                ps.setString(3, article.source());
                Sql.setInstant(ps, 4, article.published());
                ps.setString(5, article.lang());
                ps.setInt(6, Math.max(0, article.readingMinutes()));
                ps.setString(7, article.leadImageUrl());
                ps.setString(8, Sql.joinTags(article.tags()));
                ps.setString(9, contentHash);
                ps.setString(10, article.text());
                ps.setString(11, article.html());
                ps.setString(12, originalHtml);
                ps.setLong(13, id);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM article_authors WHERE article_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            linkAuthors(c, id, authorIds);
            return true;
        }));
    }

    /**
     * Deletes the article (its state, author and image links go with it) and leaves a tombstone of its
     * feed + GUID, URL and content hash so a later refresh does not bring it back. False when it did not exist.
     */
    public boolean deleteWithTombstone(long id, Instant when) {
        return db.inTransaction(() -> db.withConnection("delete article " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tombstones (feed_id, guid, url, content_hash,"
                    + " deleted) SELECT feed_id, guid, url, content_hash, ? FROM articles WHERE id = ?")) {
                Sql.setInstant(ps, 1, when != null ? when : Instant.now());
                ps.setLong(2, id);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM articles WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return true;
        }));
    }

    /** True when the user deleted an article with this feed + GUID, this URL or this content hash. */
    public boolean isTombstoned(long feedId, String guid, String url, String contentHash) {
        return db.withConnection("look up deleted articles", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM tombstones WHERE (feed_id = ? AND guid = ?)"
                    + " OR url = ? OR content_hash = ? LIMIT 1")) {
                ps.setLong(1, feedId);
                ps.setString(2, guid);
                ps.setString(3, url);
                ps.setString(4, contentHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private boolean exists(String what, String sql, Object... args) {
        return db.withConnection(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql + " LIMIT 1")) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The article with its authors (in byline order). */
    public Optional<Article> get(long id) {
        return db.withConnection("read article " + id, c -> {
            List<Article> found = articles(c, "SELECT " + ARTICLE_COLUMNS + " FROM articles a WHERE a.id = ?", id);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
    }

    public Optional<String> originalHtml(long id) {
        return db.withConnection("read the original HTML of article " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT original_html FROM articles WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** The content hash stored with the article, if any. */
    public Optional<String> contentHash(long id) {
        return db.withConnection("read the content hash of article " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT content_hash FROM articles WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Newest first (published, else fetched). */
    public Page<ArticleSummary> list(ArticleFilter filter, int offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset is negative: " + offset);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit is negative: " + limit);
        }
        int pageSize = Math.min(limit, MAX_PAGE);
        ListQuery q = listQuery(filter);
        return db.withConnection("list articles", c -> {
            int total;
            try (PreparedStatement ps = c.prepareStatement(q.countSql())) {
                bind(ps, q.args());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getInt(1);
                }
            }
            if (pageSize == 0 || offset >= total) {
                return new Page<>(List.of(), offset, total);
            }
            List<Object> pageArgs = new ArrayList<>(q.args());
            pageArgs.add(pageSize);
            pageArgs.add(offset);
            return new Page<>(summaries(c, q.pageSql(), pageArgs), offset, total);
        });
    }

    /** The SQL of {@link #list}: the page (before its LIMIT/OFFSET parameters), the count, and their arguments. */
    record ListQuery(String pageSql, String countSql, List<Object> args) {
    }

    static ListQuery listQuery(ArticleFilter filter) {
        ArticleFilter f = filter == null ? ArticleFilter.ALL : filter;
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        StringBuilder countWhere = new StringBuilder(" WHERE 1 = 1");
        if (f.feedId() != null) {
            where.append(" AND a.feed_id = ?");
            countWhere.append(" AND a.feed_id = ?");
            args.add(f.feedId());
        }
        if (f.folder() != null) {
            // The feeds table is small: the subquery gives a handful of ids and SQLite walks the
            // per-feed newest-first index for each of them.
            String inFolder = " AND a.feed_id IN (SELECT id FROM feeds WHERE trim(category) = ?)";
            where.append(inFolder);
            countWhere.append(inFolder);
            args.add(f.folder());
        }
        if (f.unreadOnly()) {
            // COALESCE keeps the page query a LEFT JOIN, so SQLite walks the newest-first index and
            // skips read rows instead of collecting every unread article and sorting them. The count
            // goes through the partial index of unread states instead.
            where.append(" AND COALESCE(s.read, 0) = 0");
            countWhere.append(" AND s.read = 0");
        }
        if (f.starredOnly()) {
            // Starred articles are few: here SQLite may start from the partial index of starred states.
            where.append(" AND s.starred = 1");
            countWhere.append(" AND s.starred = 1");
        }
        String countSql;
        if (!f.unreadOnly() && !f.starredOnly()) {
            countSql = "SELECT count(*) FROM articles a" + countWhere;
        } else if (f.feedId() == null && f.folder() == null) {
            // Every state row belongs to an article (foreign key): counting the partial index is enough.
            countSql = "SELECT count(*) FROM article_state s" + countWhere;
        } else {
            countSql = "SELECT count(*) FROM article_state s JOIN articles a ON a.id = s.article_id" + countWhere;
        }
        return new ListQuery(SUMMARY_SELECT + where + NEWEST_FIRST + " LIMIT ? OFFSET ?", countSql, args);
    }

    /** Summaries for these ids, in the order given; unknown ids are skipped. */
    public List<ArticleSummary> summaries(List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        distinct.remove(null);
        Map<Long, ArticleSummary> byId = db.withConnection("read article summaries", c -> {
            Map<Long, ArticleSummary> found = new HashMap<>();
            for (int from = 0; from < distinct.size(); from += Sql.MAX_IN_PARAMS) {
                List<Long> chunk = distinct.subList(from, Math.min(distinct.size(), from + Sql.MAX_IN_PARAMS));
                String sql = SUMMARY_SELECT + " WHERE a.id IN (" + Sql.placeholders(chunk.size()) + ")";
                for (ArticleSummary s : summaries(c, sql, new ArrayList<>(chunk))) {
                    found.put(s.id(), s);
                }
            }
            return found;
        });
        List<ArticleSummary> result = new ArrayList<>(ids.size());
        for (Long id : ids) {
            ArticleSummary s = id == null ? null : byId.get(id);
            if (s != null) {
                result.add(s);
            }
        }
        return result;
    }

    /** The author's articles, newest first. */
    public List<ArticleSummary> byAuthor(long authorId) {
        return db.withConnection("list the articles of author " + authorId, c -> summaries(c,
                SUMMARY_SELECT + " JOIN article_authors aa ON aa.article_id = a.id WHERE aa.author_id = ?" + NEWEST_FIRST,
                List.of(authorId)));
    }

    public Optional<ArticleState> state(long id) {
        return db.withConnection("read the state of article " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT a.id, COALESCE(s.read, 0), COALESCE(s.starred, 0)"
                            + " FROM articles a LEFT JOIN article_state s ON s.article_id = a.id WHERE a.id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new ArticleState(rs.getLong(1), rs.getInt(2) != 0, rs.getInt(3) != 0))
                            : Optional.empty();
                }
            }
        });
    }

    /** Marks the article read or unread; an id that no longer exists changes nothing. */
    public void setRead(long id, boolean read) {
        Long readAt = read ? Sql.millis(Instant.now()) : null;
        writeState("mark article " + id + (read ? " read" : " unread"),
                "INSERT INTO article_state (article_id, read, starred, read_at) SELECT id, ?, 0, ? FROM articles WHERE id = ?"
                        + " ON CONFLICT (article_id) DO UPDATE SET read = excluded.read, read_at = excluded.read_at",
                read ? 1 : 0, readAt, id);
    }

    /** Stars or unstars the article; an id that no longer exists changes nothing. */
    public void setStarred(long id, boolean starred) {
        writeState("mark article " + id + (starred ? " starred" : " not starred"),
                "INSERT INTO article_state (article_id, read, starred) SELECT id, 0, ? FROM articles WHERE id = ?"
                        + " ON CONFLICT (article_id) DO UPDATE SET starred = excluded.starred",
                starred ? 1 : 0, id);
    }

    /** Marks every article read, or every article of one feed when {@code feedId} is non-null; returns how many changed. */
    public int markAllRead(Long feedId) {
        long now = Sql.millis(Instant.now());
        return db.inTransaction(() -> db.withConnection("mark all articles read", c -> {
            String sql = "UPDATE article_state SET read = 1, read_at = ? WHERE read = 0"
                    + (feedId == null ? "" : " AND article_id IN (SELECT id FROM articles WHERE feed_id = ?)");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, now);
                if (feedId != null) {
                    ps.setLong(2, feedId);
                }
                return ps.executeUpdate();
            }
        }));
    }

    private void writeState(String what, String sql, Object... args) {
        db.inTransaction(() -> db.withConnection(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                ps.executeUpdate();
            }
            return null;
        }));
    }

    public long count() {
        return db.withConnection("count articles", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM articles")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Every article id, ascending. */
    public List<Long> allIds() {
        return db.withConnection("list article ids", c -> {
            List<Long> ids = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM articles ORDER BY id")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    /**
     * Streams every article (with authors) in id order, in batches, without loading all at once. The
     * database is not locked while {@code consumer} runs (unless the caller is inside a transaction), so
     * articles added or removed meanwhile may or may not be seen.
     */
    public void forEach(Consumer<Article> consumer) {
        if (consumer == null) {
            throw new IllegalArgumentException("consumer is null");
        }
        long after = Long.MIN_VALUE;
        while (true) {
            long from = after;
            List<Article> batch = db.withConnection("read articles after id " + from, c -> articles(c,
                    "SELECT " + ARTICLE_COLUMNS + " FROM articles a WHERE a.id > ? ORDER BY a.id LIMIT " + BATCH, from));
            for (Article article : batch) {
                consumer.accept(article);
            }
            if (batch.size() < BATCH) {
                return;
            }
            after = batch.get(batch.size() - 1).id();
        }
    }

    // ---- reading rows -------------------------------------------------------------------------

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    /** Runs a {@link #SUMMARY_SELECT} query and attaches author names with one more query. */
    private static List<ArticleSummary> summaries(Connection c, String sql, List<Object> args) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {
                        rs.getLong("id"), rs.getLong("feed_id"), rs.getString("title"), rs.getString("source"),
                        Sql.getInstant(rs, "shown"), excerpt(rs.getString("excerpt")),
                        rs.getInt("read") != 0, rs.getInt("starred") != 0});
                }
            }
        }
        List<Long> ids = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ids.add((Long) row[0]);
        }
        Map<Long, List<Author>> authors = authorsOf(c, ids);
        List<ArticleSummary> result = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            List<String> names = new ArrayList<>();
            for (Author author : authors.getOrDefault((Long) row[0], List.of())) {
                names.add(author.name());
            }
            result.add(new ArticleSummary((Long) row[0], (Long) row[1], (String) row[2], (String) row[3], names,
                    (Instant) row[4], (String) row[5], (Boolean) row[6], (Boolean) row[7]));
        }
        return result;
    }

    private static String excerpt(String start) {
        if (start == null) {
            return "";
        }
        return start.replaceAll("[\\s\\p{Z}]+", " ").strip();
    }

    /** Full articles (bodies included) with their authors, for a query over {@code articles a}. */
    private static List<Article> articles(Connection c, String sql, Object... args) throws SQLException {
        List<Article> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("id");
                    found.add(new Article(id, rs.getLong("feed_id"), rs.getString("guid"), rs.getString("url"),
                            rs.getString("title"), rs.getString("source"), List.of(), Sql.getInstant(rs, "published"),
                            rs.getString("lang"), rs.getInt("reading_minutes"), rs.getString("lead_image_url"),
                            Sql.splitTags(rs.getString("tags")), rs.getString("html"), rs.getString("text"),
                            Sql.getInstant(rs, "fetched")));
                }
            }
        }
        if (found.isEmpty()) {
            return found;
        }
        List<Long> ids = new ArrayList<>(found.size());
        for (Article a : found) {
            ids.add(a.id());
        }
        Map<Long, List<Author>> authors = authorsOf(c, ids);
        List<Article> result = new ArrayList<>(found.size());
        for (Article a : found) {
            List<Author> list = authors.get(a.id());
            result.add(list == null ? a : a.withAuthors(list));
        }
        return result;
    }

    /** Authors of these articles in byline order, in one query per {@link Sql#MAX_IN_PARAMS} ids. */
    private static Map<Long, List<Author>> authorsOf(Connection c, List<Long> articleIds) throws SQLException {
        Map<Long, List<Author>> result = new HashMap<>();
        for (int from = 0; from < articleIds.size(); from += Sql.MAX_IN_PARAMS) {
            List<Long> chunk = articleIds.subList(from, Math.min(articleIds.size(), from + Sql.MAX_IN_PARAMS));
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT aa.article_id, au.id, au.name, au.bio, au.url, au.avatar_url"
                            + " FROM article_authors aa JOIN authors au ON au.id = aa.author_id"
                            + " WHERE aa.article_id IN (" + Sql.placeholders(chunk.size()) + ")"
                            + " ORDER BY aa.article_id, aa.position")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.computeIfAbsent(rs.getLong("article_id"), k -> new ArrayList<>())
                                .add(AuthorRepository.read(rs));
                    }
                }
            }
        }
        return result;
    }
}
