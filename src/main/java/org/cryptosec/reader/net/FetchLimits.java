package org.cryptosec.reader.net;

import java.time.Duration;

/** Bounds on one fetch. The body limit applies after decompression. */
public record FetchLimits(Duration connectTimeout, Duration requestTimeout, long maxBytes, int maxRedirects,
                          String userAgent) {

    public static FetchLimits defaults() {
        return new FetchLimits(Duration.ofSeconds(10), Duration.ofSeconds(30), 10L * 1024 * 1024, 5,
                "CryptosecReader/0.1 (+https://github.com/cryptosec/reader)");
    }
}
