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
        assertEquals(credit, TextRenderer.isCreditOnly(Jsoup.parse("<figcaption>" + caption + "</figcaption>")
                .selectFirst("figcaption")));
    }
}
