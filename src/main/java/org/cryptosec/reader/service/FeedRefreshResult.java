package org.cryptosec.reader.service;

/** How one feed's refresh ended. {@code error} is null unless {@code status} is ERROR. */
public record FeedRefreshResult(long feedId, String url, Status status, int newArticles, String error) {

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
