package org.cryptosec.reader.feed;

/** No feed found, with the reason for the user. */
public class FeedDiscoveryException extends Exception {
    public FeedDiscoveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
