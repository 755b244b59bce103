package org.cryptosec.reader.app;

import java.nio.file.Path;

/**
 * Points the log file (logback.xml) at {@code <data dir>/logs/cryptosec.log} and routes java.util.logging
 * into it; must run before any logger exists.
 */
final class Logging {

    static final String LOG_DIR_PROPERTY = "cryptosec.log.dir";

    private Logging() {
    }

    static void configure(Path dataDir) {
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, dataDir.resolve("logs").toString());
        }
        // Lucene and JavaFX log through java.util.logging, which prints to stderr: send it to the log file
        // so the CLI's output stays clean.
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
    }
}
