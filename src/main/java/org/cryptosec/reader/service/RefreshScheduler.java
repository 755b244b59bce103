package org.cryptosec.reader.service;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.cryptosec.reader.task.Cancellation;
import org.cryptosec.reader.task.ProgressListener;
import org.cryptosec.reader.task.TaskExecutor;
import org.cryptosec.reader.task.TaskHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the library's due feeds ({@link Library#refreshDue}) now and then every {@code tick}, on
 * one task of the given executor, until stopped. Each feed's own schedule (next_fetch: server and feed
 * hints, backoff, pauses) decides what is due; the tick only says how often to look.
 * {@link #wakeUp()} looks at once (e.g. after feeds were added). Start and stop may be called from any
 * thread, any number of times. While running it occupies one thread of the executor (waiting between
 * rounds), so give it an executor with a thread to spare.
 */
public final class RefreshScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshScheduler.class);

    public static final Duration DEFAULT_TICK = Duration.ofMinutes(1);

    private final Library library;
    private final TaskExecutor executor;
    private final Duration tick;
    private final ProgressListener progress;
    private final Consumer<RefreshReport> onReport;
    private final Object monitor = new Object();
    private TaskHandle<Integer> running;
    private boolean wake;

    /**
     * @param onReport receives each non-empty round's report (on the scheduler's task thread)
     */
    public RefreshScheduler(Library library, TaskExecutor executor, Duration tick, ProgressListener progress,
                            Consumer<RefreshReport> onReport) {
        this.library = Objects.requireNonNull(library, "library");
        this.executor = Objects.requireNonNull(executor, "executor");
        if (tick == null || tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("tick must be positive: " + tick);
        }
        this.tick = tick;
        this.progress = progress == null ? ProgressListener.NONE : progress;
        this.onReport = onReport == null ? r -> { } : onReport;
    }

    /**
     * Starts the periodic refresh; does nothing when it already runs. A loop that was stopped but has not
     * ended yet counts as not running: a new one starts (the old one ends after the feeds in hand).
     */
    public void start() {
        synchronized (monitor) {
            if (isActive()) {
                return;
            }
            running = executor.submit("scheduled refresh", (p, cancellation) -> loop(cancellation), progress);
        }
    }

    /** Stops after the feeds being refreshed now (cancelled between pages); returns at once. */
    public void stop() {
        synchronized (monitor) {
            if (running != null) {
                running.cancel();
                monitor.notifyAll();
            }
        }
    }

    public boolean isRunning() {
        synchronized (monitor) {
            return running != null && !running.result().isDone();
        }
    }

    /** Running and not asked to stop. Call with {@link #monitor} held. */
    private boolean isActive() {
        return running != null && !running.result().isDone() && !running.cancellation().isCancelled();
    }

    /** Looks for due feeds now instead of at the next tick. */
    public void wakeUp() {
        synchronized (monitor) {
            wake = true;
            monitor.notifyAll();
        }
    }

    /** One round: refreshes the feeds due now. */
    public RefreshReport runOnce(Cancellation cancellation) {
        RefreshReport report = library.refreshDue(progress, cancellation);
        if (!report.feeds().isEmpty()) {
            LOG.info("Scheduled refresh: {} feeds, {} new articles", report.feeds().size(), report.newArticles());
            onReport.accept(report);
        }
        return report;
    }

    /** Rounds until cancelled; returns the number of rounds. */
    private int loop(Cancellation cancellation) {
        int rounds = 0;
        while (!cancellation.isCancelled()) {
            try {
                runOnce(cancellation);
            } catch (RuntimeException e) {
                // one bad round (e.g. the disk is full) must not end the schedule
                LOG.error("Scheduled refresh failed", e);
            }
            rounds++;
            synchronized (monitor) {
                long deadline = System.nanoTime() + tick.toNanos();
                while (!wake && !cancellation.isCancelled()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    try {
                        monitor.wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return rounds;
                    }
                }
                if (!cancellation.isCancelled()) {
                    wake = false; // a stopped loop leaves a wake-up to the loop that replaced it
                }
            }
        }
        return rounds;
    }

    @Override
    public void close() {
        stop();
    }
}
