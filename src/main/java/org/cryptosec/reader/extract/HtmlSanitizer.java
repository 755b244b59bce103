package org.cryptosec.reader.extract;

/** Strict allowlist sanitizer: what it returns is safe to render. Idempotent. Thread-safe. */
public final class HtmlSanitizer {

    public String sanitize(String html, String baseUrl) {
        throw new UnsupportedOperationException("contract: not implemented yet");
    }
}
