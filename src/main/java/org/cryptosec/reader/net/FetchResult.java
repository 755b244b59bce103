package org.cryptosec.reader.net;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
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
        return charsetOf(contentType);
    }

    /** The charset named by a Content-Type value ({@code text/html; charset="utf-8"}), or null if absent or unknown. */
    public static Charset charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String param : contentType.split(";")) {
            int eq = param.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = param.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (!name.equals("charset")) {
                continue;
            }
            String value = param.substring(eq + 1).trim();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1).trim();
            }
            if (value.isEmpty()) {
                return null;
            }
            try {
                return Charset.forName(value);
            } catch (IllegalArgumentException unknownOrIllegal) {
                return null;
            }
        }
        return null;
    }

    /** The media type of Content-Type, lower case and without parameters ({@code application/rss+xml}), or null. */
    public String mediaType() {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        String type = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        return type.isEmpty() ? null : type;
    }

    /** How long this answer may be reused (Cache-Control max-age or Expires), or null when the server did not say. */
    public java.time.Duration freshness(java.time.Instant now) {
        return HttpDates.freshness(headers, now);
    }
}
