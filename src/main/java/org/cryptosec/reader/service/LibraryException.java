package org.cryptosec.reader.service;

/** A use case that could not be done, with a message for the user. */
public class LibraryException extends Exception {
    public LibraryException(String message, Throwable cause) {
        super(message, cause);
    }

    public LibraryException(String message) {
        super(message);
    }
}
