package io.tributary.command.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the version a client expects from {@code If-Match: "<version>"}; absent or {@code *} means any. */
public final class IfMatch {

    public static final String HEADER = "If-Match";

    private static final Pattern ENTITY_TAG = Pattern.compile("\"([1-9][0-9]{0,17})\"");

    private IfMatch() {
    }

    public static Long expectedVersion(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        Matcher matcher = ENTITY_TAG.matcher(header.strip());
        if (!matcher.matches()) {
            throw new MalformedHeaderException(HEADER, "expected a version entity tag such as \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}
