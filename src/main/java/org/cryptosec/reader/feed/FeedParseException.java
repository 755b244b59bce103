package org.cryptosec.reader.feed;

/** A feed or OPML document that could not be read, with a message saying why ("not a feed: HTML page"). */
public class FeedParseException extends Exception {
    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
