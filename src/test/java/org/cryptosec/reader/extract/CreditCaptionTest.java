package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreditCaptionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Foto: Torsten Pursche / Shutterstock.com | true",
        "Photo: Jane Doe | true",
        "Beeld: ANP | true",
        "© Reuters | true",
        "Image credit: Unsplash | true",
        "Kim Jong-Un bij een rakettest in 2022. Foto: Reuters | true",
        "The attacker's wallet received 12,000 ETH within an hour of the exploit | false",
        "Een exchange is een handelsplatform zoals Bitvavo | false",
    })
    void aCaptionIsACreditOnlyWhenItOnlyNamesThePhotographerOrAgency(String caption, boolean credit) {
        assertEquals(credit, TextRenderer.isCredit(Jsoup.parse("<figcaption>" + caption + "</figcaption>")
                .selectFirst("figcaption").text()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Foto: Torsten Pursche / Shutterstock.com | false",
        "The bridge's validators met in Lisbon last spring | false",
        "The attacker's wallet received 12,000 ETH within an hour of the exploit, then split the funds over forty fresh"
                + " addresses before the bridge team could react | true",
    })
    void shortCaptionsAndCreditsStayOutOfTheTextButNotOutOfTheHtml(String caption, boolean inText) {
        String html = "<p>The attackers drained the bridge contract after forging validator signatures.</p><figure>"
                + "<img src='https://news.example/a.png'><figcaption>" + caption + "</figcaption></figure>";
        org.jsoup.nodes.Element body = Jsoup.parseBodyFragment(html).body();
        assertEquals(inText, TextRenderer.render(body).contains(caption));
        assertEquals(1, body.getElementsByTag("figcaption").size());
    }
}
