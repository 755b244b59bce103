package org.cryptosec.reader.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A body subscriber that hands the body out as an InputStream whose reads give up at a deadline.
 * It asks the client for one chunk at a time, so a huge body is never buffered beyond what is read,
 * and closing the stream cancels the exchange. Like {@code BodySubscribers.ofInputStream()}, but a
 * server that stops sending (or trickles) cannot block the reader past the deadline.
 */
final class DeadlineBodySubscriber implements HttpResponse.BodySubscriber<InputStream> {

    /** Thrown by reads once the deadline has passed. */
    static final class DeadlineExceededException extends InterruptedIOException {
        DeadlineExceededException() {
            super("deadline exceeded while reading the body");
        }
    }

    private static final Object END = new Object();

    private record Failure(Throwable error) {
    }

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
    private final long deadlineNanos;
    private final DeadlineStream stream = new DeadlineStream();

    DeadlineBodySubscriber(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedStage(stream);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        if (!subscription.complete(s) || stream.closed) {
            s.cancel();
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        queue.add(new Failure(throwable));
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    private final class DeadlineStream extends InputStream {
        private Iterator<ByteBuffer> pending = List.<ByteBuffer>of().iterator();
        private ByteBuffer current;
        private boolean requested;
        private boolean finished;
        private volatile boolean closed;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("stream closed");
            }
            if (len == 0) {
                return 0;
            }
            while (current == null || !current.hasRemaining()) {
                if (pending.hasNext()) {
                    current = pending.next();
                    continue;
                }
                if (finished) {
                    return -1;
                }
                next();
            }
            int n = Math.min(len, current.remaining());
            current.get(b, off, n);
            return n;
        }

        /** Waits (until the deadline) for the next chunk, the end, or an error. */
        private void next() throws IOException {
            if (!requested) {
                Flow.Subscription s = subscription.getNow(null);
                if (s != null) {
                    s.request(1);
                    requested = true;
                }
            }
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                throw new DeadlineExceededException();
            }
            Object item;
            try {
                item = queue.poll(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the body");
            }
            if (item == null) {
                // either the deadline is near (checked on the next round) or the subscription arrived late
                return;
            }
            requested = false;
            if (item == END) {
                finished = true;
            } else if (item instanceof Failure f) {
                finished = true;
                Throwable error = f.error();
                throw error instanceof IOException io ? io : new IOException(error.getMessage(), error);
            } else {
                @SuppressWarnings("unchecked")
                List<ByteBuffer> buffers = (List<ByteBuffer>) item;
                pending = buffers.iterator();
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (!finished) {
                Flow.Subscription s = subscription.getNow(null);
                if (s != null) {
                    s.cancel();
                }
            }
            queue.clear();
        }
    }
}
