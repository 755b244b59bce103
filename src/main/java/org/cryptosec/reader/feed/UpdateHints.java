package org.cryptosec.reader.feed;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The update hints of a feed's channel: RSS {@code <ttl>} (minutes) and the syndication module's
 * {@code sy:updatePeriod} (hourly, daily, weekly, monthly, yearly) with {@code sy:updateFrequency}
 * (times per period). Read from the channel head (before the first item), any namespace prefix.
 */
final class UpdateHints {

    /** Hints beyond this are read as this. */
    static final Duration MAX = Duration.ofDays(30);

    private static final Pattern FIRST_ITEM = Pattern.compile("<(?:[\\w.-]+:)?(?:item|entry)[\\s>/]");
    private static final Pattern TTL = Pattern.compile("<(?:[\\w.-]+:)?ttl\\s*>\\s*(\\d{1,9})\\s*<");
    private static final Pattern PERIOD = Pattern.compile("<[\\w.-]+:updatePeriod\\s*>\\s*([A-Za-z]+)\\s*<");
    private static final Pattern FREQUENCY = Pattern.compile("<[\\w.-]+:updateFrequency\\s*>\\s*(\\d{1,9})\\s*<");

    private UpdateHints() {
    }

    /** The interval the feed announces, or null. With both, the ttl wins (it is the more specific). */
    static Duration interval(String xml) {
        if (xml == null) {
            return null;
        }
        Matcher item = FIRST_ITEM.matcher(xml);
        String head = item.find() ? xml.substring(0, item.start()) : xml.length() > 64_000 ? xml.substring(0, 64_000) : xml;
        Matcher ttl = TTL.matcher(head);
        if (ttl.find()) {
            long minutes = Long.parseLong(ttl.group(1));
            if (minutes > 0) {
                return cap(Duration.ofMinutes(minutes));
            }
        }
        Matcher period = PERIOD.matcher(head);
        if (period.find()) {
            Duration unit = switch (period.group(1).toLowerCase(Locale.ROOT)) {
                case "hourly" -> Duration.ofHours(1);
                case "daily" -> Duration.ofDays(1);
                case "weekly" -> Duration.ofDays(7);
                case "monthly" -> Duration.ofDays(30);
                case "yearly" -> Duration.ofDays(365);
                default -> null;
            };
            if (unit == null) {
                return null;
            }
            Matcher frequency = FREQUENCY.matcher(head);
            long times = frequency.find() ? Math.max(1, Long.parseLong(frequency.group(1))) : 1;
            return cap(unit.dividedBy(times));
        }
        return null;
    }

    private static Duration cap(Duration d) {
        return d.compareTo(MAX) > 0 ? MAX : d;
    }
}
