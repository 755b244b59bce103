package org.cryptosec.reader.service;

/** An image an article uses, and whether its bytes are in the library. */
public record ImageRef(String url, boolean stored) {
}
