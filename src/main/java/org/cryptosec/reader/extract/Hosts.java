package org.cryptosec.reader.extract;

/**
 * The one rule for where a host name's registrable part starts, shared by the author-site key here and the
 * same-site test of the author-page fetch: the last two labels, three under a two-letter country code with a short
 * second level (co.uk, com.au).
 */
public final class Hosts {

    private Hosts() {
    }

    /** How many of a host's lower-cased {@code labels}, counted from the end, make its registrable part (2 or 3). */
    public static int registrableLabels(String[] labels) {
        int n = labels.length;
        return n >= 3 && labels[n - 1].length() == 2 && labels[n - 2].length() <= 3 ? 3 : 2;
    }
}
