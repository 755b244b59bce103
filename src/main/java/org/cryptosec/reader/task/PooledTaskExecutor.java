package org.cryptosec.reader.task;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A fixed pool of daemon threads. */
public final class PooledTaskExecutor implements TaskExecutor {

    private final ExecutorService pool;

    public PooledTaskExecutor(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "cryptosec-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), factory);
    }

    @Override
    public <T> TaskHandle<T> submit(String name, BackgroundTask<T> task, ProgressListener progress) {
        Cancellation cancellation = new Cancellation();
        CompletableFuture<T> result = new CompletableFuture<>();
        pool.execute(() -> {
            try {
                result.complete(task.run(progress, cancellation));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return new TaskHandle<>(result, cancellation);
    }

    @Override
    public <T> Future<T> execute(Callable<T> job) {
        return pool.submit(job);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
