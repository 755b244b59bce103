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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cryptosec.reader.model.FacetDimension;
import org.cryptosec.reader.model.FacetFilter;
import org.cryptosec.reader.model.SavedSearch;
import org.cryptosec.reader.model.SearchSort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saved searches (table {@code saved_searches}): a name, the query text, the order of the hits, and
 * the facet filters (table {@code saved_search_filters}, in the order chosen). Names are unique
 * ignoring case and surrounding space; the query may be empty when there are filters. Also counts
 * which of a search's hits are unread, by joining the hit ids with {@code article_state} in one
 * statement.
 */
public final class SavedSearchRepository {

    private static final Logger LOG = LoggerFactory.getLogger(SavedSearchRepository.class);

    public static final int MAX_NAME_CHARS = 200;
    public static final int MAX_QUERY_CHARS = 1_000;
    /** Facet filters one saved search may have at most. */
    public static final int MAX_FILTERS = 32;

    /** Line breaks and tabs in a query: white space to the query parser, one space when saved. */
    private static final java.util.regex.Pattern LINE_BREAKS_AND_TABS =
            java.util.regex.Pattern.compile("[\\r\\n\\t\\u000B\\f\\u0085\\u2028\\u2029]+");

    private static final String COLUMNS = "SELECT id, name, query, created, sort FROM saved_searches";

    private final Database db;

    public SavedSearchRepository(Database db) {
        if (db == null) {
            throw new IllegalArgumentException("database is null");
        }
        this.db = db;
    }

    /**
     * Saves a search of query text only (best match first).
     *
     * @throws IllegalArgumentException when the name or query is blank or too long, or the name is taken
     */
    public SavedSearch add(String name, String query, Instant created) {
        return add(name, query, List.of(), SearchSort.RELEVANCE, created);
    }

