package org.cryptosec.reader.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cryptosec.reader.model.SavedSearch;

/**
 * Saved searches (table {@code saved_searches}): a name and the query text. Names are unique ignoring
 * case and surrounding space. Also counts which of a search's hits are unread, by joining the hit ids
 * with {@code article_state} in one statement.
 */
public final class SavedSearchRepository {

    public static final int MAX_NAME_CHARS = 200;
    public static final int MAX_QUERY_CHARS = 1_000;

    private final Database db;

    public SavedSearchRepository(Database db) {
        if (db == null) {
            throw new IllegalArgumentException("database is null");
        }
        this.db = db;
    }

    /**
     * Saves a search.
     *
     * @throws IllegalArgumentException when the name or query is blank or too long, or the name is taken
     */
    public SavedSearch add(String name, String query, Instant created) {
        String n = checkName(name);
        String q = checkQuery(query);
        Instant when = created == null ? Instant.now() : created;
        return db.inTransaction(() -> {
            if (findByName(n).isPresent()) {
                throw new IllegalArgumentException("a saved search named '" + n + "' already exists");
            }
            long id = db.withConnection("save search " + n, c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO saved_searches (name, query, created) VALUES (?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, n);
                    ps.setString(2, q);
                    ps.setLong(3, when.toEpochMilli());
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        return keys.getLong(1);
                    }
                }
            });
            return new SavedSearch(id, n, q, Instant.ofEpochMilli(when.toEpochMilli()));
        });
    }

    /** All saved searches by name (case-insensitive). */
    public List<SavedSearch> list() {
        return db.withConnection("list saved searches", c -> {
            List<SavedSearch> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, name, query, created FROM saved_searches ORDER BY lower(name), id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        });
    }

    public Optional<SavedSearch> get(long id) {
        return db.withConnection("read saved search " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, name, query, created FROM saved_searches WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** By name, ignoring case and surrounding space. */
    public Optional<SavedSearch> findByName(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (SavedSearch s : list()) {
            if (s.name().toLowerCase(Locale.ROOT).equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Renames and/or changes the query; false when there is no such search. */
    public boolean update(long id, String name, String query) {
        String n = checkName(name);
        String q = checkQuery(query);
        return db.inTransaction(() -> {
            Optional<SavedSearch> other = findByName(n);
            if (other.isPresent() && other.get().id() != id) {
                throw new IllegalArgumentException("a saved search named '" + n + "' already exists");
            }
            return db.withConnection("update saved search " + id, c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE saved_searches SET name = ?, query = ? WHERE id = ?")) {
                    ps.setString(1, n);
                    ps.setString(2, q);
                    ps.setLong(3, id);
                    return ps.executeUpdate() == 1;
                }
            });
        });
    }

    /** False when there was no such search. */
    public boolean delete(long id) {
        return db.inTransaction(() -> db.withConnection("delete saved search " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM saved_searches WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() == 1;
            }
        }));
    }

    /**
     * How many of these article ids are unread (ids that are not articles count as nothing). One
     * statement: the ids go in as one JSON array parameter, joined with article_state by primary key.
     */
    public int countUnread(long[] articleIds) {
        if (articleIds == null || articleIds.length == 0) {
            return 0;
        }
        StringBuilder json = new StringBuilder(articleIds.length * 7 + 2).append('[');
        for (int i = 0; i < articleIds.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(articleIds[i]);
        }
        json.append(']');
        return db.withConnection("count unread hits", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM json_each(?) j CROSS JOIN article_state s ON s.article_id = j.value"
                            + " WHERE s.read = 0")) {
                ps.setString(1, json.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    private static SavedSearch read(ResultSet rs) throws java.sql.SQLException {
        return new SavedSearch(rs.getLong(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)));
    }

    private static String checkName(String name) {
        String n = checkText(name, "name", MAX_NAME_CHARS);
        if (n.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a saved search name cannot contain control characters");
        }
        return n;
    }

    private static String checkQuery(String query) {
        return checkText(query, "query", MAX_QUERY_CHARS);
    }

    private static String checkText(String value, String what, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("a saved search needs a " + what);
        }
        if (v.length() > max) {
            throw new IllegalArgumentException("a saved search " + what + " has at most " + max + " characters");
        }
        return v;
    }
}
