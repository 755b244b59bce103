package org.cryptosec.reader.cli;

import java.nio.file.Path;
import java.util.Map;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.service.LibraryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code import-opml FILE}. */
@Command(name = "import-opml", description = "Subscribe to every feed in an OPML file (folders become categories).")
final class ImportOpmlCommand extends LibraryCommand {

    @Parameters(paramLabel = "FILE")
    Path file;

    @Override
    int run(Library library) throws LibraryException {
        int added = library.importOpml(file);
        if (json()) {
            printJson(Map.of("added", added, "feeds", library.feeds().size()));
        } else {
            out().printf("Added %d feeds from %s%n", added, file);
        }
        return 0;
    }
}
