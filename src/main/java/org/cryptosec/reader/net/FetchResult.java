package org.cryptosec.reader.net;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

/**
 * A finished fetch: a 2xx with its (decompressed) body, or a 304 ({@code notModified}, empty body).
 * {@code permanentRedirect} is true when the chain to {@code finalUri} was made only of 301/308.
 */
public record FetchResult(URI requestedUri, URI finalUri, int status, boolean notModified, byte[] body,
                          String contentType, String etag, String lastModified, boolean permanentRedirect,
                          Map<String, List<String>> headers) {

    /** The charset named by Content-Type, or null. */
    public Charset declaredCharset() {
        throw new UnsupportedOperationException("contract: not implemented yet");
    }
}
