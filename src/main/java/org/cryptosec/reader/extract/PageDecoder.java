package org.cryptosec.reader.extract;

/** Decodes page bytes: BOM, then HTTP charset, then meta charset, else UTF-8 (windows-1252 for latin-1). */
public final class PageDecoder {

    private PageDecoder() {
    }

    public static String decode(byte[] body, String contentType) {
        throw new UnsupportedOperationException("contract: not implemented yet");
    }
}
