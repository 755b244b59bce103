package org.cryptosec.reader.extract;

import static org.cryptosec.reader.extract.TestPages.PROSE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Co-authors a JSON-LD "creator" list adds to its single "author", the credit lines of Chinese news pages, and the
 * blog author's own reply under the post.
 */
class CoAuthorAndHanCreditTest {

    private final ArticleExtractor extractor = new ArticleExtractor();

    private static String page(String ld, String body) {
        String head = "<title>Bridge drained</title>"
                + (ld == null ? "" : "<script type='application/ld+json'>" + ld + "</script>");
        return TestPages.page(head, body);
    }

    private static String article(String author, String creator) {
        return "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Bridge drained\","
                + "\"author\":" + author + (creator == null ? "" : ",\"creator\":" + creator) + "}";
    }

    private List<String> authors(String html) {
        return TestPages.authors(extractor, html);
    }

    private static final String BODY = "<article><h1>Bridge drained</h1>" + PROSE + "</article>";

    @Test
    void aCreatorListThatNamesTheAuthorAndMoreAddsTheCoAuthorsInItsOrder() {
        String html = page(article("{\"@type\":\"Person\",\"name\":\"Jane Doe\"}", "[\"Jane Doe\",\"Kai Moreno\",\"Li Wen\"]"), BODY);
        assertEquals(List.of("Jane Doe", "Kai Moreno", "Li Wen"), authors(html));
    }

    @Test
    void aCreatorListOfPersonsAddsTheirNames() {
        String html = page(article("{\"@type\":\"Person\",\"name\":\"Jane Doe\"}",
                "[{\"@type\":\"Person\",\"name\":\"Kai Moreno\"},{\"@type\":\"Person\",\"name\":\"Jane Doe\"}]"), BODY);
        assertEquals(List.of("Jane Doe", "Kai Moreno"), authors(html));
    }

    @Test
    void aCreatorListThatLeavesTheAuthorOutIsAnotherListAndAddsNobody() {
        String html = page(article("{\"@type\":\"Person\",\"name\":\"Jane Doe\"}", "[\"Photo Desk\",\"Kai Moreno\"]"), BODY);
        assertEquals(List.of("Jane Doe"), authors(html));
    }

    @Test
    void aCreatorListThatRepeatsTheAuthorAddsNobody() {
        String html = page(article("[{\"@type\":\"Person\",\"name\":\"Jane Doe\"}]", "[\"Jane Doe\"]"), BODY);
        assertEquals(List.of("Jane Doe"), authors(html));
    }

    @Test
    void aCreatorListWithSomethingThatIsNoNameAddsNobody() {
        String html = page(article("{\"@type\":\"Person\",\"name\":\"Jane Doe\"}", "[\"Jane Doe\",\"https://example.org/kai\"]"), BODY);
        assertEquals(List.of("Jane Doe"), authors(html));
    }

    @ParameterizedTest(name = "\"{0}\" credits {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "责任编辑：王小明|王小明",
        "'责任编辑：  王小明 '|王小明",
        "（责编：李华）|李华",
        "作者: 张伟|张伟",
        "记者：陈静|陈静",
        "编辑：刘洋|刘洋",
        "责任编辑：|NONE",
        "本文编辑认为：市场将继续下跌|NONE",
        "作者：Jane Doe|NONE",
        "By Jane Doe|NONE"})
    void chineseCreditLines(String text, String expected) {
        assertEquals(expected, Bylines.hanCredit(text));
    }

    @Test
    void aCreditLineBrokenAcrossLinesStillNamesTheEditor() {
        assertEquals("王小明", Bylines.hanCredit("责任编辑： \n王小明 \n"));
    }

    @Test
    void theEditorInChargeIsTheCreditWhenAChinesePageNamesNobodyElse() {
        String html = page(null, "<article><h1>Bridge drained</h1>" + PROSE
                + "<div class='edit'><span>责任编辑： \n王小明 \n</span></div></article>");
        assertEquals(List.of("王小明"), authors(html));
    }

    @Test
    void aDeclaredAuthorBeatsTheEditorInCharge() {
        String html = page(article("{\"@type\":\"Person\",\"name\":\"Jane Doe\"}", null), "<article><h1>Bridge drained</h1>" + PROSE
                + "<div class='edit'><span>责任编辑：王小明</span></div></article>");
        assertEquals(List.of("Jane Doe"), authors(html));
    }

    @Test
    void aCreatorListWithAPictureAgencyAddsNobody() {
        String html = page(article("{\"@type\":\"Person\",\"name\":\"Jane Doe\"}", "[\"Jane Doe\",\"Getty Images\",\"Li Wen\"]"), BODY);
        assertEquals(List.of("Jane Doe"), authors(html));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"作者：佚名", "编辑：新华社"})
    void anAnonymousOrAgencyCreditLineNamesNoPerson(String line) {
        assertEquals(null, Bylines.hanCredit(line));
    }

    @Test
    void theOrganisationTheArticleDeclaresBeatsTheBlogAuthorsReply() {
        String html = page(article("{\"@type\":\"Organization\",\"name\":\"CoinWire\"}", null), BODY
                + "<ol class='comment-list'>" + reply("comment bypostauthor", "Marketing Desk") + "</ol>");
        assertEquals(List.of("CoinWire"), authors(html));
    }

    @Test
    void aReplyUnderTheSitesOwnNameIsNoAuthor() {
        String html = TestPages.page("<title>Bridge drained</title><meta property='og:site_name' content='Crypto Wire'>", BODY
                + "<ol class='comment-list'>" + reply("comment bypostauthor", "Crypto Wire") + "</ol>");
        assertEquals(List.of(), authors(html));
    }

    private static String reply(String classes, String name) {
        return "<li class='" + classes + "'><div class='comment-author vcard'><cite class='fn'>" + name + "</cite> says:</div>"
                + "<p>Thanks for reading, the next part follows soon.</p></li>";
    }

    @Test
    void theBlogAuthorsReplyUnderThePostNamesTheAuthorWhenNobodyElseIs() {
        String html = page(null, "<article><h1>Bridge drained</h1>" + PROSE + "</article><ol class='comment-list'>"
                + reply("comment byuser comment-author-kmoreno", "Kai Moreno")
                + reply("comment byuser comment-author-jdoe bypostauthor", "Jane Doe") + "</ol>");
        assertEquals(List.of("Jane Doe"), authors(html));
    }

    @Test
    void commentsByReadersNameNobody() {
        String html = page(null, "<article><h1>Bridge drained</h1>" + PROSE + "</article><ol class='comment-list'>"
                + reply("comment byuser comment-author-kmoreno", "Kai Moreno") + "</ol>");
        assertEquals(List.of(), authors(html));
    }

    @Test
    void aBylineBeatsTheBlogAuthorsReply() {
        String html = page(null, "<article><h1>Bridge drained</h1><p class='byline'>By Li Wen</p>" + PROSE + "</article>"
                + "<ol class='comment-list'>" + reply("comment bypostauthor", "Jane Doe") + "</ol>");
        assertEquals(List.of("Li Wen"), authors(html));
    }
}
