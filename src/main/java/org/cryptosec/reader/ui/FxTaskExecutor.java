package org.cryptosec.reader.ui;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.cryptosec.reader.task.BackgroundTask;
import org.cryptosec.reader.task.ProgressListener;
import org.cryptosec.reader.task.TaskExecutor;
import org.cryptosec.reader.task.TaskHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link BackgroundTask}s on the worker pool and hands their progress, result and failure
 * to the UI thread. Long work never runs on the UI thread; callbacks always do.
 *
 * <p>The UI thread is an {@link Executor}: {@code Platform::runLater} in the application, a plain
 * executor in tests that run without a toolkit.
 */
public final class FxTaskExecutor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final TaskExecutor workers;
    private final Executor uiThread;
    private final ScheduledExecutorService timer;

    /** Delivers callbacks with {@link Platform#runLater}. */
    public FxTaskExecutor(TaskExecutor workers) {
        this(workers, Platform::runLater);
    }

    public FxTaskExecutor(TaskExecutor workers, Executor uiThread) {
        this.workers = Objects.requireNonNull(workers, "workers");
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cryptosec-ui-timer");
            t.setDaemon(true);
            return t;
        });
    }

    /** What a finished task hands back to the UI thread. */
    public interface Callbacks<T> {
        void succeeded(T value);

        void failed(Throwable error);

        /** Called instead of {@link #failed} when the task stopped because it was cancelled. */
        default void cancelled() {
        }

        /** Progress, coalesced: only the newest event reaches the UI thread. */
        default void progress(long done, long total, String message) {
        }
    }

    /** Runs {@code task} on a worker; {@code onSuccess}/{@code onFailure} run on the UI thread. */
    public <T> TaskHandle<T> submit(String name, BackgroundTask<T> task,
            Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        return submit(name, task, new Callbacks<T>() {
            @Override
            public void succeeded(T value) {
                onSuccess.accept(value);
            }

            @Override
            public void failed(Throwable error) {
                onFailure.accept(error);
            }
        });
    }

    /** Runs {@code task} on a worker; every callback runs on the UI thread. */
    public <T> TaskHandle<T> submit(String name, BackgroundTask<T> task, Callbacks<T> callbacks) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(callbacks, "callbacks");
        ProgressListener progress = coalescing(callbacks);
        TaskHandle<T> handle = workers.submit(name, task, progress);
        handle.result().whenComplete((value, error) -> uiThread.execute(() -> {
            Throwable cause = unwrap(error);
            if (cause == null) {
                callbacks.succeeded(value);
            } else if (cause instanceof CancellationException || handle.cancellation().isCancelled()) {
                LOG.debug("Task {} cancelled", name);
                callbacks.cancelled();
            } else {
                LOG.warn("Task {} failed", name, cause);
                callbacks.failed(cause);
            }
        }));
        return handle;
    }

    /** Runs {@code action} on the UI thread. */
    public void runOnUiThread(Runnable action) {
        uiThread.execute(action);
    }

    /**
     * Runs {@code action} on the UI thread after {@code delay}; the returned handle cancels it.
     * A zero delay runs it through the UI executor at once.
     */
    public Cancellable schedule(Duration delay, Runnable action) {
        if (delay.isZero() || delay.isNegative()) {
            uiThread.execute(action);
            return () -> { };
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        ScheduledFuture<?> future = timer.schedule(() -> uiThread.execute(() -> {
            if (!cancelled.get()) {
                action.run();
            }
        }), delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> {
            cancelled.set(true);
            future.cancel(false);
        };
    }

    /** A scheduled action that can be called off. */
    @FunctionalInterface
    public interface Cancellable {
        void cancel();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private <T> ProgressListener coalescing(Callbacks<T> callbacks) {
        AtomicReference<Object[]> latest = new AtomicReference<>();
        AtomicBoolean pending = new AtomicBoolean();
        return (done, total, message) -> {
            latest.set(new Object[] {done, total, message});
            if (pending.compareAndSet(false, true)) {
                uiThread.execute(() -> {
                    pending.set(false);
                    Object[] event = latest.get();
                    callbacks.progress((Long) event[0], (Long) event[1], (String) event[2]);
                });
            }
        };
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
