package org.cryptosec.reader.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cryptosec.reader.service.Library;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that works on the library: opens it, runs, closes it. */
abstract class LibraryCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        try (Library library = context().open(dataDir())) {
            return run(library);
        }
    }

    abstract int run(Library library) throws Exception;

    boolean json() {
        return options.json || root().options.json;
    }

    Path dataDir() {
        return options.dataDir != null ? options.dataDir : root().options.dataDir;
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
