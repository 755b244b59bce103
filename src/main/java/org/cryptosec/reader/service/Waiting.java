package org.cryptosec.reader.service;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.cryptosec.reader.task.Cancellation;

/** Waits that watch a {@link Cancellation} as well as interrupts. */
final class Waiting {

    /** How often a wait looks at the cancellation flag. */
    static final long POLL_MILLIS = 20;

    private Waiting() {
    }

    /** Takes a permit; false (none taken) once cancelled. An interrupt is passed on. */
    static boolean acquire(Semaphore semaphore, Cancellation cancellation) throws InterruptedException {
        while (!cancellation.isCancelled()) {
            if (semaphore.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    /** Waits until {@code done} has ended (in any way); false, at once, when {@code cancellation} is cancelled first. */
    static boolean await(Future<?> done, Cancellation cancellation) throws InterruptedException {
        while (!cancellation.isCancelled()) {
            try {
                done.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                return true;
            } catch (java.util.concurrent.TimeoutException e) {
                // look at the cancellation again
            } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                return true;
            }
        }
        return false;
    }

    /**
     * The job's result, waiting until it has really ended: an interrupt cancels {@code cancellation} (so the
     * job winds down) and the wait goes on; the thread's interrupt flag is set again afterwards.
     */
    static <T> T join(Future<T> job, Cancellation cancellation) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return job.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    cancellation.cancel();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
