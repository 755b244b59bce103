package org.cryptosec.reader.task;

import java.util.concurrent.Callable;
import java.util.concurrent.Future;

/** Runs background tasks. The UI has one that delivers callbacks on the FX thread. */
public interface TaskExecutor extends AutoCloseable {

    <T> TaskHandle<T> submit(String name, BackgroundTask<T> task, ProgressListener progress);

    /** Runs a plain job on the executor's worker pool (used for bounded parallel fetches). */
    <T> Future<T> execute(Callable<T> job);

    @Override
    void close();
}
