package org.cryptosec.reader.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Expect interpreter evaluates exactly its subset and refuses the rest instead of guessing. */
class FeedparserExpectTest {

    private static final ParsedFeed FEED = new ParsedFeed("rss_2.0", "Feed title", "http://example.com/", null, null,
            List.of(new ParsedItem("abc", "http://example.com/1", "It's \"quoted\"\n", List.of("Jane Doe", "Bo"),
                    Instant.parse("2003-12-31T10:14:55Z"), null, null, List.of(), null)));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "not bozo and feed['title'] == u'Feed title'                                    | PASS",
        "feed['title_detail']['value'] == 'Feed' + ' title'                              | PASS",
        "not bozo and feed['title'] == 'Other'                                          | FAIL",
        "not bozo and feed['link'] == 'http://example.com/'                             | PASS",
        "entries[0]['title'] == 'It\\'s \"quoted\"\\n'                                  | PASS",
        "entries[0]['id'] == 'abc' and entries[0]['link'] == 'http://example.com/1'     | PASS",
        "(entries[0]['authors'][0]['name'] == 'Jane Doe') and (entries[0]['authors'][1]['name'] == 'Bo') | PASS",
        "entries[0]['author_detail']['name'] == 'Jane Doe'                              | PASS",
        "entries[0]['updated_parsed'] == (2003, 12, 31, 10, 14, 55, 2, 365, 0)         | PASS",
        "entries[0]['published_parsed'] == (2004, 1, 1, 0, 0, 0, 3, 1, 0)             | FAIL",
        "entries[1]['title'] == 'missing'                                               | FAIL",
        "feed['title'] == '<b>Feed</b> title'                                           | PASS",
        "entries[0]['id'] == entries[0]['id'] == 'abc'                                  | PASS",
        "not bozo and entries[0]['summary'] == 'x'                                      | UNSUPPORTED",
        "len(entries) == 1                                                              | UNSUPPORTED",
        "not bozo and feed['title'] != 'x'                                              | UNSUPPORTED",
        "not bozo                                                                       | UNSUPPORTED",
        "feed['title'] == __import__('os').system('x')                                  | UNSUPPORTED",
    })
    void evaluatesItsSubsetAndRefusesTheRest(String expression, FeedparserExpect.Outcome expected) {
        assertEquals(expected, FeedparserExpect.evaluate(expression, FEED));
    }
}
