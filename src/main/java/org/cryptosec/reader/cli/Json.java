package org.cryptosec.reader.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cryptosec.reader.model.ArticleSummary;
import org.cryptosec.reader.model.Author;
import org.cryptosec.reader.model.Feed;

/** JSON documents printed with --json: one document per command, field names as documented. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static String write(Object document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    static Map<String, Object> feed(Feed f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("url", f.url());
        m.put("title", f.title());
        m.put("siteUrl", f.siteUrl());
        m.put("category", f.category());
        m.put("lastError", f.lastError());
        m.put("errorCount", f.errorCount());
        m.put("lastFetched", iso(f.lastFetched()));
        m.put("nextFetch", iso(f.nextFetch()));
        m.put("pausedReason", f.pausedReason());
        return m;
    }

    static Map<String, Object> author(Author a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("name", a.name());
        m.put("bio", a.bio());
        m.put("url", a.url());
        m.put("avatar", a.avatarUrl());
        return m;
    }

    static List<Map<String, Object>> articleRefs(List<ArticleSummary> articles) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ArticleSummary s : articles) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("title", s.title());
            m.put("published", iso(s.published()));
            list.add(m);
        }
        return list;
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
