package org.cryptosec.reader.search;

/** Names of the index fields. Bump {@link ArticleIndex#VERSION} when their meaning changes. */
final class SearchFields {

    /** Article id as a term (for update/delete) and stored value. */
    static final String ID = "id";
    /** Article id as numeric doc values, for reconciling with SQLite. */
    static final String ID_VALUES = "id_dv";
    /** Stored only: the title as shown; analysed into title_nl/title_en/title_std. */
    static final String TITLE = "title";
    /** Stored only: the plain text for snippets; analysed into text_nl/text_en/text_std. */
    static final String TEXT = "text";
    /** One value per author name, analysed (folded), stored. */
    static final String AUTHOR = "author";
    /** The feed or site name, analysed (folded), stored. */
    static final String SOURCE = "source";
    /** One value per tag, analysed (folded). */
    static final String TAG = "tag";
    /** Primary language subtag ("nl", "en"), a single lower-case term, stored. */
    static final String LANG = "lang";
    /** Stored only. */
    static final String URL = "url";
    /** Epoch milliseconds: LongPoint + NumericDocValues + stored. */
    static final String PUBLISHED = "published";

    private SearchFields() {
    }
}
