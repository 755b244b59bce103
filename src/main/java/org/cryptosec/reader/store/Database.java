package org.cryptosec.reader.store;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The library's SQLite file: WAL, foreign keys, migrations by PRAGMA user_version. One writer:
 * callers on any thread are serialised. {@link #inTransaction} nests (inner calls join the outer one).
 */
public final class Database implements AutoCloseable {

    public static Database open(Path file) {
        throw new UnsupportedOperationException("contract: not implemented yet");
    }

    public <T> T inTransaction(Supplier<T> work) {
        throw new UnsupportedOperationException("contract: not implemented yet");
    }

    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("contract: not implemented yet");
    }
}
