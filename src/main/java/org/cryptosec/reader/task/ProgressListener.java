package org.cryptosec.reader.task;

/** Receives progress of long work. Implementations must be cheap and thread-safe. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total, message) -> { };

    /**
     * @param done units finished so far
     * @param total units in all, or -1 when unknown
     * @param message what is happening now, for a status line
     */
    void progress(long done, long total, String message);
}
