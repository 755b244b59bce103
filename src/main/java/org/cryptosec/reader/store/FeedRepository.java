package org.cryptosec.reader.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cryptosec.reader.model.Feed;

public final class FeedRepository {

    public FeedRepository(Database db) {
        throw new UnsupportedOperationException("contract: not implemented yet");
    }

    /** Stores a new feed; if one with the same URL exists, returns that one unchanged. */
    public Feed add(Feed feed) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public Optional<Feed> get(long id) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public Optional<Feed> findByUrl(String url) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    /** All feeds by title. */
    public List<Feed> list() { throw new UnsupportedOperationException("contract: not implemented yet"); }

    /** Removes the feed with its articles (and their state and links); true when it existed. */
    public boolean remove(long id) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    /** A 200: new validators, title/siteUrl when non-null, error cleared. */
    public void recordSuccess(long id, String etag, String lastModified, Instant when, String title, String siteUrl,
                              Instant nextFetch) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    /** A 304: only the time and schedule change. */
    public void recordNotModified(long id, Instant when, Instant nextFetch) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    /** A failure: error text stored, error count incremented. */
    public void recordError(long id, String error, Instant when, Instant nextFetch) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public void updateUrl(long id, String newUrl) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    /** Unread article count per feed id (feeds without unread articles may be missing). */
    public Map<Long, Integer> unreadCounts() { throw new UnsupportedOperationException("contract: not implemented yet"); }
}
