package io.tributary.command.user;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Reduces a user's bio to the tags {@code b i em strong a[href]}: scripts, styles, event attributes and
 * {@code javascript:} links are dropped, so a view can render the bio without escaping it.
 */
@Component
class BioSanitizer {

    private static final Safelist ALLOWED = Safelist.none()
            .addTags("b", "i", "em", "strong", "a")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow");

    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    String sanitize(String html) {
        return Jsoup.clean(html, "", ALLOWED, COMPACT);
    }
}
