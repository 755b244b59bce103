package org.cryptosec.reader.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.service.Library.ReextractSummary;
import org.cryptosec.reader.task.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reextract}: run the current extractor over every stored article's original page. */
@Command(name = "reextract", description = "Run the current article extractor over the original page of every stored "
        + "article and update the library and the search index (progress on stderr). Exit 0 when all went well, "
        + "3 when some articles failed.")
final class ReextractCommand extends LibraryCommand {

    @Option(names = "--fetch-images", description = "Also download images the new extraction refers to and the "
            + "library lacks (within the refresh's limits); without it nothing goes over the network")
    boolean fetchImages;

    @Override
    int run(Library library) {
        java.time.Instant started = java.time.Instant.now();
        ReextractSummary s = library.reextract(this::showProgress, new Cancellation(), fetchImages);
        err().println();
        double seconds = java.time.Duration.between(started, java.time.Instant.now()).toMillis() / 1000.0;
        if (json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("articles", s.total());
            doc.put("updated", s.updated());
            doc.put("skipped", s.skipped());
            doc.put("failed", s.failed());
            doc.put("failures", s.failures());
            doc.put("imagesFetched", s.imagesFetched());
            doc.put("imagesMissing", s.imagesMissing());
            doc.put("seconds", seconds);
            printJson(doc);
        } else {
            out().printf("Re-extracted %d of %d articles in %.2f s (%d without a stored page, %d failed)%n",
                    s.updated(), s.total(), seconds, s.skipped(), s.failed());
            if (s.imagesFetched() > 0 || s.imagesMissing() > 0) {
                out().printf("Images: %d downloaded, %d referenced but not in the library%s%n", s.imagesFetched(),
                        s.imagesMissing(), fetchImages ? "" : " (add --fetch-images to download them)");
            }
            for (String f : s.failures()) {
                out().printf("  failed: %s%n", f);
            }
        }
        out().flush();
        return s.failed() == 0 ? 0 : 3;
    }

    /** One progress line on stderr, rewritten in place: "Re-extracted 150 of 1200 (12%)". */
    private void showProgress(long done, long total, String message) {
        String percent = total > 0 ? " (" + (100 * done / total) + "%)" : "";
        err().print("\r" + message + percent);
        err().flush();
    }
}
