package org.cryptosec.reader.search;

import org.apache.lucene.document.FieldType;
import org.cryptosec.reader.model.FacetDimension;
import org.apache.lucene.index.IndexOptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.Author;

/** Article → Lucene document, and the stored fields back. */
final class ArticleDocuments {

    /**
     * Analysed title/text fields keep offsets in their postings, so snippets are highlighted from the
     * index instead of analysing every hit's text again (index {@link ArticleIndex#VERSION} 2).
     */
    static final FieldType WITH_OFFSETS;

    static {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        WITH_OFFSETS = type;
    }

    /** Facet values longer than this are cut (doc values terms have a hard limit of 32 KB). */
    static final int MAX_FACET_CHARS = 200;

    private ArticleDocuments() {
    }

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern CONTROLS = java.util.regex.Pattern.compile("\\p{Cntrl}");

    /**
     * The facet value as shown: control characters dropped, trimmed, white space collapsed, at most
     * {@value #MAX_FACET_CHARS} chars.
     */
    static String facetValue(String raw) {
        if (raw == null) {
            return "";
        }
        String v = SPACES.matcher(CONTROLS.matcher(raw).replaceAll(" ").strip()).replaceAll(" ");
        return v.length() > MAX_FACET_CHARS ? v.substring(0, MAX_FACET_CHARS) : v;
    }

    /**
     * The facet value as counted and filtered: {@link #facetValue} in lower case, so "DeFi", "defi" and
     * " DEFI " are one value.
     */
    static String facetKey(String raw) {
        return facetValue(raw).toLowerCase(java.util.Locale.ROOT);
    }

    /** Separates the key from the spelling in a facet doc value ({@link #facetValue} holds no control character). */
    static final char KEY_END = '\u0000';

    /** "2022-03" of an epoch-millisecond instant, in UTC. */
    static String month(long epochMillis) {
        java.time.LocalDate d = java.time.Instant.ofEpochMilli(epochMillis).atZone(java.time.ZoneOffset.UTC).toLocalDate();
        return String.format(java.util.Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue());
    }

    /**
     * A facet value: its key as a term (filters) and "key\0spelling" as a sorted-set doc value (counts
     * per key, shown in the most common spelling). One per key and article.
     */
    private static void addFacet(Document doc, FacetDimension dimension, String raw, java.util.Set<String> seen) {
        String v = facetValue(raw);
        String key = v.toLowerCase(java.util.Locale.ROOT);
        if (!v.isEmpty() && seen.add(dimension.key() + KEY_END + key)) {
            doc.add(new StringField(FacetCounts.keyField(dimension), key, Field.Store.NO));
            doc.add(new org.apache.lucene.document.SortedSetDocValuesField(FacetCounts.field(dimension),
                    new org.apache.lucene.util.BytesRef(key + KEY_END + v)));
        }
    }

    static Term idTerm(long articleId) {
        return new Term(SearchFields.ID, Long.toString(articleId));
    }

    static Document toDocument(Article article) {
        Objects.requireNonNull(article, "article");
        if (article.id() <= 0) {
            throw new IllegalArgumentException("article must be stored before indexing (id " + article.id() + ")");
        }
        Document doc = new Document();
        doc.add(new StringField(SearchFields.ID, Long.toString(article.id()), Field.Store.YES));
        doc.add(new NumericDocValuesField(SearchFields.ID_VALUES, article.id()));

        String title = nullToEmpty(article.title());
        String text = nullToEmpty(article.text());
        doc.add(new StoredField(SearchFields.TITLE, title));
        doc.add(new StoredField(SearchFields.TEXT, text));
        for (IndexLanguage lang : IndexLanguage.chainsFor(article.lang())) {
            doc.add(new Field(lang.titleField(), title, WITH_OFFSETS));
            doc.add(new Field(lang.textField(), text, WITH_OFFSETS));
        }
        for (Author author : article.authors()) {
            if (author != null && author.name() != null && !author.name().isBlank()) {
                doc.add(new TextField(SearchFields.AUTHOR, author.name().strip(), Field.Store.YES));
            }
        }
        if (article.source() != null && !article.source().isBlank()) {
            doc.add(new TextField(SearchFields.SOURCE, article.source().strip(), Field.Store.YES));
        }
        for (String tag : article.tags()) {
            if (tag != null && !tag.isBlank()) {
                doc.add(new TextField(SearchFields.TAG, tag.strip(), Field.Store.NO));
            }
        }
        String lang = IndexLanguage.normalizeTag(article.lang());
        if (!lang.isEmpty()) {
            doc.add(new StringField(SearchFields.LANG, lang, Field.Store.YES));
        }
        if (article.url() != null) {
            doc.add(new StoredField(SearchFields.URL, article.url()));
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        addFacet(doc, FacetDimension.SOURCE, article.source(), seen);
        for (Author author : article.authors()) {
            addFacet(doc, FacetDimension.AUTHOR, author == null ? null : author.name(), seen);
        }
        for (String tag : article.tags()) {
            addFacet(doc, FacetDimension.TAG, tag, seen);
        }
        addFacet(doc, FacetDimension.LANGUAGE, lang, seen);
        if (article.published() != null) {
            long millis = article.published().toEpochMilli();
            addFacet(doc, FacetDimension.MONTH, month(millis), seen);
            doc.add(new LongPoint(SearchFields.PUBLISHED, millis));
            doc.add(new NumericDocValuesField(SearchFields.PUBLISHED, millis));
            doc.add(new StoredField(SearchFields.PUBLISHED, millis));
        }
        return doc;
    }

    static long id(Document stored) {
        return Long.parseLong(stored.get(SearchFields.ID));
    }

    static List<String> authors(Document stored) {
        List<String> names = new ArrayList<>();
        for (IndexableField f : stored.getFields(SearchFields.AUTHOR)) {
            names.add(f.stringValue());
        }
        return names;
    }

    static Instant published(Document stored) {
        IndexableField f = stored.getField(SearchFields.PUBLISHED);
        Number n = f == null ? null : f.numericValue();
        return n == null ? null : Instant.ofEpochMilli(n.longValue());
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
