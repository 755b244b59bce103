package org.cryptosec.reader.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpdateHintsTest {

    @ParameterizedTest(name = "{0} -> {1} min")
    @CsvSource(delimiter = '|', value = {
        "<ttl>60</ttl>                                                                       | 60",
        "<ttl> 15 </ttl>                                                                     | 15",
        "<ttl>0</ttl>                                                                        | ",
        "<ttl>soon</ttl>                                                                     | ",
        "<ttl>99999999</ttl>                                                                 | 43200",
        "<sy:updatePeriod>hourly</sy:updatePeriod>                                           | 60",
        "<sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency>   | 360",
        "<syn:updatePeriod> weekly </syn:updatePeriod>                                       | 10080",
        "<sy:updatePeriod>fortnightly</sy:updatePeriod>                                      | ",
        "<ttl>30</ttl><sy:updatePeriod>daily</sy:updatePeriod>                               | 30",
        "                                                                                    | ",
    })
    void theChannelAnnouncesHowOftenItChanges(String channelExtra, Long minutes) throws Exception {
        String xml = "<rss version=\"2.0\" xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\""
                + " xmlns:syn=\"http://purl.org/rss/1.0/modules/syndication/\"><channel><title>T</title>"
                + "<link>http://x/</link><description>d</description>" + (channelExtra == null ? "" : channelExtra)
                + "<item><title>i</title><ttl>5</ttl></item></channel></rss>";
        ParsedFeed feed = new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml", "http://x/f");
        assertEquals(minutes == null ? null : Duration.ofMinutes(minutes), feed.updateInterval());
    }
}
