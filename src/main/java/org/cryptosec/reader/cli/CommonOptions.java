package org.cryptosec.reader.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options accepted before or after any command. */
final class CommonOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Library folder (default: $CRYPTOSEC_DATA_DIR, else the OS data folder)")
    Path dataDir;

    @Option(names = "--json", description = "Print one JSON document on stdout")
    boolean json;
}
