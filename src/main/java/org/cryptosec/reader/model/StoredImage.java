package org.cryptosec.reader.model;

/** Image bytes kept in the library so an article renders offline. */
public record StoredImage(String url, String contentType, byte[] bytes) {
}
