package org.cryptosec.reader.ui.status;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.cryptosec.reader.service.FeedRefreshResult;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.service.RefreshReport;
import org.cryptosec.reader.service.RefreshScheduler;
import org.cryptosec.reader.task.ProgressListener;
import org.cryptosec.reader.task.TaskExecutor;
import org.cryptosec.reader.task.TaskHandle;
import org.cryptosec.reader.ui.FxTaskExecutor;
import org.cryptosec.reader.ui.Messages;

/**
 * The status bar: a refresh in the background with its progress ("Refreshing 3 of 12 feeds…"),
 * a way to cancel it, and a summary when it ends ("12 new articles; 1 feed failed"). Background
 * refreshes come from the service's {@link RefreshScheduler} (each feed's own schedule says when it
 * is due; the tick says how often to look). A manual refresh stops the schedule while it runs, so
 * two refreshes never overlap; cancelling a scheduled round stops it and looks again a tick later.
 */
public final class RefreshViewModel {

    private final Library library;
    private final FxTaskExecutor tasks;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", Messages.get("status.ready"));
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private final ReadOnlyObjectWrapper<RefreshReport> lastReport = new ReadOnlyObjectWrapper<>(this, "lastReport");
    private final ReadOnlyBooleanWrapper indexing = new ReadOnlyBooleanWrapper(this, "indexing");
    private final ReadOnlyDoubleWrapper indexProgress = new ReadOnlyDoubleWrapper(this, "indexProgress", -1);
    private TaskHandle<RefreshReport> handle;
    /** Feeds asked for while a refresh ran: null none, empty all feeds. */
    private java.util.LinkedHashSet<Long> queued;
    private Consumer<RefreshReport> onFinished = report -> { };
    private TaskExecutor scheduleExecutor;
    private java.time.Duration tick = java.time.Duration.ZERO;
    private RefreshScheduler scheduler;
    private boolean scheduledRound;
    private boolean scheduledCancelled;
    private FxTaskExecutor.Cancellable pendingStart = () -> { };

