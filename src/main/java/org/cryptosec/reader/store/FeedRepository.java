package org.cryptosec.reader.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cryptosec.reader.model.Feed;

/**
 * Subscriptions. Updates of a feed id that no longer exists (removed while it was being refreshed)
 * change nothing and do not throw.
 */
public final class FeedRepository {

    private static final String COLUMNS = "id, url, title, site_url, category, etag, last_modified, last_fetched,"
            + " last_error, error_count, next_fetch, paused_reason";

    private final Database db;

    public FeedRepository(Database db) {
        if (db == null) {
            throw new IllegalArgumentException("database is null");
        }
        this.db = db;
    }

    /** Stores a new feed; if one with the same URL exists, returns that one unchanged. */
    public Feed add(Feed feed) {
        if (feed == null) {
            throw new IllegalArgumentException("feed is null");
        }
        String url = requireUrl(feed.url());
        return db.inTransaction(() -> db.withConnection("add feed " + url, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO feeds (url, title, site_url, category, etag, last_modified, last_fetched, last_error,"
                            + " error_count, next_fetch, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (url) DO NOTHING")) {
                ps.setString(1, url);
                ps.setString(2, feed.title());
                ps.setString(3, feed.siteUrl());
                ps.setString(4, feed.category());
                ps.setString(5, feed.etag());
                ps.setString(6, feed.lastModified());
                Sql.setInstant(ps, 7, feed.lastFetched());
                ps.setString(8, feed.lastError());
                ps.setInt(9, Math.max(0, feed.errorCount()));
                Sql.setInstant(ps, 10, feed.nextFetch());
                ps.setLong(11, System.currentTimeMillis());
                ps.executeUpdate();
            }
            return findByUrl(url).orElseThrow(() -> new StoreException("Feed " + url + " vanished after insert", null));
        }));
    }

    public Optional<Feed> get(long id) {
        return db.withConnection("read feed " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM feeds WHERE id = ?")) {
                ps.setLong(1, id);
                return one(ps);
            }
        });
    }

    public Optional<Feed> findByUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String key = url.strip();
        return db.withConnection("find feed " + key, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM feeds WHERE url = ?")) {
                ps.setString(1, key);
                return one(ps);
            }
        });
    }

    /** All feeds by title. */
    public List<Feed> list() {
        return db.withConnection("list feeds", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM feeds"
                    + " ORDER BY COALESCE(NULLIF(TRIM(title), ''), url) COLLATE NOCASE, id")) {
                return all(ps);
            }
        });
    }

    /** Feeds to refresh at {@code now}: not paused, and never scheduled or scheduled at or before now; soonest first. */
    public List<Feed> due(Instant now) {
        if (now == null) {
            throw new IllegalArgumentException("now is null");
        }
        return db.withConnection("list due feeds", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM feeds"
                    + " WHERE paused_reason IS NULL AND (next_fetch IS NULL OR next_fetch <= ?)"
                    + " ORDER BY COALESCE(next_fetch, 0), id")) {
                ps.setLong(1, Sql.millis(now));
                return all(ps);
            }
        });
    }

    /** Removes the feed with its articles (and their state and links); true when it existed. */
    public boolean remove(long id) {
        return db.inTransaction(() -> db.withConnection("remove feed " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM feeds WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() > 0;
            }
        }));
    }

    /** A 200: new validators, title/siteUrl when non-null, error cleared. */
    public void recordSuccess(long id, String etag, String lastModified, Instant when, String title, String siteUrl,
                              Instant nextFetch) {
        update("record a successful refresh of feed " + id,
                "UPDATE feeds SET etag = ?, last_modified = ?, last_fetched = ?,"
                        + " title = COALESCE(NULLIF(TRIM(?), ''), title), site_url = COALESCE(NULLIF(TRIM(?), ''), site_url),"
                        + " last_error = NULL, error_count = 0, not_found_count = 0, next_fetch = ? WHERE id = ?",
                ps -> {
                    ps.setString(1, etag);
                    ps.setString(2, lastModified);
                    Sql.setInstant(ps, 3, when);
                    ps.setString(4, title);
                    ps.setString(5, siteUrl);
                    Sql.setInstant(ps, 6, nextFetch);
                    ps.setLong(7, id);
                });
    }

    /** A 304: only the time and schedule change (and a run of 404s ends: the feed is there). */
    public void recordNotModified(long id, Instant when, Instant nextFetch) {
        update("record an unchanged refresh of feed " + id,
                "UPDATE feeds SET last_fetched = ?, next_fetch = ?, not_found_count = 0 WHERE id = ?",
                ps -> {
                    Sql.setInstant(ps, 1, when);
                    Sql.setInstant(ps, 2, nextFetch);
                    ps.setLong(3, id);
                });
    }

    /**
     * The refresh did not happen for a reason on this side (no room to read the answer): only the next fetch
     * moves; errors, validators and the last fetch time stay as they were.
     */
    public void postpone(long id, Instant nextFetch) {
        update("postpone feed " + id, "UPDATE feeds SET next_fetch = ? WHERE id = ?", ps -> {
            Sql.setInstant(ps, 1, nextFetch);
            ps.setLong(2, id);
        });
    }

    /** A failure: error text stored, error count incremented, the run of 404s ended. */
    public void recordError(long id, String error, Instant when, Instant nextFetch) {
        recordFailure(id, error, when, nextFetch, null, false);
    }

    /** A failure; {@code notFound}: it was a 404 (counted in a row by {@link #notFoundCount}), else that run ends. */
    public void recordError(long id, String error, Instant when, Instant nextFetch, boolean notFound) {
        recordFailure(id, error, when, nextFetch, null, notFound);
    }

    /** 404 answers in a row (0 after any other answer or failure). */
    public int notFoundCount(long id) {
        return db.withConnection("read the 404 count of feed " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT not_found_count FROM feeds WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /**
     * A failure that pauses the feed: like {@link #recordError} and the feed is skipped by scheduled
     * refreshes until {@link #unpause}.
     */
    public void recordErrorAndPause(long id, String error, Instant when, String pausedReason) {
        String reason = pausedReason == null || pausedReason.isBlank() ? errorText(error) : pausedReason;
        recordFailure(id, error, when, null, reason, false);
    }

    /** Like {@link #recordErrorAndPause(long, String, Instant, String)}; {@code notFound}: it was a 404. */
    public void recordErrorAndPause(long id, String error, Instant when, String pausedReason, boolean notFound) {
        String reason = pausedReason == null || pausedReason.isBlank() ? errorText(error) : pausedReason;
        recordFailure(id, error, when, null, reason, notFound);
    }

    /** {@code pausedReason} null keeps the pause state as it is. */
    private void recordFailure(long id, String error, Instant when, Instant nextFetch, String pausedReason,
                               boolean notFound) {
        update("record a failed refresh of feed " + id,
                "UPDATE feeds SET last_error = ?, error_count = error_count + 1, last_fetched = ?, next_fetch = ?,"
                        + " paused_reason = COALESCE(?, paused_reason),"
                        + " not_found_count = CASE WHEN ? THEN not_found_count + 1 ELSE 0 END WHERE id = ?",
                ps -> {
                    ps.setString(1, errorText(error));
                    Sql.setInstant(ps, 2, when);
                    Sql.setInstant(ps, 3, nextFetch);
                    ps.setString(4, pausedReason);
                    ps.setInt(5, notFound ? 1 : 0);
                    ps.setLong(6, id);
                });
    }

    private static String errorText(String error) {
        return error == null || error.isBlank() ? "unknown error" : error;
    }

    /** Remembers how often the feed says it changes (null: it does not say), for the schedule after a 304. */
    public void setUpdateInterval(long id, java.time.Duration interval) {
        update("store the update interval of feed " + id, "UPDATE feeds SET update_interval = ? WHERE id = ?", ps -> {
            if (interval == null) {
                ps.setNull(1, java.sql.Types.INTEGER);
            } else {
                ps.setLong(1, interval.toMillis());
            }
            ps.setLong(2, id);
        });
    }

    /** The interval stored by {@link #setUpdateInterval}, if any. */
    public Optional<java.time.Duration> updateInterval(long id) {
        return db.withConnection("read the update interval of feed " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT update_interval FROM feeds WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long ms = rs.getLong(1);
                        return rs.wasNull() ? Optional.<java.time.Duration>empty() : Optional.of(java.time.Duration.ofMillis(ms));
                    }
                    return Optional.<java.time.Duration>empty();
                }
            }
        });
    }

    /**
     * The user asks to try the feed again: paused or failing, it is due at once and its error counts start
     * again from 0 (a healthy feed is left alone). True when it was paused.
     */
    public boolean retry(long id) {
        return db.inTransaction(() -> db.withConnection("retry feed " + id, c -> {
            boolean paused;
            try (PreparedStatement ps = c.prepareStatement("SELECT paused_reason IS NOT NULL FROM feeds WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    paused = rs.next() && rs.getBoolean(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE feeds SET paused_reason = NULL, error_count = 0,"
                    + " not_found_count = 0, next_fetch = NULL"
                    + " WHERE id = ? AND (paused_reason IS NOT NULL OR error_count > 0 OR last_error IS NOT NULL)")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return paused;
        }));
    }

    /** Ends a pause: the feed is due at once, its error count starts again from 0. True when it was paused. */
    public boolean unpause(long id) {
        return db.inTransaction(() -> db.withConnection("unpause feed " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE feeds SET paused_reason = NULL, error_count = 0,"
                    + " not_found_count = 0, next_fetch = NULL WHERE id = ? AND paused_reason IS NOT NULL")) {
                ps.setLong(1, id);
                return ps.executeUpdate() > 0;
            }
        }));
    }

    /**
     * Moves the feed to a new URL (a permanent redirect). Throws a StoreException when another feed
     * already has that URL.
     */
    public void updateUrl(long id, String newUrl) {
        String url = requireUrl(newUrl);
        db.inTransaction(() -> db.withConnection("change the URL of feed " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE feeds SET url = ? WHERE id = ?")) {
                ps.setString(1, url);
                ps.setLong(2, id);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (Sql.isUniqueViolation(e)) {
                    throw new StoreException("Cannot move feed " + id + " to " + url
                            + ": another feed already has that URL", e);
                }
                throw e;
            }
            return null;
        }));
    }

    /** Changes the user-facing title and category (null clears them). */
    public void rename(long id, String title, String category) {
        update("rename feed " + id, "UPDATE feeds SET title = ?, category = ? WHERE id = ?", ps -> {
            ps.setString(1, title);
            ps.setString(2, category);
            ps.setLong(3, id);
        });
    }

    /** Unread article count per feed id (feeds without unread articles may be missing). */
    public Map<Long, Integer> unreadCounts() {
        return db.withConnection("count unread articles", c -> {
            Map<Long, Integer> counts = new HashMap<>();
            // CROSS JOIN keeps articles outside: SQLite then reads the small (feed_id, date, id) index
            // instead of looking up every unread article's wide row to learn its feed.
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT a.feed_id, count(*) FROM articles a CROSS JOIN article_state s ON s.article_id = a.id"
                            + " WHERE s.read = 0 GROUP BY a.feed_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getLong(1), rs.getInt(2));
                }
            }
            return counts;
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(String what, String sql, Binder binder) {
        db.inTransaction(() -> db.withConnection(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                ps.executeUpdate();
            }
            return null;
        }));
    }

    private static String requireUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("feed URL is blank");
        }
        return url.strip();
    }

    private static Optional<Feed> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
    }

    private static List<Feed> all(PreparedStatement ps) throws SQLException {
        List<Feed> feeds = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                feeds.add(read(rs));
            }
        }
        return feeds;
    }

    private static Feed read(ResultSet rs) throws SQLException {
        return new Feed(
                rs.getLong("id"),
                rs.getString("url"),
                rs.getString("title"),
                rs.getString("site_url"),
                rs.getString("category"),
                rs.getString("etag"),
                rs.getString("last_modified"),
                Sql.getInstant(rs, "last_fetched"),
                rs.getString("last_error"),
                rs.getInt("error_count"),
                Sql.getInstant(rs, "next_fetch"),
                rs.getString("paused_reason"));
    }
}
