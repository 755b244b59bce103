package org.cryptosec.reader.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.search.ArticleIndex;
import org.cryptosec.reader.task.Cancellation;
import org.cryptosec.reader.task.PooledTaskExecutor;
import org.cryptosec.reader.task.ProgressListener;
import org.cryptosec.reader.task.TaskExecutor;

/**
 * Feeds articles read on one thread (from SQLite) to several indexing threads: IndexWriter takes
 * documents from many threads at once, and analysing them is nearly all of a rebuild's time. Articles
 * go in batches of {@value #BATCH}; at most two batches per thread wait, so memory stays bounded
 * whatever the library's size. Segments are not merged until it is closed ({@link ArticleIndex#bulkLoad}).
 * Progress is reported on the calling thread as batches finish. Not
 * thread-safe itself: one thread calls {@link #add} and {@link #finish}.
 */
final class ParallelIndexer implements AutoCloseable {

    /** Indexing threads by default: the cores, at most four. */
    static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    static final int BATCH = 256;
    /** Progress is reported after about this many more articles are indexed. */
    static final int PROGRESS_EVERY = 500;

    private final ArticleIndex index;
    private final TaskExecutor workers;
    private final int threads;
    private final int maxInFlight;
    private final long total;
    private final ProgressListener progress;
    private final String verb;
    private final Cancellation cancellation;
    private final ArticleIndex.BulkLoad bulk;
    private final Deque<Future<Integer>> inFlight = new ArrayDeque<>();
    private List<Article> batch = new ArrayList<>(BATCH);
    private int done;
    private int reported;

    /**
     * @param total    articles expected, for progress (may be an estimate)
     * @param verb     the progress message's start, e.g. "Indexed" ("Indexed 500 of 2000")
     * @param cancellation checked as each batch finishes; once cancelled, {@link #add} and {@link #finish}
     *                 throw {@link java.util.concurrent.CancellationException}
     */
    ParallelIndexer(ArticleIndex index, int threads, long total, ProgressListener progress, String verb,
            Cancellation cancellation) {
        this.index = Objects.requireNonNull(index, "index");
        if (threads < 1) {
            throw new IllegalArgumentException("indexing needs at least one thread, not " + threads);
        }
        this.workers = new PooledTaskExecutor(threads);
        this.threads = threads;
        this.maxInFlight = 2 * threads;
        this.total = total;
        this.progress = progress == null ? ProgressListener.NONE : progress;
        this.verb = verb;
        this.cancellation = cancellation == null ? new Cancellation() : cancellation;
        this.bulk = index.bulkLoad();
    }

    /** Queues the article; may wait for an earlier batch to finish. Rethrows an indexing failure. */
    void add(Article article) {
        while (!inFlight.isEmpty() && inFlight.peek().isDone()) {
            awaitOldest(); // progress as batches finish, not only when the queue is full
        }
        batch.add(Objects.requireNonNull(article, "article"));
        if (batch.size() == BATCH) {
            submit();
        }
    }

    /** Indexes what is queued and waits for every batch; returns the number of articles indexed. */
    int finish() {
        if (!batch.isEmpty()) {
            submit();
        }
        while (!inFlight.isEmpty()) {
            awaitOldest();
        }
        // The in-memory segments are written by every thread at once; a commit would write them from one.
        for (int i = 0; i < (done > 0 ? threads : 0); i++) {
            inFlight.add(workers.execute(() -> {
                index.flushBuffers();
                return 0;
            }));
        }
        while (!inFlight.isEmpty()) {
            awaitOldest();
        }
        if (done != reported) {
            report();
        }
        cancellation.throwIfCancelled();
        return done;
    }

    private void submit() {
        List<Article> mine = batch;
        batch = new ArrayList<>(BATCH);
        while (inFlight.size() >= maxInFlight) {
            awaitOldest();
        }
        inFlight.add(workers.execute(() -> {
            for (Article a : mine) {
                index.index(a);
            }
            return mine.size();
        }));
    }

    private void awaitOldest() {
        cancellation.throwIfCancelled();
        Future<Integer> f = inFlight.poll();
        try {
            done += f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("indexing was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("indexing failed: " + cause.getMessage(), cause);
        }
        if (done - reported >= PROGRESS_EVERY) {
            report();
        }
    }

    private void report() {
        reported = done;
        progress.progress(done, Math.max(total, done), verb + " " + done + " of " + Math.max(total, done));
    }

    /**
     * Waits for the batches already handed out (an IndexWriter is not interrupted mid-document), then
     * stops the threads. Articles still queued and not submitted are dropped.
     */
    @Override
    public void close() {
        try {
            for (Future<Integer> f : inFlight) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (ExecutionException e) {
                    // already failing: the first error is what the caller sees
                }
            }
            inFlight.clear();
        } finally {
            workers.close();
            bulk.close();
        }
    }
}
