package org.cryptosec.reader.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Author strings from feeds into separate names: "A, B and C", "A en B", "mail@x (Name)", "By Name". */
final class AuthorNames {

    private static final Pattern EMAIL_THEN_NAME = Pattern.compile("^\\S+@\\S+\\s*\\((.+)\\)$");
    private static final Pattern NAME_THEN_EMAIL = Pattern.compile("^(.+?)\\s*[(<]\\s*\\S+@\\S+\\s*[)>]$");
    private static final Pattern BY_PREFIX = Pattern.compile("^(?i)(by|door|von|par|por)\\s+");
    private static final Pattern CONJUNCTION = Pattern.compile(
            "\\s+(?:and|en|und|et|&amp;|&)\\s+|\\s*[;|]\\s*|\\s*\\n\\s*", Pattern.CASE_INSENSITIVE);

    private AuthorNames() {
    }

    /** Adds the names in {@code raw} to {@code into} (kept in order, without case-insensitive duplicates). */
    static void addNames(String raw, Map<String, String> into) {
        if (raw == null) {
            return;
        }
        String s = Html.toText(raw);
        if (s == null || s.isBlank()) {
            return;
        }
        Matcher m = EMAIL_THEN_NAME.matcher(s);
        if (m.matches()) {
            s = m.group(1);
        } else {
            m = NAME_THEN_EMAIL.matcher(s);
            if (m.matches()) {
                s = m.group(1);
            }
        }
        s = BY_PREFIX.matcher(s.strip()).replaceFirst("");
        String[] byConjunction = CONJUNCTION.split(s);
        boolean list = byConjunction.length > 1;
        List<String> parts = new ArrayList<>();
        for (String part : byConjunction) {
            String[] byComma = part.split("\\s*,\\s*");
            // "Doe, John" is one person; "Jane Roe, John Doe" or "A, B and C" are several
            boolean splitCommas = byComma.length > 1 && (list || allMultiWord(byComma));
            if (byComma.length >= 4 && byComma.length % 2 == 0 && initialsAtOddPositions(byComma)) {
                // "Kaur, M., Shukla, A." (academic style): pairs of surname and initials
                for (int i = 0; i < byComma.length; i += 2) {
                    parts.add(byComma[i].strip() + ", " + byComma[i + 1].strip());
                }
            } else if (splitCommas) {
                parts.addAll(List.of(byComma));
            } else {
                parts.add(part);
            }
        }
        for (String part : parts) {
            String name = BY_PREFIX.matcher(part.strip()).replaceFirst("").strip();
            if (name.isEmpty() || name.equalsIgnoreCase("et al.") || name.equalsIgnoreCase("et al")) {
                continue;
            }
            into.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
        }
    }

    static List<String> split(String raw) {
        Map<String, String> names = new LinkedHashMap<>();
        addNames(raw, names);
        return List.copyOf(names.values());
    }

    private static final Pattern INITIALS = Pattern.compile("^(\\p{Lu}\\.?[\\s-]*){1,4}$");

    private static boolean initialsAtOddPositions(String[] parts) {
        for (int i = 0; i < parts.length; i++) {
            boolean initials = INITIALS.matcher(parts[i].strip()).matches();
            if (initials != (i % 2 == 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allMultiWord(String[] parts) {
        for (String p : parts) {
            if (p.isBlank() || !p.strip().contains(" ")) {
                return false;
            }
        }
        return true;
    }
}
