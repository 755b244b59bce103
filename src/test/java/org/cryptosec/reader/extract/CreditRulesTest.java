package org.cryptosec.reader.extract;

import static org.cryptosec.reader.extract.TestPages.PROSE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Credits of pages that name no person: news agencies and the CMS account that submitted the page. */
class CreditRulesTest {

    private final ArticleExtractor extractor = new ArticleExtractor();

    private static String page(String head, String body) {
        return TestPages.page("<title>Bridge drained</title>" + head, body);
    }

    private List<String> authors(String html) {
        return TestPages.authors(extractor, html);
    }

    @ParameterizedTest(name = "\"{0}\" is the agency credit {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "dpa/lno|dpa/lno",
        "AFP/Chain Watch|AFP/Chain Watch",
        "(Reuters)|Reuters",
        "CW mit dpa|CW mit dpa",
        "JIJI|JIJI",
        "Jane Doe|NONE",
        "Foto: AFP|NONE",
        "Bild: dpa/Some Photographer|NONE",
        "AP Moller Maersk Group annual shipping report|NONE",
        "Apple|NONE"})
    void agencyCredits(String text, String expected) {
        assertEquals(expected, Bylines.agencyCredit(text));
    }

    @ParameterizedTest(name = "\"{0}\" credits {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "Lisbon (dpa/lno) – The exchange halted withdrawals on Monday.|dpa/lno",
        "NEW YORK (Reuters) - Bitcoin fell for a third day.|Reuters",
        "Berlin, 3. März (AFP) — Die Börse schloss.|AFP",
        "The exchange halted withdrawals, it said. (CW mit dpa)|CW mit dpa",
        "The exchange (a Lisbon firm) halted withdrawals – again.|NONE",
        "Lisbon (Jane Doe) – The exchange halted withdrawals.|NONE"})
    void datelineCredits(String paragraph, String expected) {
        assertEquals(expected, Bylines.datelineCredit(paragraph));
    }

    @ParameterizedTest(name = "\"{0}\" names the account {1}")
    @CsvSource(delimiter = '#', nullValues = "NONE", value = {
        "Submitted by jdoe on Tue, 03/05/2024 - 18:55#jdoe",
        "Gespeichert von jdoe am 24. Juli 2017 - 18:55#jdoe",
        "Verfasst von: chainwatcher | 31. Dezember 2008#chainwatcher",
        "Geplaatst door jdoe op 3 mei 2024#jdoe",
        "Start/Page (last edited 2019-11-10 13:28:18 by JaneDoe )#JaneDoe",
        "Filed under: News, Exploits — jdoe @ 10:15#NONE",
        "Filed under: News, Exploits#NONE",
        "Submitted by admin on Tue, 03/05/2024#NONE",
        "The form was submitted in time by the defence team and the judge accepted it as written.#NONE"})
    void cmsSubmissionLines(String line, String expected) {
        assertEquals(expected, Bylines.cmsAccount(line));
    }

    @Test
    void anAgencyDatelineCreditsAPageThatNamesNobody() {
        String html = page("", "<article><h1>Bridge drained</h1><p>Lisbon (dpa/lno) – The attackers drained the bridge"
                + " contract after forging validator signatures, the team said.</p>" + PROSE + "</article>"
                + "<footer><p>© 2024 Chainwatch Media GmbH</p></footer>");
        assertEquals(List.of("dpa/lno"), authors(html));
    }

    @Test
    void anAgencyMarkedAsTheCreditBelowTheHeadlineIsTheAuthor() {
        String html = page("<meta name='author' content='No Author'>",
                "<article><header><h1>Bridge drained</h1><p class='credit'>JIJI</p></header>" + PROSE + "</article>");
        assertEquals(List.of("JIJI"), authors(html));
    }

    @Test
    void aPictureCreditIsNotTheAuthor() {
        String html = page("", "<article><h1>Bridge drained</h1><figure><img src='/a.jpg'>"
                + "<figcaption><span class='credit'>AFP</span></figcaption></figure>" + PROSE + "</article>");
        assertEquals(List.of(), authors(html));
    }

    @Test
    void aDeclaredAgencyCreditIsKeptAsWritten() {
        String html = page("<meta name='author' content='AFP/Chain Watch'>", "<article><h1>Bridge drained</h1>" + PROSE + "</article>");
        assertEquals(List.of("AFP/Chain Watch"), authors(html));
    }

    @Test
    void theAccountThatSubmittedThePageIsTheAuthorWhenNobodyElseIsNamed() {
        String html = page("", "<article><h1>Bridge drained</h1>" + PROSE
                + "<div class='submitted'>Submitted by <span class='username'>jdoe</span> on Tue, 03/05/2024 - 18:55</div></article>");
        assertEquals(List.of("jdoe"), authors(html));
    }

    @Test
    void aNamedAuthorBeatsTheSubmittingAccountAndAnAgencyDateline() {
        String html = page("<meta name='author' content='Jane Doe'>", "<article><h1>Bridge drained</h1>"
                + "<p>Lisbon (AFP) – The attackers drained the bridge contract, the team said.</p>" + PROSE
                + "<div class='submitted'>Submitted by <span class='username'>jdoe</span> on Tue, 03/05/2024</div></article>");
        assertEquals(List.of("Jane Doe"), authors(html));
    }

    @Test
    void withoutACreditThereIsNoDatelineCredit() {
        assertNull(Bylines.datelineCredit("No parentheses here at all."));
    }

    @Test
    void aDeskCreditGivesWayToTheAgencyCreditTheReportClosesWith() {
        String html = page("<meta name='author' content='Redaktion'>", "<article><h1>Bridge drained</h1>" + PROSE
                + "<p>The team paused the contracts on Monday and asked exchanges to freeze the tokens, a spokesman said. (CW mit dpa)</p></article>");
        assertEquals(List.of("CW mit dpa"), authors(html));
    }

    @Test
    void aTeaserLineEndingInAnAgencyCreditDoesNotReplaceTheDesk() {
        String html = page("<meta name='author' content='Redaktion'>", "<article><h1>Bridge drained</h1>" + PROSE
                + "<div class='box'><p>Lesen Sie auch: Ethereum-Upgrade verschoben (AFP)</p></div></article>");
        assertEquals(List.of("Redaktion"), authors(html));
    }

    @Test
    void aCreativeCommonsLicenceOnTheWholePostLeavesItsBylineStanding() {
        String html = page("", "<article><h1>Bridge drained</h1><div class='post-meta'><span class='author'>Jane Doe</span> · "
                + "<time>12 May 2024</time> · <a href='https://creativecommons.org/licenses/by/4.0/'>CC BY 4.0</a></div>" + PROSE
                + "</article>");
        assertEquals(List.of("Jane Doe"), authors(html));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<span>Tekst <i class='icon'></i></span> <span>Jan Jansen</span>|Jan Jansen",
        "By <a href='/people/jane'>Jane</a> Doe|Jane Doe"})
    void aLabelFollowedByAnIconOrPartOfTheNameStillReadsTheWholeName(String line, String name) {
        String html = page("", "<article><h1>Bridge drained</h1><p class='meta'>" + line + "</p>" + PROSE + "</article>");
        assertEquals(List.of(name), authors(html));
    }

    @Test
    void aDeskCreditStaysWhenTheReportOnlyOpensWithAnAgencyDateline() {
        String html = page("<meta name='author' content='Redaktion'>", "<article><h1>Bridge drained</h1>"
                + "<p>Lisbon (AFP) – The attackers drained the bridge contract, the team said.</p>" + PROSE + "</article>");
        assertEquals(List.of("Redaktion"), authors(html));
    }

    @Test
    void aNamedAuthorKeepsTheBylineOverAClosingAgencyCredit() {
        String html = page("<meta name='author' content='Jane Doe'>", "<article><h1>Bridge drained</h1>" + PROSE
                + "<p>The team paused the contracts, a spokesman said. (CW mit dpa)</p></article>");
        assertEquals(List.of("Jane Doe"), authors(html));
    }

    @ParameterizedTest(name = "\"{0}\" is a desk credit: {1}")
    @CsvSource(delimiter = '|', value = {"Redaktion|true", "Newsroom|true", "Rédaction|true", "Jane Doe|false", "Redaktion Berlin|false"})
    void deskCredits(String name, boolean expected) {
        assertEquals(expected, Bylines.isDeskCredit(name));
    }

    @ParameterizedTest(name = "\"{0}\" closes with {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "The exchange halted withdrawals, it said. (CW mit dpa)|CW mit dpa",
        "NEW YORK (Reuters) - Bitcoin fell for a third day.|NONE",
        "The exchange halted withdrawals (again).|NONE"})
    void closingCredits(String paragraph, String expected) {
        assertEquals(expected, Bylines.closingCredit(paragraph));
    }
}
