package org.cryptosec.reader.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A leaf command: the common options (given before or after the command) and where to print. */
abstract class CliCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    boolean json() {
        return options.json || root().options.json;
    }

    /** The library folder: --data-dir on this command or before it, else the default. */
    Path dataDir() {
        Path dir = options.dataDir != null ? options.dataDir : root().options.dataDir;
        return dir != null ? dir : context().defaultDataDir();
    }

    CliContext context() {
        return root().context;
    }

    PrintWriter out() {
        return context().out();
    }

    PrintWriter err() {
        return context().err();
    }

    void printJson(Object document) {
        out().println(Json.write(document));
        out().flush();
    }

    private Cli root() {
        return (Cli) spec.root().userObject();
    }
}
