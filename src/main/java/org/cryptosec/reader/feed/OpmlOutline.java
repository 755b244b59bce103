package org.cryptosec.reader.feed;

/** One subscription in an OPML file; {@code category} is the enclosing folder's title, or null. */
public record OpmlOutline(String title, String xmlUrl, String htmlUrl, String category) {
}
