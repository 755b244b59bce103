package org.cryptosec.reader.feed;

import java.util.List;

/** OPML 1.0/2.0 import and export. */
public final class Opml {

    private Opml() {
    }

    public static List<OpmlOutline> read(byte[] xml) throws FeedParseException {
        throw new UnsupportedOperationException("contract: not implemented yet");
    }

    public static String write(String title, List<OpmlOutline> outlines) {
        throw new UnsupportedOperationException("contract: not implemented yet");
    }
}
