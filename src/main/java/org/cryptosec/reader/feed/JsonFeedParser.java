package org.cryptosec.reader.feed;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) into our model. */
final class JsonFeedParser {

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();

    ParsedFeed parse(String text, String feedUrl) throws FeedParseException {
        JsonNode root;
        try (JsonParser parser = mapper.createParser(text)) {
            root = mapper.readTree(parser);
            if (parser.nextToken() != null) {
                throw new FeedParseException("not valid JSON: unexpected content after the JSON Feed object", null);
            }
        } catch (JacksonException e) {
            String msg = e.getOriginalMessage();
            String where = e.getLocation() != null && e.getLocation().getLineNr() > 0
                    ? " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")" : "";
            String lower = String.valueOf(msg).toLowerCase(Locale.ROOT);
            if (lower.contains("end-of-input") || lower.contains("unexpected end")) {
                throw new FeedParseException("the JSON Feed is truncated: the JSON ends before the document is complete"
                        + where, e);
            }
            throw new FeedParseException("not valid JSON: " + msg + where, e);
        } catch (java.io.IOException e) {
            throw new FeedParseException("not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new FeedParseException("empty response: the JSON document is empty", null);
        }
        if (!root.isObject()) {
            throw new FeedParseException("not a feed: the JSON document is not a JSON Feed object", null);
        }
        if (root.path("rss").path("channel").isObject()) {
            return rssInJson(root.path("rss").path("channel"), feedUrl);
        }
        String version = text(root, "version");
        String format;
        if (version != null && version.startsWith("https://jsonfeed.org/version/1.1")) {
            format = "json_1.1";
        } else if (version != null && (version.startsWith("https://jsonfeed.org/version/1")
                || version.startsWith("http://jsonfeed.org/version/1"))) {
            format = version.startsWith("http://jsonfeed.org/version/1.1") ? "json_1.1" : "json_1.0";
        } else if (root.path("items").isArray()) {
            format = "json_1.0";
        } else {
            throw new FeedParseException("not a feed: the JSON document is not a JSON Feed (no jsonfeed.org version"
                    + " and no items)", null);
        }

        URI base = Urls.base(feedUrl);
        String siteUrl = Urls.resolve(base, text(root, "home_page_url"));
        List<String> feedAuthors = authors(root);
        List<ParsedItem> items = new ArrayList<>();
        Set<String> guids = new LinkedHashSet<>();
        for (JsonNode item : root.path("items")) {
            if (!item.isObject()) {
                continue;
            }
            ParsedItem parsed = item(item, base, feedAuthors);
            if (!guids.add(parsed.guid())) {
                parsed = new ParsedItem(parsed.guid() + "#" + FeedParser.hash(parsed.title(), parsed.url(),
                        parsed.contentHtml()), parsed.url(), parsed.title(), parsed.authors(), parsed.published(),
                        parsed.summaryHtml(), parsed.contentHtml(), parsed.categories(), parsed.imageUrl());
            }
            items.add(parsed);
        }
        return new ParsedFeed(format, FeedParser.blankToNull(Html.toText(text(root, "title"))), siteUrl,
                FeedParser.blankToNull(Html.toText(text(root, "description"))), text(root, "language"), items);
    }

