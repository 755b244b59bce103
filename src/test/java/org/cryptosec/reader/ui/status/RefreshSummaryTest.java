package org.cryptosec.reader.ui.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.cryptosec.reader.service.FeedRefreshResult;
import org.cryptosec.reader.service.RefreshReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefreshSummaryTest {

    @ParameterizedTest(name = "{0} new, {1} ok, {2} failed -> {3}")
    @CsvSource(delimiter = '|', value = {
        "0  | 3 | 0 | No new articles",
        "1  | 1 | 0 | 1 new article",
        "12 | 11 | 1 | 12 new articles; 1 feed failed",
        "0  | 0 | 2 | No new articles; 2 feeds failed",
        "1500 | 4 | 0 | 1,500 new articles",
    })
    void summaryCountsNewArticlesAndFailedFeeds(int added, int ok, int failed, String expected) {
        List<FeedRefreshResult> feeds = new ArrayList<>();
        for (int i = 0; i < ok; i++) {
            feeds.add(new FeedRefreshResult(i, "https://ok/" + i, FeedRefreshResult.Status.OK, 0, null, List.of()));
        }
        for (int i = 0; i < failed; i++) {
            feeds.add(new FeedRefreshResult(100 + i, "https://bad/" + i, FeedRefreshResult.Status.ERROR, 0,
                    "HTTP 500", List.of()));
        }
        assertEquals(expected, RefreshViewModel.summary(new RefreshReport(added, feeds)));
    }
}
