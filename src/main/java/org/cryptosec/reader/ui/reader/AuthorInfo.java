package org.cryptosec.reader.ui.reader;

/**
 * An author as the reader shows them.
 *
 * @param avatarDataUri the stored avatar as a {@code data:image/...} URI, or null
 * @param bio plain text, or null
 * @param articles how many articles by them the library holds, or 0 when unknown
 */
public record AuthorInfo(long id, String name, String bio, String url, String avatarDataUri, int articles) {

    /** Up to two initials for a placeholder avatar. */
    public String initials() {
        if (name == null || name.isBlank()) {
            return "?";
        }
        String[] parts = name.strip().split("\\s+");
        StringBuilder initials = new StringBuilder();
        initials.appendCodePoint(Character.toUpperCase(parts[0].codePointAt(0)));
        if (parts.length > 1) {
            initials.appendCodePoint(Character.toUpperCase(parts[parts.length - 1].codePointAt(0)));
        }
        return initials.toString();
    }

    public boolean hasBio() {
        return bio != null && !bio.isBlank();
    }

    /** The bio's first sentence (at most about 180 characters), for the reader's header. */
    public static String shortBio(String bio) {
        String text = bio == null ? "" : bio.strip().replaceAll("\\s+", " ");
        int end = -1;
        for (int i = 40; i < text.length() - 1 && i < 200; i++) {
            if ((text.charAt(i) == '.' || text.charAt(i) == '!' || text.charAt(i) == '?') && text.charAt(i + 1) == ' ') {
                end = i + 1;
                break;
            }
        }
        if (end > 0) {
            return text.substring(0, end);
        }
        if (text.length() <= 180) {
            return text;
        }
        int cut = text.lastIndexOf(' ', 180);
        return text.substring(0, cut > 80 ? cut : 180) + "\u2026";
    }
}
