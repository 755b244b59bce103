package org.cryptosec.reader.task;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/** Runs every task at once on the calling thread: for tests and the CLI. */
public final class SameThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> TaskHandle<T> submit(String name, BackgroundTask<T> task, ProgressListener progress) {
        Cancellation cancellation = new Cancellation();
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            result.complete(task.run(progress, cancellation));
        } catch (Throwable e) {
            result.completeExceptionally(e);
        }
        return new TaskHandle<>(result, cancellation);
    }

    @Override
    public <T> Future<T> execute(Callable<T> job) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            result.complete(job.call());
        } catch (Throwable e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    @Override
    public void close() {
        // nothing to stop
    }
}
