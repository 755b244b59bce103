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
}
