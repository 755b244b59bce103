package org.cryptosec.reader.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.cryptosec.reader.task.PooledTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** FxTaskExecutor with a real worker pool and a single thread standing in for the FX thread. */
class FxTaskExecutorTest {

    private final PooledTaskExecutor workers = new PooledTaskExecutor(2);
    private final ExecutorService uiThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    private final FxTaskExecutor tasks = new FxTaskExecutor(workers, uiThread);

    @AfterEach
    void close() {
        tasks.close();
        workers.close();
        uiThread.shutdownNow();
    }

    @Test
    void taskRunsOnAWorkerAndItsResultArrivesOnTheUiThread() throws Exception {
        AtomicReference<String> workThread = new AtomicReference<>();
        AtomicReference<String> callbackThread = new AtomicReference<>();
        AtomicReference<Integer> result = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        tasks.submit("sum", (p, c) -> {
            workThread.set(Thread.currentThread().getName());
            return 1 + 2;
        }, value -> {
            callbackThread.set(Thread.currentThread().getName());
            result.set(value);
            done.countDown();
        }, failure -> done.countDown());
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(3, result.get());
        assertEquals("test-ui", callbackThread.get());
        assertNotEquals("test-ui", workThread.get());
        assertTrue(workThread.get().startsWith("cryptosec-worker-"), workThread.get());
    }

    @Test
    void failureArrivesUnwrappedOnTheUiThread() throws Exception {
        AtomicReference<Throwable> error = new AtomicReference<>();
        AtomicReference<String> thread = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        tasks.submit("fail", (p, c) -> {
            throw new IOException("feed is gone");
        }, value -> done.countDown(), failure -> {
            error.set(failure);
            thread.set(Thread.currentThread().getName());
            done.countDown();
        });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, error.get());
        assertEquals("feed is gone", error.get().getMessage());
        assertEquals("test-ui", thread.get());
    }

    @Test
    void cancelledTaskReportsCancelledNotFailed() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();
        var handle = tasks.submit("long", (p, cancellation) -> {
            started.countDown();
            while (true) {
                cancellation.throwIfCancelled();
                Thread.sleep(5);
            }
        }, new FxTaskExecutor.Callbacks<Object>() {
            @Override
            public void succeeded(Object value) {
                events.add("succeeded");
                done.countDown();
            }

            @Override
            public void failed(Throwable error) {
                events.add("failed");
                done.countDown();
            }

            @Override
            public void cancelled() {
                events.add("cancelled");
                done.countDown();
            }
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        handle.cancel();
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("cancelled"), events);
    }

    @Test
    void progressReachesTheUiThreadAndEndsWithTheLastEvent() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        tasks.submit("progress", (progress, c) -> {
            for (int i = 1; i <= 200; i++) {
                progress.progress(i, 200, "feed " + i);
            }
            return "ok";
        }, new FxTaskExecutor.Callbacks<String>() {
            @Override
            public void succeeded(String value) {
                done.countDown();
            }

            @Override
            public void failed(Throwable error) {
                done.countDown();
            }

            @Override
            public void progress(long d, long total, String message) {
                seen.add(d + "/" + total + " " + message);
                threads.add(Thread.currentThread().getName());
            }
        });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertFalse(seen.isEmpty());
        assertTrue(seen.size() <= 200, "coalesced: " + seen.size());
        assertEquals("200/200 feed 200", seen.get(seen.size() - 1));
        assertTrue(threads.stream().allMatch("test-ui"::equals), threads.toString());
    }

    @Test
    void scheduledActionRunsOnTheUiThreadAfterTheDelay() throws Exception {
        AtomicReference<String> thread = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        long start = System.nanoTime();
        tasks.schedule(Duration.ofMillis(60), () -> {
            thread.set(Thread.currentThread().getName());
            done.countDown();
        });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(55));
        assertEquals("test-ui", thread.get());
    }

    @Test
    void cancelledScheduledActionNeverRuns() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        FxTaskExecutor.Cancellable first = tasks.schedule(Duration.ofMillis(50), () -> ran.add("first"));
        CountDownLatch second = new CountDownLatch(1);
        first.cancel();
        tasks.schedule(Duration.ofMillis(150), () -> {
            ran.add("second");
            second.countDown();
        });
        assertTrue(second.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("second"), ran);
    }
}
