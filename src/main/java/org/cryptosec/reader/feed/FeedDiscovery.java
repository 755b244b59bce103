package org.cryptosec.reader.feed;

import org.cryptosec.reader.net.HttpFetcher;

/** Turns a feed URL or a site URL into the site's main feed. */
public final class FeedDiscovery {

    public FeedDiscovery(HttpFetcher fetcher, FeedParser parser) {
        throw new UnsupportedOperationException("contract: not implemented yet");
    }

    public DiscoveredFeed discover(String url) throws FeedDiscoveryException {
        throw new UnsupportedOperationException("contract: not implemented yet");
    }
}
