package org.cryptosec.reader.cli;

import java.util.Map;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.task.Cancellation;
import picocli.CommandLine.Command;

/** {@code reindex}: rebuild the search index from SQLite. */
@Command(name = "reindex", description = "Rebuild the search index from the library database.")
final class ReindexCommand extends LibraryCommand {

    @Override
    int run(Library library) {
        long start = System.nanoTime();
        int n = library.reindex((done, total, message) -> {
            err().printf("\r%s", message);
            err().flush();
        }, new Cancellation());
        err().println();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (json()) {
            printJson(Map.of("indexed", n, "seconds", Math.round(seconds * 1000) / 1000.0));
        } else {
            out().printf("Indexed %d articles in %.2f s%n", n, seconds);
        }
        return 0;
    }
}
