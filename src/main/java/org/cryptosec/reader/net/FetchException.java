package org.cryptosec.reader.net;

import java.io.IOException;

/** A fetch that failed, with a message a user can read ("HTTP 404 Not Found", "timed out after 30 s"). */
public class FetchException extends IOException {

    /**
     * {@code INTERRUPTED} and {@code CANCELLED}: the app stopped the fetch; {@code NO_CAPACITY}: the fetch
     * waited too long for room on this side (memory for large bodies). None of these is the server's fault.
     */
    public enum Kind { INVALID_URL, TIMEOUT, TOO_LARGE, TOO_MANY_REDIRECTS, HTTP_STATUS, CONNECTION, TLS, INTERRUPTED,
        CANCELLED, NO_CAPACITY }

    /** True when the failure says nothing about the server or feed (stopped by the app, or no room here). */
    public boolean isLocal() {
        return kind == Kind.INTERRUPTED || kind == Kind.CANCELLED || kind == Kind.NO_CAPACITY;
    }

    private final Kind kind;
    private final int status;
    private final java.time.Duration retryAfter;

    public FetchException(Kind kind, int status, String message, Throwable cause) {
        this(kind, status, message, cause, null);
    }

    /** With the server's Retry-After (on 429 and 503), or null. */
    public FetchException(Kind kind, int status, String message, Throwable cause, java.time.Duration retryAfter) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** How long the server asked us to wait (Retry-After on a 429 or 503), or null. */
    public java.time.Duration retryAfter() {
        return retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status for {@link Kind#HTTP_STATUS}, else 0. */
    public int status() {
        return status;
    }
}
