package org.cryptosec.reader.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cryptosec.reader.task.Cancellation;

/**
 * Bounds the requests in flight: at most {@code total} overall and {@code perHost} to any one host.
 * A permit is taken right before a request and given back right after it, so a holder never waits for
 * anything else while holding one (no deadlock whatever the thread pools look like). Thread-safe.
 */
public final class ConnectionBudget {

    /** One request's right to go out; {@link #close()} gives it back (idempotent). */
    public static final class Permit implements AutoCloseable {
        private final Semaphore host;
        private final Semaphore total;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Permit(Semaphore host, Semaphore total) {
            this.host = host;
            this.total = total;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                total.release();
                host.release();
            }
        }
    }

    private final int total;
    private final int perHost;
    private final Semaphore overall;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();

    public ConnectionBudget(int total, int perHost) {
        if (total < 1 || perHost < 1) {
            throw new IllegalArgumentException("connection limits must be at least 1: total " + total
                    + ", per host " + perHost);
        }
        this.total = total;
        this.perHost = perHost;
        this.overall = new Semaphore(total, true);
    }

    public int total() {
        return total;
    }

    public int perHost() {
        return perHost;
    }

    /** Waits for a slot to the URL's host and one overall (host first, so a busy host holds no overall slot). */
    public Permit acquire(String url) throws InterruptedException {
        Semaphore host = hosts.computeIfAbsent(FeedRefresher.hostOf(url), h -> new Semaphore(perHost, true));
        host.acquire();
        try {
            overall.acquire();
        } catch (InterruptedException e) {
            host.release();
            throw e;
        }
        return new Permit(host, overall);
    }

    /** A permit if one is free right now (to the URL's host and overall), else null; never waits. */
    public Permit tryAcquire(String url) {
        Semaphore host = hosts.computeIfAbsent(FeedRefresher.hostOf(url), h -> new Semaphore(perHost, true));
        if (!host.tryAcquire()) {
            return null;
        }
        if (!overall.tryAcquire()) {
            host.release();
            return null;
        }
        return new Permit(host, overall);
    }

    /**
     * Like {@link #acquire(String)}, but gives up (null) as soon as {@code cancellation} is cancelled, even
     * while waiting.
     */
    public Permit acquire(String url, Cancellation cancellation) throws InterruptedException {
        Semaphore host = hosts.computeIfAbsent(FeedRefresher.hostOf(url), h -> new Semaphore(perHost, true));
        if (!Waiting.acquire(host, cancellation)) {
            return null;
        }
        boolean ok = false;
        try {
            ok = Waiting.acquire(overall, cancellation);
        } finally {
            if (!ok) {
                host.release();
            }
        }
        return ok ? new Permit(host, overall) : null;
    }
}
