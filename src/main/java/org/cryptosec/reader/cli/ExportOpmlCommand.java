package org.cryptosec.reader.cli;

import java.nio.file.Path;
import java.util.Map;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.service.LibraryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code export-opml FILE}. */
@Command(name = "export-opml", description = "Write every subscription to an OPML 2.0 file.")
final class ExportOpmlCommand extends LibraryCommand {

    @Parameters(paramLabel = "FILE")
    Path file;

    @Override
    int run(Library library) throws LibraryException {
        library.exportOpml(file);
        int count = library.feeds().size();
        if (json()) {
            printJson(Map.of("file", file.toAbsolutePath().toString(), "feeds", count));
        } else {
            out().printf("Wrote %d feeds to %s%n", count, file);
        }
        return 0;
    }
}
