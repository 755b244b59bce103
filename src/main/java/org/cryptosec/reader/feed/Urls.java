package org.cryptosec.reader.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Lenient URL resolution for links found in feeds and pages. */
final class Urls {

    private Urls() {
    }

    /** The URI to resolve against, or null when {@code url} is not a usable absolute URL. */
    static URI base(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri = parse(url.strip());
        if (uri == null || !uri.isAbsolute() || uri.isOpaque()) {
            return null;
        }
        if (uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
            // URI.resolve mishandles bases without a path ("http://host" + "a" gives "http://hosta")
            try {
                uri = new URI(uri.getScheme(), uri.getRawAuthority(), "/", null, null);
            } catch (URISyntaxException e) {
                return null;
            }
        }
        return uri;
    }

    /**
     * {@code ref} made absolute against {@code base}; null when blank, unparseable, relative without a base,
     * or not http(s) (javascript:, data:, mailto: links are no article URLs).
     */
    static String resolve(URI base, String ref) {
        if (ref == null) {
            return null;
        }
        String r = ref.strip();
        if (r.isEmpty()) {
            return null;
        }
        URI uri = parse(r);
        if (uri == null) {
            return null;
        }
        if (!uri.isAbsolute()) {
            if (base == null) {
                return null;
            }
            try {
                uri = base.resolve(uri);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        if (uri.getHost() == null) {
            return null;
        }
        String s = uri.toString();
        if (uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
            s = scheme + "://" + uri.getRawAuthority() + "/" + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "")
                    + (uri.getRawFragment() != null ? "#" + uri.getRawFragment() : "");
        }
        return s;
    }

    private static URI parse(String s) {
        try {
            return new URI(s);
        } catch (URISyntaxException first) {
            // feeds carry spaces, pipes, brackets and non-ASCII in URLs: percent-encode what URI refuses
            StringBuilder out = new StringBuilder(s.length() + 16);
            for (char c : s.toCharArray()) {
                if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{'
                        || c == '|' || c == '}' || c > 126) {
                    for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                        out.append('%').append(String.format("%02X", b & 0xff));
                    }
                } else {
                    out.append(c);
                }
            }
            try {
                return new URI(out.toString());
            } catch (URISyntaxException second) {
                return null;
            }
        }
    }
}
