package org.cryptosec.reader.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The user's own synonyms.txt in the data folder: merged with the bundled groups, read as untrusted input. */
class SynonymsUserFileTest {

    @TempDir
    Path dir;

    private Synonyms.Loaded load(String content) throws IOException {
        Files.writeString(Synonyms.userFile(dir), content, StandardCharsets.UTF_8);
        return Synonyms.withUserFile(dir);
    }

    @Test
    void userGroupsAreAddedToTheBundledOnesBothWays() throws IOException {
        Synonyms.Loaded loaded = load("# my words\nhoneypot, honey pot, lokaas\nhack, inbraak\n");
        Synonyms s = loaded.synonyms();
        assertEquals(List.of(), loaded.warnings());
        assertEquals(List.of("honey pot", "lokaas"), s.expand("Honeypot"));
        assertTrue(s.expand("honey-pot").contains("honeypot"));
        List<String> hack = s.expand("hack");
        assertTrue(hack.contains("gehackt"), "bundled forms stay: " + hack);
        assertEquals("inbraak", hack.get(hack.size() - 1), "the user's form comes after the bundled ones");
        assertTrue(s.expand("inbraak").contains("hack"));
        assertTrue(s.expand("noord-korea").contains("dprk"), "other bundled groups are untouched");
    }

    @Test
    void oneWayUserLinesWorkAsInTheBundledFile() throws IOException {
        Synonyms s = load("kraken, krakens => octopus\n").synonyms();
        assertEquals(List.of("krakens", "octopus"), s.expand("kraken"));
        assertEquals(List.of(), s.expand("octopus"));
    }

    @Test
    void withoutAUserFileTheBundledSynonymsApplyAndNothingIsReported() {
        Synonyms.Loaded loaded = Synonyms.withUserFile(dir);
        assertEquals(List.of(), loaded.warnings());
        assertEquals(Synonyms.bundled().size(), loaded.synonyms().size());
    }

    @ParameterizedTest(name = "line \"{0}\" is skipped: {1}")
    @CsvSource(delimiter = '|', value = {
        "onlyone                      | line 2 needs at least two entries",
        "a => b => c                  | line 2 has more than one '=>'",
        "' => b'                      | line 2 has an empty side",
        "'a, !!!'                     | line 2: '!!!' has no letters or digits",
        "'one two three four five, x' | more than 4 words",
    })
    void aBadLineIsSkippedWithAWarningNamingFileAndLine(String bad, String message) throws IOException {
        Synonyms.Loaded loaded = load("honeypot, lokaas\n" + bad + "\nwhale, walvis\n");
        assertEquals(1, loaded.warnings().size(), loaded.warnings().toString());
        String warning = loaded.warnings().get(0);
        assertTrue(warning.startsWith(Synonyms.userFile(dir) + ": "), warning);
        assertTrue(warning.contains(message), warning);
        assertTrue(warning.endsWith("line skipped"), warning);
        assertEquals(List.of("lokaas"), loaded.synonyms().expand("honeypot"), "the lines around it are used");
        assertEquals(List.of("walvis"), loaded.synonyms().expand("whale"));
    }

    @Test
    void aGroupWithTooManyEntriesIsSkipped() throws IOException {
        String big = IntStream.range(0, Synonyms.MAX_GROUP_ENTRIES + 1).mapToObj(i -> "w" + i).collect(Collectors.joining(", "));
        Synonyms.Loaded loaded = load(big + "\nwhale, walvis\n");
        assertTrue(loaded.warnings().get(0).contains("line 1 has 65 entries, more than 64"), loaded.warnings().toString());
        assertEquals(List.of(), loaded.synonyms().expand("w0"));
        assertEquals(List.of("walvis"), loaded.synonyms().expand("whale"));
    }

    @Test
    void aFileOverTheSizeLimitIsIgnoredWithAWarning() throws IOException {
        String huge = "whale, walvis\n" + "# padding\n".repeat((int) (Synonyms.MAX_USER_FILE_BYTES / 10) + 1);
        Synonyms.Loaded loaded = load(huge);
        assertEquals(1, loaded.warnings().size());
        assertTrue(loaded.warnings().get(0).contains("more than the limit of " + Synonyms.MAX_USER_FILE_BYTES),
                loaded.warnings().get(0));
        assertTrue(loaded.warnings().get(0).contains("the file is ignored"), loaded.warnings().get(0));
        assertEquals(List.of(), loaded.synonyms().expand("whale"));
        assertTrue(loaded.synonyms().expand("north korea").contains("dprk"), "the bundled synonyms still work");
    }

