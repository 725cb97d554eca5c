package io.tributary.query.view;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/** Reading the field types every view document shares. */
public final class DocumentFields {

    private DocumentFields() {
    }

    public static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    public static long versionOf(Document document) {
        return document.get("version", Number.class).longValue();
    }
}