    public RefreshViewModel(Library library, FxTaskExecutor tasks) {
        this.library = Objects.requireNonNull(library, "library");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    /** Called on the UI thread when a refresh ends (also when cancelled or failed: then with null). */
    public void setOnFinished(Consumer<RefreshReport> action) {
        this.onFinished = action == null ? report -> { } : action;
    }

    /**
     * Refreshes these feeds (all when empty). While a refresh runs, the request waits and runs right
     * after it (requests that arrive meanwhile are merged: a new feed, a retried feed, an import).
     */
    public void refresh(List<Long> feedIds) {
        if (running.get()) {
            queue(feedIds);
            return;
        }
        List<Long> ids = List.copyOf(feedIds);
        pauseSchedule();
        running.set(true);
        progress.set(-1);
        message.set(Messages.get("status.refreshingUnknown"));
        detail.set("");
        handle = tasks.submit("refresh", (listener, cancellation) -> library.refresh(ids, listener, cancellation),
                new FxTaskExecutor.Callbacks<RefreshReport>() {
                    @Override
                    public void succeeded(RefreshReport report) {
                        finish(report, summary(report));
                        detail.set(failures(report));
                    }

                    @Override
                    public void failed(Throwable error) {
                        String text = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
                        finish(null, Messages.get("status.failed", text));
                    }

                    @Override
                    public void cancelled() {
                        finish(null, Messages.get("status.cancelled"));
                    }

                    @Override
                    public void progress(long done, long total, String text) {
                        if (!running.get()) {
                            return;
                        }
                        progressChanged(done, total, text);
                    }
                });
    }

    private void queue(List<Long> feedIds) {
        if (feedIds.isEmpty()) {
            queued = new java.util.LinkedHashSet<>();
        } else if (queued == null) {
            queued = new java.util.LinkedHashSet<>(feedIds);
        } else if (!queued.isEmpty()) {
            queued.addAll(feedIds);
        }
    }

    /** True when a refresh request waits for the running one to end. */
    public boolean hasQueuedRefresh() {
        return queued != null;
    }

    /** Starts the refresh that was asked for while another ran; true when there was one. */
    private boolean runQueued() {
        if (queued == null) {
            return false;
        }
        List<Long> ids = List.copyOf(queued);
        queued = null;
        refresh(ids);
        return true;
    }

    /** Shows a line in the status bar (the result of an import or export), unless a refresh is reporting. */
    public void announce(String text, String details) {
        if (running.get()) {
            return;
        }
        message.set(text == null ? "" : text);
        detail.set(details == null ? "" : details);
    }

    /** Asks the running refresh (manual or scheduled) to stop after the feed it is on. */
    public void cancel() {
        queued = null; // the user asked to stop: what waited is dropped too
        if (handle != null && running.get()) {
            handle.cancel();
        } else if (scheduledRound && scheduler != null) {
            scheduledCancelled = true;
            scheduler.stop();
            scheduler = null;
            resumeSchedule(tick);
        }
    }

    /**
     * Refreshes due feeds in the background every {@code everyTick} (zero: no schedule) on
     * {@code executor}, which must have a thread to spare for the scheduler's loop. The first look
     * is after {@code firstDelay}. Replaces an earlier schedule.
     */
    public void schedule(TaskExecutor executor, java.time.Duration everyTick, java.time.Duration firstDelay) {
        stopSchedule();
        this.scheduleExecutor = Objects.requireNonNull(executor, "executor");
        this.tick = everyTick == null || everyTick.isNegative() ? java.time.Duration.ZERO : everyTick;
        if (!tick.isZero()) {
            resumeSchedule(firstDelay == null ? java.time.Duration.ZERO : firstDelay);
        }
    }

    /** Stops the background schedule (at close); a scheduled round under way stops after its current feeds. */
    public void stopSchedule() {
        pendingStart.cancel();
        pendingStart = () -> { };
        tick = java.time.Duration.ZERO;
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
        if (scheduledRound) {
            scheduledRound = false;
            running.set(false);
            progress.set(0);
            message.set(Messages.get("status.ready"));
        }
    }

    /** True while a background schedule is set up (running, or about to look again). */
    public boolean isScheduled() {
        return !tick.isZero();
    }

    /** The scheduler's tick, zero when off. */
    public java.time.Duration tick() {
        return tick;
    }

    /** Looks for due feeds now (e.g. after a feed was retried). */
    public void wakeSchedule() {
        if (scheduler != null) {
            scheduler.wakeUp();
        }
    }

    private void pauseSchedule() {
        pendingStart.cancel();
        pendingStart = () -> { };
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }

    private void resumeSchedule(java.time.Duration delay) {
        if (tick.isZero() || scheduleExecutor == null) {
            return;
        }
        pendingStart.cancel();
        pendingStart = tasks.schedule(delay, () -> {
            if (tick.isZero() || running.get() || scheduler != null) {
                return;
            }
            // A new scheduler each time: the stopped one's loop may still be winding down.
            scheduler = new RefreshScheduler(library, scheduleExecutor, tick, scheduledProgress(),
                    report -> tasks.runOnUiThread(() -> scheduledRoundEnded(report)));
            scheduler.start();
        });
    }

    /** The scheduler's progress, newest event only, on the UI thread. */
    private ProgressListener scheduledProgress() {
        java.util.concurrent.atomic.AtomicReference<Object[]> latest = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean pending = new java.util.concurrent.atomic.AtomicBoolean();
        return (done, total, text) -> {
            latest.set(new Object[] {done, total, text});
            if (pending.compareAndSet(false, true)) {
                tasks.runOnUiThread(() -> {
                    pending.set(false);
                    Object[] event = latest.get();
                    scheduledProgressed((Long) event[0], (Long) event[1], (String) event[2]);
                });
            }
        };
    }

    /** A scheduled round reported progress: the status bar shows it like a manual refresh. */
    void scheduledProgressed(long done, long total, String text) {
        if (total <= 0 || done >= total || scheduler == null || (running.get() && !scheduledRound)) {
            return;
        }
        if (!scheduledRound) {
            scheduledRound = true;
            scheduledCancelled = false;
            running.set(true);
        }
        progressChanged(done, total, text);
    }

    /** A scheduled round with due feeds ended (its report comes from the scheduler). */
    void scheduledRoundEnded(RefreshReport report) {
        boolean cancelled = scheduledCancelled;
        scheduledRound = false;
        scheduledCancelled = false;
        running.set(false);
        progress.set(1);
        message.set(cancelled ? Messages.get("status.cancelled") : summary(report));
        detail.set(cancelled ? "" : failures(report));
        lastReport.set(report);
        onFinished.accept(report);
        if (cancelled) {
            queued = null;
        } else {
            runQueued();
        }
    }

    /** "Refreshing 3 of 12 feeds…" — {@code done} feeds finished, so the one under way is done + 1. */
    void progressChanged(long done, long total, String text) {
        if (total > 0) {
            long current = Math.min(total, done + 1);
            progress.set(Math.min(1.0, (double) done / total));
            message.set(Messages.get("status.refreshing", current, total));
        } else {
            progress.set(-1);
            message.set(Messages.get("status.refreshingUnknown"));
        }
        detail.set(text == null ? "" : text);
    }

    /** "12 new articles; 1 feed failed". */
    public static String summary(RefreshReport report) {
        long failed = report.feeds().stream().filter(f -> f.status() == FeedRefreshResult.Status.ERROR).count();
        return Messages.get("status.summary", report.newArticles(), failed);
    }

    private static String failures(RefreshReport report) {
        return String.join("; ", report.feeds().stream()
                .filter(f -> f.status() == FeedRefreshResult.Status.ERROR)
                .map(f -> f.url() + ": " + f.error()).toList());
    }

    private void finish(RefreshReport report, String text) {
        handle = null;
        running.set(false);
        progress.set(report == null ? 0 : 1);
        message.set(text);
        lastReport.set(report);
        onFinished.accept(report);
        if (!runQueued()) {
            resumeSchedule(tick);
        }
    }

    /**
     * Brings the search index in line with the library in the background (after a fast open that
     * skipped it), with its progress in the status bar; {@code onDone} gets the number of changes.
     */
    public void checkIndex(Consumer<Integer> onDone) {
        if (indexing.get()) {
            return;
        }
        indexing.set(true);
        indexProgress.set(-1);
        announce(Messages.get("startup.indexing"), null);
        tasks.submit("check the search index", (listener, cancellation) -> library.reconcileIndex(listener, cancellation),
                new FxTaskExecutor.Callbacks<Integer>() {
                    @Override
                    public void succeeded(Integer changes) {
                        indexing.set(false);
                        if (Messages.get("startup.indexing").equals(message.get())) {
                            announce(changes > 0 ? Messages.get("startup.indexed", changes) : Messages.get("status.ready"),
                                    null);
                        }
                        if (onDone != null) {
                            onDone.accept(changes);
                        }
                    }

                    @Override
                    public void cancelled() {
                        indexing.set(false); // stopped (the window closes): the next start indexes the rest
                    }

                    @Override
                    public void failed(Throwable error) {
                        indexing.set(false);
                        announce(Messages.get("startup.indexFailed", error.getMessage() == null
                                ? error.getClass().getSimpleName() : error.getMessage()), null);
                    }

                    @Override
                    public void progress(long done, long total, String text) {
                        indexProgress.set(total > 0 ? Math.min(1.0, (double) done / total) : -1);
                        if (!running.get()) {
                            detail.set(text == null ? "" : text);
                        }
                    }
                });
    }

    /** True while the search index is being checked against the library. */
    public ReadOnlyBooleanProperty indexingProperty() {
        return indexing.getReadOnlyProperty();
    }

    /** Progress of the index check: 0..1, or -1 while unknown. */
    public ReadOnlyDoubleProperty indexProgressProperty() {
        return indexProgress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the total is not known. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The status line. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The feed being fetched, or which feeds failed and why. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RefreshReport> lastReportProperty() {
        return lastReport.getReadOnlyProperty();
    }
}
