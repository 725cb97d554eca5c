package io.tributary.query.view;

import org.bson.Document;

/** An exact amount as the views keep it: a decimal string and its currency, shown as stored. */
public record Money(String amount, String currency) {

    public static Money from(Document document) {
        return document == null ? null : new Money(document.getString("amount"), document.getString("currency"));
    }
}
