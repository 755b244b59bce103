package org.cryptosec.reader.extract;

import java.util.function.Function;

/**
 * Prepares stored, sanitized HTML for the reader: every img src becomes the data: URI the function gives
 * for its URL (images the library lacks are removed), srcset and anything else that could load is dropped.
 */
public final class OfflineHtml {

    private OfflineHtml() {
    }

    public static String render(String sanitizedHtml, Function<String, String> dataUriForUrl) {
        throw new UnsupportedOperationException("contract: not implemented yet");
    }
}
