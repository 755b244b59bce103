package org.cryptosec.reader.net;

/** Validators from an earlier answer, sent as If-None-Match / If-Modified-Since. */
public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);
}