    /**
     * Saves a search with its facet filters and order (null sort: best match first).
     *
     * @throws IllegalArgumentException when the name is blank, too long or taken, the query is too long or
     *                                  blank without filters, or a filter is unusable (named in the message)
     */
    public SavedSearch add(String name, String query, List<FacetFilter> filters, SearchSort sort, Instant created) {
        String n = checkName(name);
        List<FacetFilter> f = checkFilters(filters);
        String q = checkQuery(query, !f.isEmpty());
        SearchSort order = sort == null ? SearchSort.RELEVANCE : sort;
        Instant when = created == null ? Instant.now() : created;
        return db.inTransaction(() -> {
            if (findByName(n).isPresent()) {
                throw new IllegalArgumentException("a saved search named '" + n + "' already exists");
            }
            long id = db.withConnection("save search " + n, c -> {
                long key;
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO saved_searches (name, query, created, sort) VALUES (?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, n);
                    ps.setString(2, q);
                    ps.setLong(3, when.toEpochMilli());
                    ps.setString(4, sortKey(order));
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        key = keys.getLong(1);
                    }
                }
                writeFilters(c, key, f);
                return key;
            });
            return new SavedSearch(id, n, q, f, order, Instant.ofEpochMilli(when.toEpochMilli()));
        });
    }

    /** All saved searches by name (case-insensitive), each with its filters and order. */
    public List<SavedSearch> list() {
        return db.withConnection("list saved searches", c -> {
            Map<Long, List<FacetFilter>> filters = readFilters(c, null);
            List<SavedSearch> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(COLUMNS + " ORDER BY lower(name), id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs, filters));
                }
            }
            return out;
        });
    }

    public Optional<SavedSearch> get(long id) {
        return db.withConnection("read saved search " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs, readFilters(c, id))) : Optional.empty();
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

    /** Renames and/or changes the query, keeping the filters and order; false when there is no such search. */
    public boolean update(long id, String name, String query) {
        return db.inTransaction(() -> {
            Optional<SavedSearch> old = get(id);
            return old.isPresent() && update(id, name, query, old.get().filters(), old.get().sort());
        });
    }

    /**
     * Replaces name, query, filters and order (null sort: best match first); false when there is no
     * such search. Validated as {@link #add(String, String, List, SearchSort, Instant)}.
     */
    public boolean update(long id, String name, String query, List<FacetFilter> filters, SearchSort sort) {
        String n = checkName(name);
        List<FacetFilter> f = checkFilters(filters);
        String q = checkQuery(query, !f.isEmpty());
        SearchSort order = sort == null ? SearchSort.RELEVANCE : sort;
        return db.inTransaction(() -> {
            Optional<SavedSearch> other = findByName(n);
            if (other.isPresent() && other.get().id() != id) {
                throw new IllegalArgumentException("a saved search named '" + n + "' already exists");
            }
            return db.withConnection("update saved search " + id, c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE saved_searches SET name = ?, query = ?, sort = ? WHERE id = ?")) {
                    ps.setString(1, n);
                    ps.setString(2, q);
                    ps.setString(3, sortKey(order));
                    ps.setLong(4, id);
                    if (ps.executeUpdate() != 1) {
                        return false;
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM saved_search_filters WHERE saved_search_id = ?")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
                writeFilters(c, id, f);
                return true;
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

    private static SavedSearch read(ResultSet rs, Map<Long, List<FacetFilter>> filters) throws SQLException {
        long id = rs.getLong(1);
        return new SavedSearch(id, rs.getString(2), rs.getString(3), filters.getOrDefault(id, List.of()),
                readSort(id, rs.getString(5)), Instant.ofEpochMilli(rs.getLong(4)));
    }

    /** The filters of one saved search, or of all when {@code id} is null, by saved search id. */
    private static Map<Long, List<FacetFilter>> readFilters(Connection c, Long id) throws SQLException {
        Map<Long, List<FacetFilter>> out = new HashMap<>();
        String sql = "SELECT saved_search_id, dimension, value FROM saved_search_filters"
                + (id == null ? "" : " WHERE saved_search_id = ?") + " ORDER BY saved_search_id, position";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (id != null) {
                ps.setLong(1, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long owner = rs.getLong(1);
                    try {
                        FacetFilter f = new FacetFilter(FacetDimension.parse(rs.getString(2)), rs.getString(3));
                        out.computeIfAbsent(owner, k -> new ArrayList<>()).add(f);
                    } catch (IllegalArgumentException | NullPointerException e) {
                        // written by a newer version or by hand: the rest of the search still works
                        LOG.warn("Saved search {}: ignoring a filter that cannot be read ({})", owner, e.getMessage());
                    }
                }
            }
        }
        return out;
    }

    private static void writeFilters(Connection c, long id, List<FacetFilter> filters) throws SQLException {
        if (filters.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO saved_search_filters (saved_search_id, position, dimension, value) VALUES (?, ?, ?, ?)")) {
            int position = 0;
            for (FacetFilter f : filters) {
                ps.setLong(1, id);
                ps.setInt(2, position++);
                ps.setString(3, f.dimension().key());
                ps.setString(4, f.value());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String sortKey(SearchSort sort) {
        return sort.name().toLowerCase(Locale.ROOT);
    }

    private static SearchSort readSort(long id, String stored) {
        try {
            return SearchSort.parse(stored);
        } catch (IllegalArgumentException e) {
            LOG.warn("Saved search {}: unknown order '{}', using best match first", id, stored);
            return SearchSort.RELEVANCE;
        }
    }

    /** The filters without repeats, each checked; at most {@link #MAX_FILTERS}. */
    private static List<FacetFilter> checkFilters(List<FacetFilter> filters) {
        if (filters == null || filters.isEmpty()) {
            return List.of();
        }
        LinkedHashSet<FacetFilter> unique = new LinkedHashSet<>();
        for (FacetFilter f : filters) {
            if (f == null) {
                throw new IllegalArgumentException("a saved search filter is missing (null)");
            }
            String problem = f.problem();
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            unique.add(f);
        }
        if (unique.size() > MAX_FILTERS) {
            throw new IllegalArgumentException("a saved search has at most " + MAX_FILTERS + " filters, not " + unique.size());
        }
        return List.copyOf(unique);
    }

    private static String checkName(String name) {
        String n = checkText(name, "name", MAX_NAME_CHARS);
        if (n.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a saved search name cannot contain control characters");
        }
        return n;
    }

    /**
     * The stripped query with line breaks and tabs as spaces (the same search, and one line wherever it is
     * listed); blank is allowed only when the search has filters; other control characters are refused.
     */
    private static String checkQuery(String query, boolean hasFilters) {
        if (query == null || query.isBlank()) {
            if (hasFilters) {
                return "";
            }
            throw new IllegalArgumentException("a saved search needs a query or a filter");
        }
        String q = checkText(LINE_BREAKS_AND_TABS.matcher(query).replaceAll(" "), "query", MAX_QUERY_CHARS);
        if (q.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a saved search query cannot contain control characters");
        }
        return q;
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
