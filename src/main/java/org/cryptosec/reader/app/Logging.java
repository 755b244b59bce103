package org.cryptosec.reader.app;

import java.nio.file.Path;

/** Points the log file (logback.xml) at {@code <data dir>/logs/cryptosec.log}; must run before any logger exists. */
final class Logging {

    static final String LOG_DIR_PROPERTY = "cryptosec.log.dir";

    private Logging() {
    }

    static void configure(Path dataDir) {
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, dataDir.resolve("logs").toString());
        }
    }
}
