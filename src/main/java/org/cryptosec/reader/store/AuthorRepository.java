package org.cryptosec.reader.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cryptosec.reader.model.Author;
import org.cryptosec.reader.model.AuthorCount;

/**
 * People who write articles, one row per person across feeds.
 *
 * <p>Matching in {@link #upsert}: an author with a URL is the stored author with that URL; otherwise
 * (no URL, or no author with it yet) the stored author with the same name key (Unicode-normalised,
 * case and spacing ignored) whose URL is unknown or the same. Two people with one name but different
 * profile URLs stay two rows.
 */
public final class AuthorRepository {

    static final String COLUMNS = "id, name, bio, url, avatar_url";

    private final Database db;

    public AuthorRepository(Database db) {
        if (db == null) {
            throw new IllegalArgumentException("database is null");
        }
        this.db = db;
    }

    /**
     * The same person is one row: matched by url, else by name (case and spacing ignored). Missing
     * bio/url/avatar are filled in; a longer bio replaces a shorter one. Returns the stored author.
     */
    public Author upsert(Author author) {
        if (author == null) {
            throw new IllegalArgumentException("author is null");
        }
        String name = author.name() == null ? "" : author.name().strip();
        String key = Sql.nameKey(name);
        if (key.isEmpty()) {
            throw new IllegalArgumentException("author name is blank");
        }
        String url = blankToNull(author.url());
        String bio = blankToNull(author.bio());
        String avatar = blankToNull(author.avatarUrl());
        return db.inTransaction(() -> db.withConnection("store author " + name, c -> {
            Optional<Author> match = url == null ? Optional.empty() : first(c, "url = ?", url);
            if (match.isEmpty()) {
                match = url == null
                        ? first(c, "name_key = ?", key)
                        : first(c, "name_key = ? AND (url IS NULL OR url = ?)", key, url);
            }
            if (match.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO authors (name, name_key, bio, url, avatar_url) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
                    ps.setString(1, name);
                    ps.setString(2, key);
                    ps.setString(3, bio);
                    ps.setString(4, url);
                    ps.setString(5, avatar);
                    try (ResultSet keys = ps.executeQuery()) {
                        keys.next();
                        return new Author(keys.getLong(1), name, bio, url, avatar);
                    }
                }
            }
            Author stored = match.get();
            String mergedBio = longer(stored.bio(), bio);
            String mergedUrl = stored.url() != null ? stored.url() : url;
            String mergedAvatar = stored.avatarUrl() != null ? stored.avatarUrl() : avatar;
            Author merged = new Author(stored.id(), stored.name(), mergedBio, mergedUrl, mergedAvatar);
            if (!merged.equals(stored)) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE authors SET bio = ?, url = ?, avatar_url = ? WHERE id = ?")) {
                    ps.setString(1, mergedBio);
                    ps.setString(2, mergedUrl);
                    ps.setString(3, mergedAvatar);
                    ps.setLong(4, stored.id());
                    ps.executeUpdate();
                }
            }
            return merged;
        }));
    }

    public Optional<Author> get(long id) {
        return db.withConnection("read author " + id, c -> first(c, "id = ?", id));
    }

    /** The author with this name, case and spacing ignored (the oldest, if several people share it). */
    public Optional<Author> findByName(String name) {
        String key = Sql.nameKey(name);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return db.withConnection("find author " + name, c -> first(c, "name_key = ?", key));
    }

    /** Every author with their article count, most articles first (then by name). */
    public List<AuthorCount> listWithCounts() {
        return db.withConnection("list authors", c -> {
            List<AuthorCount> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT au.id, au.name, au.bio, au.url, au.avatar_url, count(aa.article_id) AS n"
                            + " FROM authors au LEFT JOIN article_authors aa ON aa.author_id = au.id"
                            + " GROUP BY au.id ORDER BY n DESC, au.name_key, au.id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new AuthorCount(read(rs), rs.getInt("n")));
                }
            }
            return result;
        });
    }

    static Author read(ResultSet rs) throws SQLException {
        return new Author(rs.getLong("id"), rs.getString("name"), rs.getString("bio"), rs.getString("url"),
                rs.getString("avatar_url"));
    }

    private static Optional<Author> first(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM authors WHERE " + where + " ORDER BY id LIMIT 1")) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static String longer(String stored, String offered) {
        if (offered == null) {
            return stored;
        }
        if (stored == null || offered.strip().length() > stored.strip().length()) {
            return offered;
        }
        return stored;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
