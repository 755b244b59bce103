package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the page index lists for the body stages is what walking the page itself gives. */
class BodyIndexTest {

    private static final String BASE = "https://news.example/2024/05/story";

    @ParameterizedTest
    @ValueSource(strings = {
        "<p class='Lead'>text</p><img data-src='/a.jpg'><noscript><img src='/a.jpg'></noscript><p id='X'>after</p>",
        "<div><noscript><img class='Fallback' src='/b.jpg'><span>b</span></noscript></div><p>after</p>",
        "<noscript><p>enable scripts</p><noscript><b>nested</b></noscript></noscript><div class='Tail'>t</div>",
        "<figure><img src='/c.jpg'><noscript><img src='/c.jpg'><i>x</i></noscript></figure><noscript></noscript>",
        "<div><noscript><noscript><img src='/d.jpg'></noscript></noscript><em>e</em></div>",
        "<p>no noscript at all</p>"})
    void theLiveBodyElementsAreTheBodysElementsOnceNoscriptsAreResolved(String body) {
        Document doc = Jsoup.parse("<html><body>" + body + "</body></html>", BASE);
        PageIndex idx = PageIndex.of(doc);
        ContentExtractor.resolveImages(idx.bodyImages(), idx.bodyNoscripts(), new ArrayList<>());
        List<Element> live = idx.liveBodyElements();
        List<Element> walked = doc.body().getAllElements();
        assertEquals(walked, live);
        ClassIds names = idx.classIds(live);
        ClassIds read = ClassIds.of(walked);
        for (int i = 0; i < walked.size(); i++) {
            assertEquals(read.className(i), names.className(i), "class " + i);
            assertEquals(read.id(i), names.id(i), "id " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<p>5 min read</p><aside><p>3 min read</p></aside><div class='Sidebar'><span>2 min</span></div><p>tail text</p>",
        "<div id='related-posts'><p>four min</p></div><script>var long = 'a script body';</script><p>12345</p>",
        "<nav>menu items</nav><footer><p>footer text</p></footer><header><span>header text</span></header><b>x</b>",
        "<div class='post'><p>long text long text long text long text long text long text long text long text long text long text long text long text long text</p><span>  short  </span></div><div class='widget-x'>w</div>",
        "<style>p { color: red }</style><p>\n     \n</p><p>ok</p><div class='teaser'><div><p>inner teaser</p></div></div>"})
    void theReadingTextsAreTheShortTextsOutsideTheOffTopicParts(String body) {
        Document doc = Jsoup.parse("<html><body class='page'>" + body + "</body></html>", BASE);
        List<TextNode> expected = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element el) {
                    String tag = el.normalName();
                    boolean offTopic = Hints.isFurnitureTag(tag) || tag.equals("script") || tag.equals("style")
                            || ArticleExtractor.offTopicName(el.className().toLowerCase(java.util.Locale.ROOT))
                            || ArticleExtractor.offTopicName(el.id().toLowerCase(java.util.Locale.ROOT));
                    return offTopic ? FilterResult.SKIP_ENTIRELY : FilterResult.CONTINUE;
                }
                if (node instanceof TextNode t && t.getWholeText().length() >= 5 && t.getWholeText().length() <= 120) {
                    expected.add(t);
                }
                return FilterResult.CONTINUE;
            }
        }, doc.body());
        PageIndex idx = PageIndex.of(doc);
        assertEquals(expected, idx.readingTexts());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(idx.bodyStats().get(expected.get(i).parent()), idx.readingParents().get(i), "parent " + i);
        }
    }
}
