package org.cryptosec.reader.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every file of feedparser's test suite, Rome's test feeds and Miniflux's awkward encodings goes through the
 * parser: each one parses or fails with a FeedParseException, never another exception. Reports counts per
 * error category so regressions in leniency show up in the log.
 */
@Tag("corpus")
class FeedCorpusTest {

    private static final Logger LOG = LoggerFactory.getLogger(FeedCorpusTest.class);

    @Test
    void feedparserCorpusNeverThrowsAnythingButFeedParseException() throws IOException {
        Report report = run(SharedFeedsSmokeTest.sharedFeeds("feedparser"));
        assertTrue(report.parsed + report.failed() > 2000, "expected the 2,106 feedparser files, saw " + report.total());
        assertEquals(List.of(), report.uncaught, "uncaught exceptions");
        // the well-formed part should almost entirely parse (it is all valid RSS/Atom/RDF/CDF)
        assertTrue(report.wellformedParsed >= report.wellformedTotal * 0.9,
                "well-formed parsed " + report.wellformedParsed + " of " + report.wellformedTotal);
    }

    @Test
    void romeAndMinifluxCorporaNeverThrowAnythingButFeedParseException() throws IOException {
        for (String folder : new String[] {"rome", "miniflux"}) {
            Report report = run(SharedFeedsSmokeTest.sharedFeeds(folder));
            assertEquals(List.of(), report.uncaught, folder + ": uncaught exceptions");
        }
    }

    private static final class Report {
        int parsed;
        int wellformedParsed;
        int wellformedTotal;
        final Map<String, Integer> categories = new TreeMap<>();
        final List<String> uncaught = new ArrayList<>();

        int failed() {
            return categories.values().stream().mapToInt(Integer::intValue).sum();
        }

        int total() {
            return parsed + failed() + uncaught.size();
        }
    }

    private static Report run(Path dir) throws IOException {
        FeedParser parser = new FeedParser();
        Report report = new Report();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(FeedCorpusTest::isFeedCandidate).sorted().toList();
        }
        long start = System.nanoTime();
        for (Path file : files) {
            boolean wellformed = dir.relativize(file).toString().startsWith("wellformed");
            if (wellformed) {
                report.wellformedTotal++;
            }
            try {
                parser.parse(Files.readAllBytes(file), null, "https://corpus.example/" + dir.relativize(file));
                report.parsed++;
                if (wellformed) {
                    report.wellformedParsed++;
                }
            } catch (FeedParseException e) {
                report.categories.merge(category(e.getMessage()), 1, Integer::sum);
            } catch (RuntimeException | Error e) {
                report.uncaught.add(dir.relativize(file) + ": " + e);
            }
        }
        LOG.info("{}: {} files in {} ms, {} parsed, {} failed {}, {} uncaught; well-formed {}/{}", dir.getFileName(),
                report.total(), (System.nanoTime() - start) / 1_000_000, report.parsed, report.failed(),
                report.categories, report.uncaught.size(), report.wellformedParsed, report.wellformedTotal);
        return report;
    }

    private static boolean isFeedCandidate(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return !name.startsWith("license") && !name.equals("source_commit") && !name.endsWith(".java")
                && !name.endsWith(".properties") && !name.endsWith(".md") && !name.endsWith(".txt");
    }

    /** The message without its specifics (line numbers, parser detail), to count failures by kind. */
    private static String category(String message) {
        String m = message.replaceAll("\\(line .*", "").strip();
        if (m.startsWith("not well-formed XML")) {
            return "not well-formed XML";
        }
        if (m.startsWith("not a feed: the root element")) {
            return "not a feed: unknown root element";
        }
        if (m.startsWith("not a feed: the document is neither")) {
            return "not a feed: neither XML nor JSON";
        }
        if (m.startsWith("not valid JSON")) {
            return "not valid JSON";
        }
        if (m.startsWith("could not read the feed")) {
            return m.length() > 80 ? m.substring(0, 80) : m;
        }
        return m;
    }
}
