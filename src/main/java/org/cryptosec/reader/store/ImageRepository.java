package org.cryptosec.reader.store;

import java.util.List;
import java.util.Optional;
import org.cryptosec.reader.model.StoredImage;

/** Image bytes by source URL, shared between articles (and avatars). */
public final class ImageRepository {

    public ImageRepository(Database db) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    /** Stores the image once per URL (a second put of the same URL is ignored). */
    public void put(StoredImage image) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public Optional<StoredImage> get(String url) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public boolean has(String url) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public void linkToArticle(long articleId, String url) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public List<String> urlsForArticle(long articleId) { throw new UnsupportedOperationException("contract: not implemented yet"); }
}
