package org.cryptosec.reader.net;

/** The only HTTP client of the app: limits, manual redirects, gzip/deflate, conditional GET. Thread-safe. */
public final class HttpFetcher {

    public HttpFetcher(FetchLimits limits) {
        throw new UnsupportedOperationException("contract: not implemented yet");
    }

    public FetchResult fetch(String url, Validators validators) throws FetchException {
        throw new UnsupportedOperationException("contract: not implemented yet");
    }

    public FetchResult fetch(String url) throws FetchException {
        return fetch(url, Validators.NONE);
    }
}
