package io.tributary.http.security;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's firewall with its own character rules for header names, header values and parameter names, checked
 * by a loop over the characters instead of a regular expression. The firewall checks a header every time the
 * application reads it, and a bearer token is a kilobyte long: with the bearer token's own expression
 * ({@link BearerTokens}), they were 12 % of the query API's sampled CPU in reads by id. The rules are the firewall's defaults: every character assigned in Unicode and none a control
 * character, except that a header value may hold a tab.
 */
final class HeaderCharacters {

    private static final int TAB = '\t';

    private HeaderCharacters() {
    }

    static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::allowedName);
        firewall.setAllowedHeaderValues(HeaderCharacters::allowedHeaderValue);
        firewall.setAllowedParameterNames(HeaderCharacters::allowedName);
        return firewall;
    }

    /** {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, the firewall's rule for header and parameter names. */
    static boolean allowedName(String name) {
        return allAllowed(name, false);
    }

    /** {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}, the firewall's rule for header values. */
    static boolean allowedHeaderValue(String value) {
        return allAllowed(value, true);
    }

    private static boolean allAllowed(String text, boolean tab) {
        for (int i = 0; i < text.length(); ) {
            int character = text.codePointAt(i);
            // Printable ASCII, nearly every character of every header, is assigned and no control character.
            boolean printableAscii = character >= ' ' && character < 0x7f;
            if (!printableAscii && !(tab && character == TAB)
                    && (Character.isISOControl(character) || !Character.isDefined(character))) {
                return false;
            }
            i += Character.charCount(character);
        }
        return true;
    }
}
