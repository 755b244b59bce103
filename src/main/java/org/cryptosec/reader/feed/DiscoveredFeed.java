package org.cryptosec.reader.feed;

/** The feed found for a URL the user gave, already fetched and parsed once. */
public record DiscoveredFeed(String feedUrl, String title, String siteUrl, ParsedFeed feed) {
}
