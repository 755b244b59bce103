package org.cryptosec.reader.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.service.Library.ReextractSummary;
import org.cryptosec.reader.task.Cancellation;
import picocli.CommandLine.Command;

/** {@code reextract}: run the current extractor over every stored article's original page. */
@Command(name = "reextract", description = "Run the current article extractor over the original page of every stored "
        + "article and update the library and the search index (progress on stderr). Exit 0 when all went well, "
        + "3 when some articles failed.")
final class ReextractCommand extends LibraryCommand {

    @Override
    int run(Library library) {
        long start = System.nanoTime();
        ReextractSummary s = library.reextract((done, total, message) -> {
            err().printf("\r%s", message);
            err().flush();
        }, new Cancellation());
        err().println();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("articles", s.total());
            doc.put("updated", s.updated());
            doc.put("skipped", s.skipped());
            doc.put("failed", s.failed());
            doc.put("failures", s.failures());
            doc.put("seconds", Math.round(seconds * 1000) / 1000.0);
            printJson(doc);
        } else {
            out().printf("Re-extracted %d of %d articles in %.2f s (%d without a stored page, %d failed)%n",
                    s.updated(), s.total(), seconds, s.skipped(), s.failed());
            for (String f : s.failures()) {
                out().printf("  failed: %s%n", f);
            }
        }
        out().flush();
        return s.failed() == 0 ? 0 : 3;
    }
}
