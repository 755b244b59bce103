package org.cryptosec.reader.net;

import java.io.IOException;

/** A fetch that failed, with a message a user can read ("HTTP 404 Not Found", "timed out after 30 s"). */
public class FetchException extends IOException {

    public enum Kind { INVALID_URL, TIMEOUT, TOO_LARGE, TOO_MANY_REDIRECTS, HTTP_STATUS, CONNECTION, TLS, INTERRUPTED }

    private final Kind kind;
    private final int status;

    public FetchException(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status for {@link Kind#HTTP_STATUS}, else 0. */
    public int status() {
        return status;
    }
}
