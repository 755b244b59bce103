package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LanguageDetectorTest {

    private static final String EN = "The attackers said that the bridge was drained after they forged the signatures of "
            + "the validators, and the team has been working with the exchanges to freeze the funds which were moved.";
    private static final String NL = "De aanvallers hebben het geld van de brug gehaald omdat de sleutels niet goed waren "
            + "beveiligd, en het team werkt met de beurzen om de tegoeden te bevriezen die zijn verplaatst.";
    private static final String DE = "Die Angreifer haben die Brücke geleert, nachdem sie die Signaturen der Validatoren "
            + "gefälscht hatten, und das Team arbeitet mit den Börsen, um die Gelder einzufrieren, die verschoben wurden.";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|" + EN,
        "nl|" + NL,
        "de|" + DE,
        "fr|Les attaquants ont vidé le pont après avoir falsifié les signatures des validateurs, et l'équipe travaille avec les plateformes pour geler les fonds qui ont été déplacés dans la nuit.",
        "es|Los atacantes vaciaron el puente después de falsificar las firmas de los validadores, y el equipo trabaja con los exchanges para congelar los fondos que fueron movidos por la noche.",
        "it|Gli attaccanti hanno svuotato il ponte dopo aver falsificato le firme dei validatori, e la squadra lavora con le piattaforme per congelare i fondi che sono stati spostati durante la notte.",
        "pt|Os atacantes esvaziaram a ponte depois de falsificar as assinaturas dos validadores, e a equipe trabalha com as corretoras para congelar os fundos que foram movidos durante a noite.",
        "en|THE ATTACKERS SAID THAT THE BRIDGE WAS DRAINED AND THE TEAM HAS BEEN WORKING WITH THE EXCHANGES.",
    })
    void knowsEachProfiledLanguage(String expected, String text) {
        assertEquals(Optional.of(expected), LanguageDetector.detect(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL", "''", "'   \n  '", "the and of", "Bitcoin Ethereum Solana Cardano Polkadot Avalanche Chainlink Polygon",
        "Thethethethethethethethethethethe andandandandandandandandand ofofofofofofofofofof",
    })
    void saysNothingWithoutEnoughStopwords(String text) {
        assertEquals(Optional.empty(), LanguageDetector.detect(text));
    }

    @Test
    void readsOnlyTheFirstThreeThousandWords() {
        String filler = "lorem ".repeat(3000);
        assertEquals(Optional.empty(), LanguageDetector.detect(filler + EN));
        assertEquals(Optional.of("en"), LanguageDetector.detect(EN.repeat(100) + " " + DE.repeat(200)));
    }

    static Stream<Arguments> pairs() {
        String filler = "lorem ".repeat(2990);
        return Stream.of(
                Arguments.of("Bridge drained", EN),
                Arguments.of(null, EN),
                Arguments.of("", ""),
                Arguments.of(" ", "\n"),
                Arguments.of(null, null),
                Arguments.of("the", "and of to is in that it"), // a word on each side of the line break
                Arguments.of("Brücke", DE),
                Arguments.of(NL, DE),
                Arguments.of(filler, EN.repeat(3)), // the limit falls in the second part
                Arguments.of(filler + EN, DE), // ... or in the first
                Arguments.of("x".repeat(40), "the and of " + EN));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void readsTwoPartsAsOneTextWithALineBreak(String first, String second) {
        assertEquals(LanguageDetector.detect(first + "\n" + second), LanguageDetector.detect(first, second));
    }

    static Stream<Arguments> readings() {
        String filler = "lorem ".repeat(2990);
        return Stream.concat(pairs(), Stream.of(
                Arguments.of("Title", "  leading and trailing white space\n\n"),
                Arguments.of("Title", "words\u2003split\u3000by\u2029wide\u000Bspaces\u001Cand\u00A0a no-break space"),
                Arguments.of("Title", "punctuation, digits 2024 and symbols €5 are\tparts of words: e-mail!"),
                Arguments.of("Title", ("ab cd\u2003ef ").repeat(2000)), // runs across the chunks copied at a time
                Arguments.of("Title", filler + "\u2003" + EN.repeat(20)), // the count goes on after the tally is full
                Arguments.of(filler, "one two"), // the tally is full before the text
                Arguments.of("Titel", "schön\u00E9t\u00E9 \uD835\uDC00 caf\u00E9 na\u00EFve")));
    }

    @ParameterizedTest
    @MethodSource("readings")
    void oneReadingGivesTheGuessAndTheWordCountOfTheText(String first, String second) {
        LanguageDetector.Reading reading = LanguageDetector.read(first, second);
        assertEquals(LanguageDetector.detect(first, second), reading.language());
        assertEquals(ContentExtractor.wordCount(String.valueOf(second)), reading.words());
    }

    @org.junit.jupiter.api.Test
    void aShortTextReadAfterALongOneReadsNothingLeftOfIt() {
        // the array texts are copied into is kept per thread: what a longer text left in it is never read
        LanguageDetector.Reading alone = LanguageDetector.read("T", "de het een");
        LanguageDetector.read("Title", (EN + " ").repeat(200));
        LanguageDetector.Reading after = LanguageDetector.read("T", "de het een");
        assertEquals(alone, after);
        assertEquals(3, after.words());
    }

    @org.junit.jupiter.api.Test
    void countsWordsAsWordCountDoesOnRandomText() {
        // letters of several scripts and cases, every kind of white space, digits, marks and surrogate halves
        String alphabet = "aZ\u00E9\u00C9\u0130\u03A3\u0416\u4E2D \t\n\r\f\u000B\u001C\u00A0\u2003\u2028\u3000"
                + "\u200B\u00AD1,.-\uD835\uDC00\u0301";
        java.util.Random rnd = new java.util.Random(17);
        for (int i = 0; i < 20000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = rnd.nextInt(i % 100 == 0 ? 9000 : 60); k > 0; k--) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            assertEquals(ContentExtractor.wordCount(text), LanguageDetector.read("T", text).words(), text);
        }
    }
}
