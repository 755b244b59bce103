package org.cryptosec.reader.store;

/** A failure of the library database, with what was being done. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
