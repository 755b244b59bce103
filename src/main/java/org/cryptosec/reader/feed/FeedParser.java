package org.cryptosec.reader.feed;

/** The only user of Rome. Thread-safe. */
public final class FeedParser {

    /**
     * @param body the raw bytes as fetched
     * @param contentType the HTTP Content-Type, or null
     * @param feedUrl the feed's URL, base for relative links
     */
    public ParsedFeed parse(byte[] body, String contentType, String feedUrl) throws FeedParseException {
        throw new UnsupportedOperationException("contract: not implemented yet");
    }
}
