package org.cryptosec.reader.task;

/**
 * Work that runs off the caller's thread: it may report progress and should stop soon after
 * cancellation.
 */
@FunctionalInterface
public interface BackgroundTask<T> {

    T run(ProgressListener progress, Cancellation cancellation) throws Exception;
}
