package org.cryptosec.reader.service;

import java.time.Duration;
import java.time.Instant;
import org.cryptosec.reader.net.FetchException;

/**
 * When to fetch a feed next. After an answer: the server's and the feed's own hints (Cache-Control
 * max-age or Expires, RSS ttl or sy:updatePeriod; the longest wins), else {@link #DEFAULT_INTERVAL};
 * never sooner than {@link #MIN_INTERVAL} nor later than {@link #MAX_INTERVAL}. After a failure: capped
 * exponential backoff, or the server's Retry-After when that is later; and a pause after
 * {@link #PAUSE_AFTER_ERRORS} failures in a row, at once on 410 Gone, after {@link #PAUSE_AFTER_NOT_FOUND}
 * 404s in a row. Pure functions.
 */
public final class RefreshPolicy {

    public static final Duration MIN_INTERVAL = Duration.ofMinutes(15);
    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);
    public static final Duration MAX_INTERVAL = Duration.ofHours(24);
    /** A feed whose answer found no room here to be read is looked at again after this, not at every tick. */
    public static final Duration AFTER_NO_CAPACITY = Duration.ofMinutes(5);
    public static final int PAUSE_AFTER_ERRORS = 10;
    public static final int PAUSE_AFTER_NOT_FOUND = 3;

    /** After a failure: either the next try, or a pause (then {@code next} is null). */
    public record Failure(Instant next, String pausedReason) {
        public boolean pause() {
            return pausedReason != null;
        }
    }

    private RefreshPolicy() {
    }

    /** The next fetch after a 200 or a 304; the hints may be null. */
    public static Instant afterAnswer(Instant now, Duration httpFreshness, Duration feedInterval) {
        Duration wanted = null;
        for (Duration hint : new Duration[] {httpFreshness, feedInterval}) {
            if (hint != null && (wanted == null || hint.compareTo(wanted) > 0)) {
                wanted = hint;
            }
        }
        return now.plus(clamp(wanted == null ? DEFAULT_INTERVAL : wanted));
    }

    /**
     * The next try after a failure; {@code errorsBefore} is the feed's count of failures in a row before
     * this one, {@code error} the fetch failure (null for a parse failure or another error).
     */
    public static Failure afterFailure(Instant now, int errorsBefore, FetchException error, String message) {
        return afterFailure(now, errorsBefore, 0, error, message);
    }

    /**
     * Like {@link #afterFailure(Instant, int, FetchException, String)}; {@code notFoundBefore} is the feed's
     * count of 404 answers in a row before this failure (other failures do not count toward the 404 pause).
     */
    public static Failure afterFailure(Instant now, int errorsBefore, int notFoundBefore, FetchException error,
                                       String message) {
        int errors = Math.max(0, errorsBefore) + 1;
        int status = isNotFound(error) ? 404
                : error != null && error.kind() == FetchException.Kind.HTTP_STATUS ? error.status() : 0;
        if (status == 410) {
            return new Failure(null, "the server says the feed is gone for good (HTTP 410)");
        }
        int notFound = Math.max(0, notFoundBefore) + 1;
        if (status == 404 && notFound >= PAUSE_AFTER_NOT_FOUND) {
            return new Failure(null, "the feed was not found (HTTP 404) " + notFound + " times in a row");
        }
        if (errors >= PAUSE_AFTER_ERRORS) {
            return new Failure(null, "failed " + errors + " times in a row; last error: " + message);
        }
        Duration backoff = MIN_INTERVAL.multipliedBy(1L << Math.min(errors - 1, 10));
        if (backoff.compareTo(MAX_INTERVAL) > 0) {
            backoff = MAX_INTERVAL;
        }
        Duration retryAfter = error == null ? null : error.retryAfter();
        if (retryAfter != null && retryAfter.compareTo(backoff) > 0) {
            backoff = retryAfter.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : retryAfter;
        }
        return new Failure(now.plus(backoff), null);
    }

    /** True when the failure is a 404 answer. */
    public static boolean isNotFound(FetchException error) {
        return error != null && error.kind() == FetchException.Kind.HTTP_STATUS && error.status() == 404;
    }

    static Duration clamp(Duration d) {
        if (d.compareTo(MIN_INTERVAL) < 0) {
            return MIN_INTERVAL;
        }
        return d.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : d;
    }
}
