package org.cryptosec.reader.task;

import java.util.concurrent.CompletableFuture;

/** A submitted task: its result, and a way to ask it to stop. */
public record TaskHandle<T>(CompletableFuture<T> result, Cancellation cancellation) {

    public void cancel() {
        cancellation.cancel();
    }
}
