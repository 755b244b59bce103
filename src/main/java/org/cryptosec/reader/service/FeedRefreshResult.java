package org.cryptosec.reader.service;

import java.util.List;

/**
 * How one feed's refresh ended. {@code error} is null unless {@code status} is ERROR.
 * {@code pageErrors} lists article pages that could not be fetched (the article was then kept
 * with the feed's own content, so nothing is lost).
 */
public record FeedRefreshResult(long feedId, String url, Status status, int newArticles, String error,
                                List<String> pageErrors) {

    public FeedRefreshResult {
        pageErrors = pageErrors == null ? List.of() : List.copyOf(pageErrors);
    }

    public enum Status {
        OK("ok"), NOT_MODIFIED("not-modified"), ERROR("error");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
