package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * {@link ClassIds} reads class and id with exact attribute keys (the parser lower-cases attribute names): it finds
 * what {@code className()} and {@code id()} find, lower-cased, whatever case and spacing the page writes them in.
 */
class ClassIdsShortCutTest {

    @Test
    void namesAreThoseOfClassNameAndIdLowerCased() {
        Document doc = HtmlText.parse("<body><div CLASS=' Post-Meta Byline ' ID='Top'><p Class=x>a</p>"
                + "<span id=''>b</span><a href=/x title=t>c</a><i data-x=1 cLaSs='\tA\n' iD=\"\u00C9t\u00E9\">d</i>"
                + "<b class>e</b><em>f</em></div></body>", "https://news.example/");
        java.util.List<Element> all = doc.body().getAllElements();
        ClassIds names = ClassIds.of(all);
        for (int i = 0; i < all.size(); i++) {
            Element el = all.get(i);
            assertEquals(el.className().toLowerCase(Locale.ROOT), names.className(i), el.outerHtml());
            assertEquals(el.id().toLowerCase(Locale.ROOT), names.id(i), el.outerHtml());
        }
    }

    private static final String[] NAME_PARTS = {"author", "Author-Box", "auteur", "autor", "writer", "WRITER", "sabox",
        "abh_box", "m-a-box", "molongui", "byline", "verfasser", "auth", "write", "box", "sabo", "m-a", "molong", "aut",
        "sidebar", "widget", "comment", "related", "teaser", "date", "post", "meta", "x", "", " ", "\u00E9crivain",
        "AUTORIN", "by-line", "post-author"};
    private static final String[] TAGS = {"div", "section", "nav", "header", "aside", "p", "span", "footer", "noscript",
        "script", "article"};

    /**
     * The index walk notes which names hold an author word while it reads them for its other words (and, inside the
     * parts whose names it does not read, with {@link AuthorBoxes#mayNameAuthor}): for the body's elements and for
     * those left once noscripts were unwrapped or removed, what {@code mayNameAuthor} tells of the class or id.
     */
    @Test
    void authorWordsNotedInTheWalkAreThoseOfMayNameAuthor() {
        java.util.Random random = new java.util.Random(20261124);
        int named = 0;
        for (int round = 0; round < 3000; round++) {
            StringBuilder html = new StringBuilder("<body>");
            int open = 0;
            java.util.Deque<String> stack = new java.util.ArrayDeque<>();
            for (int k = 0, n = 1 + random.nextInt(30); k < n; k++) {
                if (open > 0 && random.nextInt(3) == 0) {
                    html.append("</").append(stack.pop()).append('>');
                    open--;
                    continue;
                }
                String tag = TAGS[random.nextInt(TAGS.length)];
                html.append('<').append(tag);
                if (random.nextBoolean()) {
                    html.append(" class='").append(name(random)).append('\'');
                }
                if (random.nextInt(3) == 0) {
                    html.append(" id='").append(name(random)).append('\'');
                }
                html.append(">t ");
                if (tag.equals("noscript") && random.nextBoolean()) {
                    html.append("<img src=/a.jpg>");
                }
                stack.push(tag);
                open++;
            }
            Document doc = HtmlText.parse(html.toString(), "https://news.example/");
            PageIndex idx = PageIndex.of(doc);
            ClassIds body = idx.classIds(idx.bodyElements());
            org.junit.jupiter.api.Assertions.assertTrue(body.authorWordsKnown(), "noted by the walk");
            named += check(idx.bodyElements(), body);
            ContentExtractor.resolveImages(idx.bodyImages(), idx.bodyNoscripts(), new java.util.ArrayList<>());
            java.util.List<Element> live = idx.liveBodyElements();
            ClassIds liveNames = idx.classIds(live);
            org.junit.jupiter.api.Assertions.assertTrue(liveNames.authorWordsKnown(), "copied for the live elements");
            check(live, liveNames);
        }
        org.junit.jupiter.api.Assertions.assertTrue(named > 1000, "author-named elements checked: " + named);
    }

    private static String name(java.util.Random random) {
        StringBuilder s = new StringBuilder();
        for (int k = 0, n = 1 + random.nextInt(3); k < n; k++) {
            s.append(k == 0 ? "" : random.nextBoolean() ? " " : "-").append(NAME_PARTS[random.nextInt(NAME_PARTS.length)]);
        }
        return s.toString();
    }

    private static int check(java.util.List<Element> elements, ClassIds names) {
        int named = 0;
        for (int i = 0; i < elements.size(); i++) {
            boolean expected = AuthorBoxes.mayNameAuthor(names.className(i)) || AuthorBoxes.mayNameAuthor(names.id(i));
            assertEquals(expected, names.authorNamed(i), elements.get(i).outerHtml());
            named += expected ? 1 : 0;
        }
        return named;
    }
}
