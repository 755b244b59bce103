package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Generic body rules: what stays in the article text and what goes, on made-up pages. */
class BodyRulesTest {

    private final ArticleExtractor extractor = new ArticleExtractor();

    private static final String P1 = TestPages.PARAGRAPH_1;
    private static final String P2 = TestPages.PARAGRAPH_2;
    private static final String P3 = "Auditors had flagged the signature check a year earlier, but the fix was never deployed"
            + " to the contract that held most of the deposits, according to the report.";

    private String text(String body) {
        String html = "<html><head><title>Bridge drained</title></head><body>" + body + "</body></html>";
        return extractor.extract(html, "https://news.example/2024/05/bridge").text();
    }

    @ParameterizedTest(name = "{0} is boilerplate: {1}")
    @CsvSource(delimiter = '|', value = {
        "widget widget_recent_entries | true",
        "widget widget-text form-group | true",
        "sidebar-widget | true",
        "builder-widget builder-widget-text-editor | false",
        "builder-widget builder-widget-theme-post-content | false",
        "builder-widget-wrap | false",
        "builder-widget-container | false",
        "field field--name-body field--label-hidden | false",
        "field-label-hidden field-item | false",
        "promo hidden | true",
        "visually-hidden | true",
    })
    void aPageBuildersTextWidgetOrAFieldWithAHiddenLabelIsNotBoilerplate(String cls, boolean negative) {
        assertEquals(negative, Hints.isNegative(cls));
    }

    @Test
    void anArticleSplitOverPageBuilderTextWidgetsIsKept() {
        String widget = "<div class='pb-element pb-widget pb-widget-text-editor'><div class='pb-widget-container'><p>%s</p></div></div>";
        String body = "<header><a href='/'>Home</a></header><main><h1>Bridge drained</h1><div class='pb-widget-wrap'>"
                + widget.formatted(P1) + widget.formatted(P2) + widget.formatted(P3) + "</div></main>"
                + "<div class='pb-widget-wrap'><div class='pb-widget pb-widget-posts'><div class='pb-post__excerpt'><p>"
                + "An older story about a different exchange, shown as a teaser in the column beside the article.</p></div></div></div>";
        String text = text(body);
        assertTrue(text.contains(P1) && text.contains(P2) && text.contains(P3), text);
        assertFalse(text.contains("older story"), text);
    }

    @Test
    void aListOfLinksToOtherArticlesOfTheSiteInsideTheArticleGoes() {
        String body = "<article><h1>Bridge drained</h1><p>" + P1 + "</p><ul><li><a href='/2024/05/exchange-halts-withdrawals'>"
                + "Exchange halts withdrawals after hot wallet leak</a></li><li><a href='https://news.example/2024/04/lender-paused'>"
                + "Lender paused after oracle was pushed off peg</a></li></ul><p>" + P2 + "</p><p>" + P3 + "</p></article>";
        String text = text(body);
        assertFalse(text.contains("hot wallet leak") || text.contains("oracle was pushed"), text);
        assertTrue(text.contains(P2), text);
    }

    @ParameterizedTest(name = "list {0} stays")
    @CsvSource(delimiter = '|', value = {
        // links to other sites: the article's sources
        "<li><a href='https://chain.example/report'>The validator report published by the chain team</a></li>"
                + "<li><a href='https://audit.example/2023'>The audit that flagged the signature check</a></li>",
        // a see-also list of short topic names
        "<li><a href='/topics/bridges'>Outline of bridges</a></li><li><a href='/topics/mixers'>List of mixers</a></li>",
        // items with prose beside the link
        "<li><a href='/2024/05/exchange-halts'>Exchange halts withdrawals</a> after a hot wallet leak was found on Monday</li>",
    })
    void aListOfSourcesTopicsOrProseStays(String items) {
        String body = "<article><h1>Bridge drained</h1><p>" + P1 + "</p><ul>" + items + "</ul><p>" + P2 + "</p><p>" + P3
                + "</p></article>";
        String first = org.jsoup.Jsoup.parse(items).selectFirst("li").text();
        assertTrue(text(body).contains(first), text(body));
    }

    @Test
    void aLayoutWrapperNamedAfterItsSidebarIsKeptWhenItHoldsTheHeadline() {
        String links = "<p><a href='/tag/bridges'>bridges</a> <a href='/tag/defi'>defi</a> <a href='/tag/exploits'>exploits</a>"
                + " <a href='/tag/audits'>audits</a> <a href='/tag/mixers'>mixers</a> <a href='/tag/chains'>chains</a></p>";
        String body = "<div class='post-wrap layout-sidebar-right'><article><h1>Bridge drained</h1><div class='entry'><p>" + P1
                + "</p><p>" + P2 + "</p></div>" + links + links + links + "</article>"
                + "<div class='sidebar-right'><p>" + P3 + "</p></div></div>";
        String text = text(body);
        assertTrue(text.contains(P1) && text.contains(P2), text);
        assertFalse(text.contains(P3), text);
    }

    @Test
    void aParagraphAboutSubscriptionsStays() {
        String prose = "The exchange said users who subscribe to its premium tier will keep their fee discounts, and that"
                + " the change was announced to members in an email on Monday.";
        String text = text("<article><h1>Bridge drained</h1><p>" + P1 + "</p><p>" + prose + "</p><p>" + P2 + "</p></article>");
        assertTrue(text.contains(prose), text);
    }

    @ParameterizedTest(name = "line \"{0}\" leaves the text")
    @CsvSource(delimiter = '|', value = {
        // calls to subscribe, sign up, join or support
        "Subscribe now to our weekly edition for the full story.",
        "Want the daily briefing? Sign up here",
        "Become a member today and read every story.",
        "Werden Sie Mitglied und erhalten Sie exklusive Angebote!",
        "Jetzt kostenlos registrieren »",
        // category and tag lines, navigation labels
        "Category: Press releases",
        "Kategorie: News, Technik",
        "Tags: bridges, exploits, audits",
        "Zurück zur Liste",
        "Back to overview",
        "Drukuj",
    })
    void callsToActionCategoryLinesAndNavigationLabelsLeaveTheText(String line) {
        String text = text("<article><h1>Bridge drained</h1><p>" + P1 + "</p><p>" + P2 + "</p><div>" + line + "</div><p>" + P3
                + "</p></article>");
        assertFalse(text.contains(line), text);
        assertTrue(text.contains(P3), text);
    }

    @Test
    void theHeadlineWithADateBesideItLeavesTheText() {
        String title = "Bridge drained of forty million overnight";
        String html = "<html><head><title>" + title + "</title></head><body><div class='content'><h1><span>27.01.2024</span> "
                + title + "</h1><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p></div></body></html>";
        String text = extractor.extract(html, "https://news.example/2024/01/bridge").text();
        assertFalse(text.contains("27.01.2024"), text);
        assertTrue(text.startsWith(P1.substring(0, 30)), text);
    }
}
