package org.cryptosec.reader.cli;

import org.cryptosec.reader.service.Library;

/** A command that works on the library: opens it, runs, closes it. */
abstract class LibraryCommand extends CliCommand {

    @Override
    public final Integer call() throws Exception {
        try (Library library = context().open(dataDir())) {
            for (String warning : library.synonymWarnings()) {
                err().println("warning: synonyms: " + warning);
            }
            return run(library);
        }
    }

    abstract int run(Library library) throws Exception;

    /** Reports a removal: {@code {"removed": id}} in JSON, else "Removed {what} {id}". */
    int printRemoved(String what, long id) {
        if (json()) {
            printJson(java.util.Map.of("removed", id));
        } else {
            out().printf("Removed %s %d%n", what, id);
        }
        return 0;
    }
}
