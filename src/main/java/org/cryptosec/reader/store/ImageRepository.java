package org.cryptosec.reader.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cryptosec.reader.model.StoredImage;

/** Image bytes by source URL, shared between articles (and avatars). */
public final class ImageRepository {

    private final Database db;

    public ImageRepository(Database db) {
        if (db == null) {
            throw new IllegalArgumentException("database is null");
        }
        this.db = db;
    }

    /** Stores the image once per URL (a second put of the same URL is ignored). */
    public void put(StoredImage image) {
        if (image == null) {
            throw new IllegalArgumentException("image is null");
        }
        String url = requireUrl(image.url());
        if (image.bytes() == null) {
            throw new IllegalArgumentException("image " + url + " has no bytes");
        }
        db.inTransaction(() -> db.withConnection("store image " + url, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO images (url, content_type, bytes, fetched) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (url) DO NOTHING")) {
                ps.setString(1, url);
                ps.setString(2, image.contentType());
                ps.setBytes(3, image.bytes());
                ps.setLong(4, System.currentTimeMillis());
                ps.executeUpdate();
            }
            return null;
        }));
    }

    public Optional<StoredImage> get(String url) {
        if (url == null) {
            return Optional.empty();
        }
        return db.withConnection("read image " + url, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT url, content_type, bytes FROM images WHERE url = ?")) {
                ps.setString(1, url);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    byte[] bytes = rs.getBytes(3);
                    return Optional.of(new StoredImage(rs.getString(1), rs.getString(2), bytes == null ? new byte[0] : bytes));
                }
            }
        });
    }

    public boolean has(String url) {
        if (url == null) {
            return false;
        }
        return db.withConnection("look up image " + url, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM images WHERE url = ?")) {
                ps.setString(1, url);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Records that the article shows this image (idempotent); the bytes may be stored before or after. */
    public void linkToArticle(long articleId, String url) {
        String u = requireUrl(url);
        db.inTransaction(() -> db.withConnection("link image " + u + " to article " + articleId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO article_images (article_id, url) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                ps.setLong(1, articleId);
                ps.setString(2, u);
                ps.executeUpdate();
            } catch (java.sql.SQLException e) {
                if (Sql.isForeignKeyViolation(e)) {
                    throw new StoreException("Cannot link image " + u + ": there is no article " + articleId, e);
                }
                throw e;
            }
            return null;
        }));
    }

    /** The image URLs linked to the article, in the order they were linked. */
    public List<String> urlsForArticle(long articleId) {
        return db.withConnection("list the images of article " + articleId, c -> {
            List<String> urls = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT url FROM article_images WHERE article_id = ? ORDER BY rowid")) {
                ps.setLong(1, articleId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        urls.add(rs.getString(1));
                    }
                }
            }
            return urls;
        });
    }

    /**
     * Deletes stored images that no article links to and no author uses as avatar (e.g. after feeds
     * were removed); returns how many were deleted. Lead images of articles are kept too. Call it when no refresh is storing images.
     */
    public int removeOrphans() {
        return db.inTransaction(() -> db.withConnection("remove unused images", c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate("DELETE FROM images WHERE url NOT IN (SELECT url FROM article_images)"
                        + " AND url NOT IN (SELECT avatar_url FROM authors WHERE avatar_url IS NOT NULL)"
                        + " AND url NOT IN (SELECT lead_image_url FROM articles WHERE lead_image_url IS NOT NULL)");
            }
        }));
    }

    private static String requireUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("image URL is blank");
        }
        return url;
    }
}
