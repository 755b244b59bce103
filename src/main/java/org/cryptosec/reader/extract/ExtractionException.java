package org.cryptosec.reader.extract;

/** A page could not be extracted at all (too large, or a failure inside the parser). The message says which and why. */
public final class ExtractionException extends RuntimeException {

    public ExtractionException(String message) {
        super(message);
    }

    public ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
