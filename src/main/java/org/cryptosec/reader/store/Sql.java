package org.cryptosec.reader.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Conversions between model values and SQLite columns, all null-safe. */
final class Sql {

    /** Most bound parameters we put in one IN (...) list. */
    static final int MAX_IN_PARAMS = 500;

    private Sql() {
    }

    /** Epoch milliseconds, clamped so that absurd dates (year 1,000,000) cannot overflow. */
    static Long millis(Instant instant) {
        if (instant == null) {
            return null;
        }
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        Long ms = millis(instant);
        if (ms == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, ms);
        }
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
    }

    static void setNullableLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }

    /**
     * Tags as one text value, one tag per line (NULL when there are none). Tags are single-line labels:
     * line breaks inside a tag become spaces, surrounding space is trimmed, blank tags are dropped.
     */
    static String joinTags(List<String> tags) {
        List<String> clean = cleanTags(tags);
        return clean.isEmpty() ? null : String.join("\n", clean);
    }

    static List<String> splitTags(String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        return cleanTags(List.of(joined.split("\n", -1)));
    }

    /** The tags as they are stored: single line, trimmed, blanks dropped, order kept. */
    static List<String> cleanTags(List<String> tags) {
        if (tags == null || tags.isEmpty()) {
            return List.of();
        }
        List<String> clean = new ArrayList<>(tags.size());
        for (String tag : tags) {
            if (tag == null) {
                continue;
            }
            String t = tag.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ").strip();
            if (!t.isEmpty()) {
                clean.add(t);
            }
        }
        return List.copyOf(clean);
    }

    /** The key authors are matched by: Unicode-compatible form, lower case, trimmed, spaces collapsed. */
    static String nameKey(String name) {
        if (name == null) {
            return "";
        }
        String normal = Normalizer.normalize(name, Normalizer.Form.NFKC);
        return normal.replaceAll("[\\s\\p{Z}\\u200B\\uFEFF]+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /** "?, ?, ?" with {@code n} placeholders. */
    static String placeholders(int n) {
        StringBuilder sb = new StringBuilder(n * 3);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append('?');
        }
        return sb.toString();
    }

    static boolean isUniqueViolation(SQLException e) {
        String message = e.getMessage();
        return message != null && message.contains("UNIQUE constraint failed");
    }

    static boolean isForeignKeyViolation(SQLException e) {
        String message = e.getMessage();
        return message != null && message.contains("FOREIGN KEY constraint failed");
    }
}
