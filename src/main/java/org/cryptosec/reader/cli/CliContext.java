package org.cryptosec.reader.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.service.LibraryException;

/** What every command needs: where the library is, how to open it, and where to print. */
public final class CliContext {

    /** Opens the library in a data directory. */
    @FunctionalInterface
    public interface LibraryOpener {
        /** Prints to the process's stdout and stderr, in UTF-8. */
    public static CliContext console(LibraryOpener opener, Path defaultDataDir) {
        return new CliContext(opener, defaultDataDir,
                new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true));
    }

    Library open(Path dataDir) throws LibraryException;
    }

    private final LibraryOpener opener;
    private final Path defaultDataDir;
    private final PrintWriter out;
    private final PrintWriter err;

    public CliContext(LibraryOpener opener, Path defaultDataDir, PrintWriter out, PrintWriter err) {
        this.opener = opener;
        this.defaultDataDir = defaultDataDir;
        this.out = out;
        this.err = err;
    }

    /** Prints to the process's stdout and stderr, in UTF-8. */
    public static CliContext console(LibraryOpener opener, Path defaultDataDir) {
        return new CliContext(opener, defaultDataDir,
                new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true));
    }

    Library open(Path dataDir) throws LibraryException {
        return opener.open(dataDir == null ? defaultDataDir : dataDir);
    }

    Path defaultDataDir() {
        return defaultDataDir;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }
}