    @Test
    void pairsBeyondTheLimitAreNotReadAndTheWarningSaysWhere() throws IOException {
        // each full line pairs 64 entries with the 63 others: 4,032 pairs; 50 lines go over 200,000
        StringBuilder file = new StringBuilder("whale, walvis\n");
        for (int line = 0; line < 60; line++) {
            int l = line;
            file.append(IntStream.range(0, 64).mapToObj(i -> "l" + l + "w" + i).collect(Collectors.joining(","))).append('\n');
        }
        Synonyms.Loaded loaded = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> load(file.toString()));
        assertEquals(1, loaded.warnings().size(), loaded.warnings().toString());
        assertTrue(loaded.warnings().get(0).contains("line 51 goes over the limit of " + Synonyms.MAX_PAIRS),
                loaded.warnings().get(0));
        assertEquals(63, loaded.synonyms().expand("l48w0").size(), "lines before the limit are used");
        assertEquals(List.of(), loaded.synonyms().expand("l49w0"), "the line over the limit and those after are not");
        assertEquals(List.of(), loaded.synonyms().expand("l59w0"));
    }

    @Test
    void aFileThatIsNotUtf8IsIgnoredWithAWarning() throws IOException {
        Files.write(Synonyms.userFile(dir), "whale, walvis\nwal\u00e9, x\n".getBytes(StandardCharsets.ISO_8859_1));
        Synonyms.Loaded loaded = Synonyms.withUserFile(dir);
        assertTrue(loaded.warnings().get(0).contains("not UTF-8"), loaded.warnings().toString());
        assertEquals(List.of(), loaded.synonyms().expand("whale"));
    }

    @Test
    void aFolderOrADeviceInPlaceOfTheFileIsIgnoredWithAWarning() throws IOException {
        Files.createDirectory(Synonyms.userFile(dir));
        Synonyms.Loaded folder = Synonyms.withUserFile(dir);
        assertTrue(folder.warnings().get(0).contains("not a regular file"), folder.warnings().toString());

        Path other = dir.resolve("other");
        Files.createDirectory(other);
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero here");
        Files.createSymbolicLink(Synonyms.userFile(other), zero);
        Synonyms.Loaded device = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Synonyms.withUserFile(other));
        assertTrue(device.warnings().get(0).contains("not a regular file"), device.warnings().toString());
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreAccepted() throws IOException {
        Synonyms.Loaded loaded = load("\uFEFFwhale, walvis\r\nhoneypot, lokaas\r\n");
        assertEquals(List.of(), loaded.warnings());
        assertEquals(List.of("walvis"), loaded.synonyms().expand("whale"));
        assertEquals(List.of("lokaas"), loaded.synonyms().expand("honeypot"));
    }

    @Test
    void warningsShowNoControlCharactersAndAreCapped() throws IOException {
        String bad = IntStream.range(0, 30).mapToObj(i -> "\u001b[31mevil" + i).collect(Collectors.joining("\n"));
        Synonyms.Loaded loaded = load(bad + "\n");
        assertEquals(21, loaded.warnings().size());
        assertEquals(30, loaded.problems(), "every bad line counts, not only those listed");
        assertTrue(loaded.warnings().get(20).contains("10 more bad lines skipped"), loaded.warnings().get(20));
        for (String w : loaded.warnings()) {
            assertFalse(w.chars().anyMatch(Character::isISOControl), w);
        }
        assertTrue(loaded.warnings().get(0).contains("?[31mevil0"), loaded.warnings().get(0));
    }

    @Test
    void theShippedFileStaysStrict() {
        // the bundled file parses with no problem at all: a bad line there is a build error, not a warning
        assertTrue(Synonyms.bundled().size() > 50);
        assertFalse(Synonyms.bundled().expand("hack").isEmpty());
    }
}