    private ParsedItem item(JsonNode item, URI base, List<String> feedAuthors) {
        String url = Urls.resolve(base, text(item, "url"));
        if (url == null) {
            url = Urls.resolve(base, text(item, "external_url"));
        }
        URI itemBase = url != null ? Urls.base(url) : base;
        String title = FeedParser.blankToNull(Html.toText(text(item, "title")));
        Instant published = date(text(item, "date_published"));
        if (published == null) {
            published = date(text(item, "date_modified"));
        }
        String summary = text(item, "summary");
        String summaryHtml = summary == null ? null : Html.textToHtml(summary);
        String content = text(item, "content_html");
        if (content == null && text(item, "content_text") != null) {
            content = Html.textToHtml(text(item, "content_text"));
        }
        List<String> authors = authors(item);
        if (authors.isEmpty()) {
            authors = feedAuthors;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode tag : item.path("tags")) {
            String t = tag.isValueNode() ? FeedParser.blankToNull(tag.asText().strip()) : null;
            if (t != null) {
                tags.putIfAbsent(t.toLowerCase(Locale.ROOT), t);
            }
        }
        String image = Urls.resolve(itemBase, text(item, "image"));
        if (image == null) {
            image = Urls.resolve(itemBase, text(item, "banner_image"));
        }
        if (image == null) {
            for (JsonNode attachment : item.path("attachments")) {
                String type = text(attachment, "mime_type");
                if (type != null && type.toLowerCase(Locale.ROOT).startsWith("image/")) {
                    image = Urls.resolve(itemBase, text(attachment, "url"));
                    if (image != null) {
                        break;
                    }
                }
            }
        }
        String guid = text(item, "id");
        if (guid == null) {
            guid = url;
        }
        if (guid == null) {
            guid = "sha256:" + FeedParser.hash(title, String.valueOf(published), String.valueOf(content));
        }
        return new ParsedItem(guid, url, title, authors, published, summaryHtml, content,
                new ArrayList<>(tags.values()), image);
    }

    /** Dave Winer's RSS-in-JSON (rss.channel.item[] with RSS 2.0 element names). */
    private ParsedFeed rssInJson(JsonNode channel, String feedUrl) {
        URI base = Urls.base(feedUrl);
        List<ParsedItem> items = new ArrayList<>();
        Set<String> guids = new LinkedHashSet<>();
        JsonNode list = channel.path("item");
        for (JsonNode item : list.isArray() ? list : List.of(list)) {
            if (!item.isObject()) {
                continue;
            }
            String url = Urls.resolve(base, text(item, "link"));
            String title = FeedParser.blankToNull(Html.toText(text(item, "title")));
            String description = text(item, "description");
            Instant published = date(text(item, "pubDate"));
            JsonNode guidNode = item.path("guid");
            String guid = guidNode.isObject() ? text(guidNode, "value") : text(item, "guid");
            if (guid == null) {
                guid = url != null ? url : "sha256:" + FeedParser.hash(title, String.valueOf(published), description);
            }
            if (!guids.add(guid)) {
                guid = guid + "#" + FeedParser.hash(title, description);
            }
            Map<String, String> categories = new LinkedHashMap<>();
            JsonNode cats = item.path("category");
            for (JsonNode c : cats.isArray() ? cats : List.of(cats)) {
                String name = c.isValueNode() ? FeedParser.blankToNull(c.asText().strip()) : text(c, "value");
                if (name != null) {
                    categories.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
                }
            }
            Map<String, String> authors = new LinkedHashMap<>();
            AuthorNames.addNames(text(item, "author"), authors);
            items.add(new ParsedItem(guid, url, title, new ArrayList<>(authors.values()), published, description,
                    null, new ArrayList<>(categories.values()), null));
        }
        return new ParsedFeed("rss_json", FeedParser.blankToNull(Html.toText(text(channel, "title"))),
                Urls.resolve(base, text(channel, "link")), FeedParser.blankToNull(Html.toText(text(channel, "description"))),
                text(channel, "language"), items);
    }

    /** "authors" (1.1) or "author" (1.0), names split like RSS author strings. */
    private static List<String> authors(JsonNode node) {
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode a : node.path("authors")) {
            AuthorNames.addNames(a.isTextual() ? a.asText() : text(a, "name"), names);
        }
        JsonNode single = node.path("author");
        if (names.isEmpty() && !single.isMissingNode()) {
            AuthorNames.addNames(single.isTextual() ? single.asText() : text(single, "name"), names);
        }
        return new ArrayList<>(names.values());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String s = value.asText();
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Instant date(String s) {
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            // fall through
        }
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            // fall through
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
