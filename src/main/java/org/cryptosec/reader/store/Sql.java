package org.cryptosec.reader.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Conversions between model values and SQLite columns, all null-safe. */
final class Sql {

    private static final Logger LOG = LoggerFactory.getLogger(Sql.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() { };

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

    /** Tags as a JSON array (NULL when there are none). */
    static String tagsToJson(List<String> tags) {
        if (tags == null || tags.isEmpty()) {
            return null;
        }
        List<String> clean = new ArrayList<>(tags.size());
        for (String tag : tags) {
            if (tag != null) {
                clean.add(tag);
            }
        }
        if (clean.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(clean);
        } catch (JsonProcessingException e) {
            throw new StoreException("Could not encode tags " + clean + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Tags from a JSON array; a damaged value gives no tags (and a warning), never an exception. */
    static List<String> tagsFromJson(String json, long articleId) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            List<String> tags = JSON.readValue(json, STRING_LIST);
            if (tags == null) {
                return List.of();
            }
            tags.removeIf(Objects::isNull);
            return Collections.unmodifiableList(tags);
        } catch (JsonProcessingException e) {
            LOG.warn("Ignoring unreadable tags of article {}: {}", articleId, e.getOriginalMessage());
            return List.of();
        }
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
