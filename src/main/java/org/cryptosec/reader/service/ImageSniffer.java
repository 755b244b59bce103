package org.cryptosec.reader.service;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Decides from the bytes (not the server's word) whether a download is an image the reader can show. */
final class ImageSniffer {

    private ImageSniffer() {
    }

    /** The image's MIME type, or null when the bytes are not a supported raster image. */
    static String sniff(byte[] b) {
        if (b == null || b.length < 12) {
            return null;
        }
        if ((b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        String head = new String(b, 0, 12, StandardCharsets.ISO_8859_1);
        if (head.startsWith("GIF87a") || head.startsWith("GIF89a")) {
            return "image/gif";
        }
        if (head.startsWith("RIFF") && head.substring(8, 12).equals("WEBP")) {
            return "image/webp";
        }
        if (head.startsWith("BM")) {
            return "image/bmp";
        }
        return null;
    }

    static boolean isImageContentType(String contentType) {
        return contentType == null || contentType.toLowerCase(Locale.ROOT).startsWith("image/")
                || contentType.toLowerCase(Locale.ROOT).startsWith("application/octet-stream");
    }
}
