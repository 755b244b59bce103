package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * The walk's statistics by element ({@link StatsMap}) must hold exactly what a map by identity of the walked
 * elements holds, whatever was done to the page since the walk and in whatever order it is asked; and it must find
 * the elements by their places (not by making that map) where the page kept them: in page order, up to the
 * ancestors, and among children some of which were removed or added.
 */
class StatsMapTest {

    /** The statistics of a walk over {@code root}, as the map and as a map by identity of the walked elements. */
    private record Walked(StatsMap map, IdentityHashMap<Element, ContentExtractor.Stats> byIdentity, List<Element> elements) {
    }

    private static Walked walk(Element root) {
        ContentExtractor.StatsBuilder builder = ContentExtractor.walked(root, 8);
        List<Element> elements = root.getAllElements(); // page order, as walked
        IdentityHashMap<Element, ContentExtractor.Stats> byIdentity = new IdentityHashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            ContentExtractor.Stats s = builder.inOrder().get(i);
            assertEquals(i, s.order);
            byIdentity.put(elements.get(i), s);
        }
        return new Walked(builder.stats(), byIdentity, new ArrayList<>(elements));
    }

    private static void assertSameAnswers(Map<Element, ContentExtractor.Stats> expected, StatsMap map, List<?> keys) {
        for (Object key : keys) {
            assertSame(expected.get(key), map.get(key), () -> "get " + key);
            assertEquals(expected.containsKey(key), map.containsKey(key), () -> "containsKey " + key);
        }
    }

    @Test
    void findsTheWalkedElementsByTheirPlacesInPageOrderBackwardsAndUpward() {
        Random random = new Random(7);
        for (int page = 0; page < 300; page++) {
            Document doc = Jsoup.parse(PageChangesTest.randomPage(random));
            Walked w = walk(doc.body());
            w.map().withoutBudget(); // what the places alone answer (asked backwards, a page may spend its budget)
            List<Element> forward = w.elements();
            assertSameAnswers(w.byIdentity(), w.map(), forward);
            List<Element> backward = new ArrayList<>(forward);
            Collections.reverse(backward);
            assertSameAnswers(w.byIdentity(), w.map(), backward);
            // from each element up to the body, as the subtraction of a removed element's figures asks
            for (int k = 0; k < 20; k++) {
                for (Element e = forward.get(random.nextInt(forward.size())); e != null && e != doc.body(); e = e.parent()) {
                    assertSame(w.byIdentity().get(e), w.map().get(e));
                }
            }
            assertTrue(w.map().placedOnly(), "page " + page + ": an unchanged page is answered from the places");
            assertEquals(0, w.map().searches(), "page " + page + ": none looked for in the whole walk");
        }
    }

    @Test
    void findsAnyWalkedElementAskedInRandomOrderFromItsParent() {
        Random random = new Random(11);
        for (int page = 0; page < 300; page++) {
            Document doc = Jsoup.parse(PageChangesTest.randomPage(random));
            Walked w = walk(doc.body());
            w.map().withoutBudget();
            List<Element> shuffled = new ArrayList<>(w.elements());
            Collections.shuffle(shuffled, random);
            assertSameAnswers(w.byIdentity(), w.map(), shuffled);
            assertTrue(w.map().placedOnly(), "page " + page);
        }
    }

    @Test
    void placesChildrenAfterSiblingsWereRemovedOrAdded() {
        Random random = new Random(13);
        for (int page = 0; page < 300; page++) {
            Document doc = Jsoup.parse(PageChangesTest.randomPage(random));
            Walked w = walk(doc.body());
            w.map().withoutBudget();
            List<Element> walked = w.elements();
            // removals and insertions among children move the others' indexes; no element changes its parent
            for (int k = 0; k < 6 && walked.size() > 2; k++) {
                Element e = walked.get(1 + random.nextInt(walked.size() - 1));
                if (e.parent() == null) {
                    continue;
                }
                switch (random.nextInt(3)) {
                    case 0 -> e.remove();
                    case 1 -> e.before(new Element("span").text("new before"));
                    default -> e.parent().prependElement("p").text("new first");
                }
            }
            List<Element> kept = new ArrayList<>();
            for (Element e : walked) {
                if (e == doc.body() || isAttachedTo(e, doc.body())) {
                    kept.add(e);
                }
            }
            Collections.shuffle(kept, random);
            assertSameAnswers(w.byIdentity(), w.map(), kept);
            assertTrue(w.map().placedOnly(), "page " + page + ": elements that kept their parent are placed");
        }
    }

    @Test
    void answersForMovedRemovedUnwrappedAndNewElementsAsAMapByIdentity() {
        Random random = new Random(17);
        for (int page = 0; page < 400; page++) {
            Document doc = Jsoup.parse(PageChangesTest.randomPage(random));
            Walked w = walk(doc.body());
            List<Element> walked = w.elements();
            List<Object> keys = new ArrayList<>(walked);
            List<Element[]> removed = new ArrayList<>();
            for (int k = 0, n = random.nextInt(12); k < n && walked.size() > 2; k++) {
                Element e = walked.get(1 + random.nextInt(walked.size() - 1));
                Element parent = e.parent();
                if (parent == null) {
                    continue;
                }
                switch (random.nextInt(5)) {
                    case 0 -> {
                        removed.add(new Element[] {e, parent});
                        e.remove();
                    }
                    case 1 -> e.unwrap(); // its children move up to its parent
                    case 2 -> {
                        Element other = walked.get(random.nextInt(walked.size()));
                        if (other != e && other.parent() != null && !isAttachedTo(other, e)) {
                            other.appendChild(e); // moved under another parent
                        }
                    }
                    case 3 -> keys.add(e.appendElement("b").text("made after the walk"));
                    default -> e.wrap("<div class=wrapper></div>");
                }
            }
            keys.add(doc.head());
            keys.add(doc);
            keys.add(new Element("p"));
            keys.add(Jsoup.parse("<p>another page</p>").body());
            keys.add(new TextNode("not an element"));
            keys.add("not a node");
            Collections.shuffle(keys, random);
            StatsMap map = w.map();
            for (Element[] r : removed) {
                assertSame(w.byIdentity().get(r[0]), map.formerChild(r[1], r[0]), "former child");
            }
            assertSameAnswers(w.byIdentity(), map, keys);
        }
    }

    @Test
    void formerChildrenAreFoundAmongTheirParentsChildrenWithoutTheMapByIdentity() {
        Document doc = Jsoup.parse("<div id=a><p>one</p><p>two</p><p>three</p></div><div id=b><p>four</p></div>");
        Walked w = walk(doc.body());
        Element two = doc.select("p").get(1);
        Element four = doc.select("p").get(3);
        Element a = doc.getElementById("a");
        two.remove();
        four.remove();
        assertSame(w.byIdentity().get(two), w.map().formerChild(a, two));
        assertSame(w.byIdentity().get(four), w.map().formerChild(doc.getElementById("b"), four));
        assertEquals(0, w.map().searches(), "found among the former parents' children");
        // a wrong former parent does not find it there: it is looked for in the whole walk
        Element three = doc.select("p").get(1);
        three.remove();
        assertSame(w.byIdentity().get(three), w.map().formerChild(doc.getElementById("b"), three));
        assertTrue(w.map().placedOnly());
    }

    @Test
    void goesDownFromTheNearestAncestorFoundAtOnceNotFromTheTop() {
        // a list longer than the children looked at from a parent: found from below the list, an element is placed
        Document doc = Jsoup.parse("<ul>" + "<li><b><i>item</i></b></li>".repeat(200) + "</ul>");
        Walked w = walk(doc.body());
        Element item = doc.select("li").get(150);
        Element inner = item.selectFirst("i");
        assertSame(w.byIdentity().get(item), w.map().get(item));
        assertEquals(1, w.map().searches(), "the 151st child is looked for in the whole walk");
        assertSame(w.byIdentity().get(inner), w.map().get(inner));
        assertEquals(1, w.map().searches(), "placed from its parent, next to the item found last");
        assertSame(w.byIdentity().get(doc.select("li").get(3)), w.map().get(doc.select("li").get(3)));
        assertEquals(1, w.map().searches(), "an early child is placed from the list");
    }

    @Test
    void elementsItCannotPlaceAreLookedForWithinTheBudgetThenTheMapByIdentityAnswers() {
        Document doc = Jsoup.parse("<div id=a>" + "<p>text</p>".repeat(40) + "</div><div id=b></div>");
        Walked w = walk(doc.body());
        List<Element> paragraphs = doc.select("p");
        Element b = doc.getElementById("b");
        for (Element p : paragraphs) {
            b.appendChild(p); // moved under another parent: not among b's children in the walk
        }
        List<Object> keys = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int i = paragraphs.size() - 1; i >= 0; i -= 2) {
                keys.add(paragraphs.get(i)); // backwards and apart: never next to the one found last
                keys.add(new Element("p")); // never walked: looked for, and found not there
            }
        }
        int lookedFor = 0;
        for (int k = 0; k < keys.size(); k++) {
            Object key = keys.get(k);
            assertSame(w.byIdentity().get(key), w.map().get(key), "key " + k);
            assertTrue(w.map().work() <= w.map().budget(), "within the budget");
            if (w.map().placedOnly()) {
                lookedFor = w.map().searches();
            }
        }
        // the budget is 32 comparisons a walked element: 32 looks through the 43 elements, less the climbs
        assertTrue(lookedFor >= 26 && lookedFor <= 32, "looked through the walk " + lookedFor + " times");
        assertFalse(w.map().placedOnly(), "then the map by identity");
        assertSameAnswers(w.byIdentity(), w.map(), keys);
    }

    @Test
    void noShapeOfPageCostsMoreThanItsBudget() {
        // two branches 200 levels deep, each level with 62 elements before the next: asked alternately, each element
        // needs the whole climb and the children passed at every level
        Element root = new Element("div");
        Element[] tips = new Element[2];
        for (int branch = 0; branch < 2; branch++) {
            Element at = root.appendElement("div");
            for (int level = 0; level < 200; level++) {
                for (int k = 0; k < 62; k++) {
                    at.appendElement("div").addClass("sidebar").appendElement("p").text("side");
                }
                at = at.appendElement("div");
            }
            tips[branch] = at;
        }
        Walked w = walk(root);
        for (int k = 0; k < 400; k++) {
            Element tip = tips[k % 2];
            assertSame(w.byIdentity().get(tip), w.map().get(tip));
            assertTrue(w.map().work() <= w.map().budget() + 256 * 64 + 256, "work " + w.map().work());
        }
        assertFalse(w.map().placedOnly(), "past the budget, the map by identity");
    }

    @Test
    void theQuickWaysAreTakenWhereThePageAllowsThem() {
        Document doc = Jsoup.parse("<div id=a><p>one <b>bold</b></p><p>two</p><p>three <i>x</i></p></div>"
                + "<section><p>four</p></section><footer><p>five</p></footer>");
        Walked w = walk(doc.body());
        StatsMap map = w.map();
        // the body, then its children, each the first element after the part of the one before
        assertSame(w.byIdentity().get(doc.body()), map.get(doc.body()));
        for (Element child : doc.body().children()) {
            assertSame(w.byIdentity().get(child), map.get(child));
        }
        assertEquals(0, map.work(), "the body's children, part after part");
        // in page order, then up from the last to the body
        Walked again = walk(doc.body());
        for (Element e : again.elements()) {
            assertSame(again.byIdentity().get(e), again.map().get(e));
        }
        for (Element e = again.elements().get(again.elements().size() - 1); e != doc.body().parent(); e = e.parent()) {
            assertSame(again.byIdentity().get(e), again.map().get(e));
        }
        assertEquals(0, again.map().work(), "next in page order, then parent after parent");
        // a former child found among its former parent's children; the next one then at once
        Walked third = walk(doc.body());
        Element a = doc.getElementById("a");
        assertSame(third.byIdentity().get(a), third.map().get(a));
        Element two = a.child(1);
        Element three = a.child(2);
        two.remove();
        assertSame(third.byIdentity().get(two), third.map().formerChild(a, two));
        long work = third.map().work();
        assertSame(third.byIdentity().get(three), third.map().get(three));
        assertEquals(work, third.map().work(), "after a former child, the next element after its part");
        // found from an ancestor, then the next in page order at once
        Walked fourth = walk(doc.body());
        Element bold = doc.selectFirst("b");
        assertSame(fourth.byIdentity().get(bold), fourth.map().get(bold));
        work = fourth.map().work();
        assertTrue(work > 0);
        Element afterBold = fourth.elements().get(fourth.elements().indexOf(bold) + 1);
        assertSame(fourth.byIdentity().get(afterBold), fourth.map().get(afterBold));
        assertEquals(work, fourth.map().work(), "after one found from its ancestors, the next at once");
        assertEquals(0, fourth.map().searches());
    }

    @Test
    void theChildrenPassedAndTheAncestorsClimbedAreBounded() {
        Document wide = Jsoup.parse("<div>" + "<p>x</p>".repeat(65) + "</div>");
        Walked w = walk(wide.body());
        List<Element> ps = wide.select("p");
        assertSame(w.byIdentity().get(ps.get(63)), w.map().get(ps.get(63)));
        assertEquals(0, w.map().searches(), "the 64th child is found among the children passed");
        Walked w2 = walk(wide.body());
        assertSame(w2.byIdentity().get(ps.get(64)), w2.map().get(ps.get(64)));
        assertEquals(1, w2.map().searches(), "the 65th is looked for in the whole walk");
        Element root = new Element("div");
        Element at = root;
        for (int level = 0; level < 300; level++) {
            at = at.appendElement("div");
        }
        Walked deep = walk(root);
        assertSame(deep.byIdentity().get(at), deep.map().get(at));
        assertEquals(1, deep.map().searches(), "300 levels up is more than the climb goes: looked for instead");
    }

    @Test
    void elementsMadeAfterTheWalkAreKeptOnceTheMapByIdentityAnswers() {
        Document doc = Jsoup.parse("<div><p>one</p><p>two</p></div>");
        Walked w = walk(doc.body());
        IdentityHashMap<Element, ContentExtractor.Stats> expected = new IdentityHashMap<>(w.byIdentity());
        Element some = doc.selectFirst("p");
        ContentExtractor.Stats replacement = new ContentExtractor.Stats();
        w.map().put(some, replacement);
        expected.put(some, replacement);
        assertFalse(w.map().placedOnly());
        Element lead = doc.body().prependElement("p").text("made after the walk");
        Map<Element, ContentExtractor.Stats> leadStats = ContentExtractor.stats(lead);
        w.map().putMade(leadStats);
        expected.putAll(leadStats);
        assertSame(expected.get(lead), w.map().get(lead));
        assertSame(replacement, w.map().get(some));
        assertEquals(expected.size(), w.map().size());
    }

    @Test
    void changesAndElementsMadeAfterTheWalkAreKept() {
        Random random = new Random(19);
        for (int page = 0; page < 200; page++) {
            Document doc = Jsoup.parse(PageChangesTest.randomPage(random));
            Walked w = walk(doc.body());
            IdentityHashMap<Element, ContentExtractor.Stats> expected = new IdentityHashMap<>(w.byIdentity());
            StatsMap map = w.map();
            Element lead = doc.body().prependElement("p").text("A lead paragraph made after the walk.");
            Map<Element, ContentExtractor.Stats> leadStats = ContentExtractor.stats(lead);
            map.putMade(leadStats);
            expected.putAll(leadStats);
            assertSame(expected.get(lead), map.get(lead));
            assertTrue(map.placedOnly(), "made elements are kept aside");
            List<Object> keys = new ArrayList<>(w.elements());
            keys.add(lead);
            Collections.shuffle(keys, random);
            assertSameAnswers(expected, map, keys);
            if (random.nextBoolean()) {
                Element some = w.elements().get(random.nextInt(w.elements().size()));
                ContentExtractor.Stats replacement = new ContentExtractor.Stats();
                assertSame(expected.put(some, replacement), map.put(some, replacement));
                assertSame(expected.remove(lead), map.remove(lead));
            }
            assertSameAnswers(expected, map, keys);
            assertEquals(expected.size(), map.size());
            assertEquals(expected.keySet(), map.keySet());
        }
    }

    @Test
    void aTreeNestedDeeperThanTheAncestorsItGoesUpThroughIsAnsweredExactly() {
        Element root = new Element("div");
        Element at = root;
        for (int level = 0; level < 1500; level++) {
            at.appendElement("span").text("beside " + level);
            at = at.appendElement("div");
        }
        Walked w = walk(root);
        List<Element> shuffled = new ArrayList<>(w.elements());
        Collections.shuffle(shuffled, new Random(29));
        assertSameAnswers(w.byIdentity(), w.map(), shuffled);
    }

    @Test
    void aMapOfASingleElement() {
        Element alone = new Element("p");
        Walked w = walk(alone);
        assertSame(w.byIdentity().get(alone), w.map().get(alone));
        assertNull(w.map().get(new Element("p")));
        assertEquals(1, w.map().size());
    }

    private static boolean isAttachedTo(Element e, Element ancestor) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }
}
