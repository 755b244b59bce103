package org.cryptosec.reader.extract;

import java.util.List;
import java.util.stream.Collectors;
import org.cryptosec.reader.model.Author;

/** Made-up pages shared by the rule tests: a filler article text, a page builder, and short reads of an extraction. */
final class TestPages {

    /** The first paragraph of {@link #PROSE}, as text. */
    static final String PARAGRAPH_1 = "The attackers drained the bridge contract after forging validator signatures, the team"
            + " said in a post-mortem published the next morning, and moved the funds through a mixer.";
    /** The second paragraph of {@link #PROSE}, as text. */
    static final String PARAGRAPH_2 = "Deposits were paused, a bounty of ten percent was offered and exchanges were asked to"
            + " freeze the tokens while investigators traced the transactions across three chains.";
    /** Two paragraphs of article prose, long enough for the extractor to take the block as the article. */
    static final String PROSE = "<p>" + PARAGRAPH_1 + "</p><p>" + PARAGRAPH_2 + "</p>";

    /** The address the author and title helpers extract from unless told otherwise. */
    static final String BRIDGE_URL = "https://chainwatch.example/2022/bridge";

    private TestPages() {
    }

    /** A page with the given head and, after a navigation bar, the given body. */
    static String page(String head, String body) {
        return "<html><head>" + head + "</head><body><nav><a href='/'>Home</a></nav>" + body + "</body></html>";
    }

    /** The names of the authors extracted from the page at {@link #BRIDGE_URL}. */
    static List<String> authors(ArticleExtractor extractor, String html) {
        return authors(extractor, html, BRIDGE_URL);
    }

    /** The names of the authors extracted from the page at the given address. */
    static List<String> authors(ArticleExtractor extractor, String html, String url) {
        return extractor.extract(html, url).authors().stream().map(Author::name).collect(Collectors.toList());
    }

    /** The publication day extracted from the page at the given address, as ISO text. */
    static String publishedDay(ArticleExtractor extractor, String html, String url) {
        return extractor.extractDetailed(html, url).publishedDay().toString();
    }
}
